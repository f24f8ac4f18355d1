import type { ReviewGroup } from "./review-groups";
import { dayIndex, type StudyDayRange } from "./study-days";

/** Study days covered by the review-time chart, today included. */
export const REVIEW_TIME_DAYS = 30;

export type ReviewTimeDay = { day: string; ms: number; reviews: number };
export type ReviewTime = {
  days: ReviewTimeDay[];
  /** Sums over the shown days. */
  totalMs: number;
  reviews: number;
  /** Mean time per review in ms, or null with no reviews. */
  averageMs: number | null;
};

/** Time spent answering (the logs' `durationMs`) per study day over the last REVIEW_TIME_DAYS days. */
export function reviewTime(range: StudyDayRange, groups: readonly ReviewGroup[]): ReviewTime {
  const first = Math.max(0, range.today - REVIEW_TIME_DAYS + 1);
  const days: ReviewTimeDay[] = range.days
    .slice(first, range.today + 1)
    .map((day) => ({ day, ms: 0, reviews: 0 }));
  for (const group of groups) {
    const i = dayIndex(range, group.at);
    if (i < first || i > range.today) continue;
    const entry = days[i - first]!;
    entry.ms += group.durationMs;
    entry.reviews += group.count;
  }
  const totalMs = days.reduce((sum, d) => sum + d.ms, 0);
  const count = days.reduce((sum, d) => sum + d.reviews, 0);
  return { days, totalMs, reviews: count, averageMs: count === 0 ? null : totalMs / count };
}
