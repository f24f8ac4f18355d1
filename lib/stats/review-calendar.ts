import type { ReviewGroup } from "./review-groups";
import { dayIndex, weekdayOf, type StudyDayRange } from "./study-days";

/** Days shown in the calendar heatmap, today included. */
export const CALENDAR_DAYS = 365;

export type CalendarDay = {
  /** Local date the study day began on (YYYY-MM-DD). */
  day: string;
  /** Column: weeks since the calendar's first (Monday-based) week. */
  week: number;
  /** Row: Monday = 0 … Sunday = 6. */
  weekday: number;
  count: number;
};

export type ReviewCalendar = {
  days: CalendarDay[];
  /** Reviews in the calendar's days. */
  total: number;
  /** Days with at least one review. */
  activeDays: number;
  today: number;
  /**
   * Consecutive study days with reviews, ending today, or yesterday if nothing
   * was reviewed yet today (the streak is not broken before the day is over).
   * Counted within the calendar, so it is at most CALENDAR_DAYS.
   */
  streak: number;
};

/** Reviews per study day over the last `CALENDAR_DAYS` days of `range` (ending today). */
export function reviewCalendar(range: StudyDayRange, groups: readonly ReviewGroup[]): ReviewCalendar {
  const first = Math.max(0, range.today - CALENDAR_DAYS + 1);
  const counts = new Array<number>(range.today + 1).fill(0);
  for (const group of groups) {
    const i = dayIndex(range, group.at);
    if (i >= first && i <= range.today) counts[i]! += group.count;
  }

  const firstWeekday = weekdayOf(range.days[first]!);
  const days: CalendarDay[] = [];
  for (let i = first; i <= range.today; i++) {
    const offset = i - first + firstWeekday;
    days.push({
      day: range.days[i]!,
      week: Math.floor(offset / 7),
      weekday: offset % 7,
      count: counts[i]!,
    });
  }

  let streak = 0;
  let i = counts[range.today]! > 0 ? range.today : range.today - 1;
  while (i >= first && counts[i]! > 0) {
    streak++;
    i--;
  }
  return {
    days,
    total: days.reduce((sum, d) => sum + d.count, 0),
    activeDays: days.filter((d) => d.count > 0).length,
    today: counts[range.today]!,
    streak,
  };
}
