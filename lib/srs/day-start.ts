const DAY_MS = 24 * 60 * 60 * 1000;

// Building a DateTimeFormat costs far more than using one (~0.5 ms against µs); one per zone is kept.
const formats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
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
    formats.set(timeZone, format);
  }
  return format;
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (positive east of Greenwich). */
export function timeZoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = wallClockFormat(timeZone).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallClockAsUtc = Date.UTC(
    field("year"),
    field("month") - 1,
    field("day"),
    field("hour"),
    field("minute"),
    field("second"),
  );
  return wallClockAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant the user's current study day began: the latest local
 * `dayStartHour`:00 not after `now` (Anki's "next day starts at" rule, so a
 * session past midnight still counts towards the evening's day).
 */
export function studyDayStart(now: Date, timeZone: string, dayStartHour: number): Date {
  const offset = timeZoneOffsetMs(now, timeZone);
  const wall = new Date(now.getTime() + offset);
  let startWall = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), dayStartHour);
  if (wall.getTime() < startWall) startWall -= DAY_MS;
  // Convert the wall-clock start back to an instant with the offset in force then (DST-safe).
  const guess = startWall - offset;
  return new Date(startWall - timeZoneOffsetMs(new Date(guess), timeZone));
}
