import { studyDayStart, timeZoneOffsetMs } from "@/lib/srs/day-start";

/**
 * A run of consecutive study days in the user's time zone, each starting at the
 * local day-start hour (the same boundaries as the review queue's `studyDay`).
 * Built once per page so bucketing many reviews is a binary search per review
 * instead of a time-zone lookup per review.
 */
export type StudyDayRange = {
  /** The local date (YYYY-MM-DD) each study day began on, oldest first. */
  days: string[];
  /** `starts[i]` is when `days[i]` began (epoch ms); `starts[days.length]` is when the last day ends. */
  starts: number[];
  /** Index of the study day containing `now`. */
  today: number;
};

export type StudyClock = { now: Date; timeZone: string; dayStartHour: number };

const DAY = 24 * 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's UTC offset at an instant, as `timeZoneOffsetMs` computes it but with
 * the formatter kept per zone: building an Intl formatter costs ~100 µs, and a
 * year of day boundaries needs hundreds of offsets.
 */
function offsetMs(instant: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  const field: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of format.formatToParts(instant)) field[part.type] = Number(part.value);
  const wall = Date.UTC(
    field.year ?? 0,
    (field.month ?? 1) - 1,
    field.day ?? 1,
    field.hour ?? 0,
    field.minute ?? 0,
    field.second ?? 0,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The study days from `past` days before today to `future` days after it (today
 * included), with the boundaries of the queue's `studyDayStart`: the local wall
 * clock is stepped a day at a time and each local start converted back to an
 * instant with the offset in force then (days are 23, 24 or 25 hours long).
 */
export function studyDayRange(clock: StudyClock, past: number, future: number): StudyDayRange {
  const { now, timeZone, dayStartHour } = clock;
  const today = studyDayStart(now, timeZone, dayStartHour).getTime();
  let offset = timeZoneOffsetMs(new Date(today), timeZone);
  const todayWall = today + offset;
  const starts: number[] = [];
  const days: string[] = [];
  for (let k = -past; k <= future + 1; k++) {
    // Day k's local start, written as if the wall clock were UTC (calendar days are 24 h there).
    const wall = todayWall + k * DAY;
    const seen = offsetMs(wall - offset, timeZone);
    // Where the offset changes (DST, and the first day) the local start may not exist or occur
    // twice: ask the queue's own rule with an instant well inside the day, so the two agree.
    starts.push(
      seen === offset
        ? wall - seen
        : studyDayStart(new Date(wall - seen + 12 * 3_600_000), timeZone, dayStartHour).getTime(),
    );
    offset = seen;
    if (k <= future) days.push(new Date(wall).toISOString().slice(0, 10));
  }
  return { days, starts, today: past };
}

/** Index of the study day containing `instant` in `range`, or -1 if it falls outside. */
export function dayIndex(range: StudyDayRange, instant: Date): number {
  const t = instant.getTime();
  const { starts } = range;
  if (t < starts[0]! || t >= starts[starts.length - 1]!) return -1;
  let lo = 0;
  let hi = starts.length - 1; // starts[lo] <= t < starts[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The instant the range's first day began: the lower bound for a query feeding it. */
export function rangeStart(range: StudyDayRange): Date {
  return new Date(range.starts[0]!);
}

/** Day of the week of a YYYY-MM-DD date, Monday = 0 … Sunday = 6. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday (YYYY-MM-DD) of the week a date belongs to. */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - weekdayOf(day));
  return date.toISOString().slice(0, 10);
}

/** The month (YYYY-MM) a date belongs to. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}
