import { reviewKinds, type ReviewGroup } from "./review-groups";
import { dayIndex, monthOf, weekOf, type StudyDayRange } from "./study-days";

export const retentionPeriods = ["day", "week", "month"] as const;
export type RetentionPeriod = (typeof retentionPeriods)[number];

/** How many buckets each view shows, the current (partial) one included. */
export const RETENTION_BUCKETS: Record<RetentionPeriod, number> = { day: 30, week: 12, month: 12 };

export type PassFail = { passed: number; failed: number };
export type RetentionBucket = {
  /** First date of the bucket (YYYY-MM-DD): the day, the week's Monday, or the month's 1st. */
  start: string;
  young: PassFail;
  mature: PassFail;
  total: PassFail;
};
export type TrueRetention = {
  period: RetentionPeriod;
  /** Oldest first; buckets without reviews are included, with zero counts. */
  buckets: RetentionBucket[];
  /** Sums over all shown buckets. */
  young: PassFail;
  mature: PassFail;
  total: PassFail;
};

const zero = (): PassFail => ({ passed: 0, failed: 0 });

/** passed / (passed + failed), or null when there was nothing to pass or fail. */
export function retentionRate({ passed, failed }: PassFail): number | null {
  return passed + failed === 0 ? null : passed / (passed + failed);
}

function bucketKey(period: RetentionPeriod, day: string): string {
  if (period === "week") return weekOf(day);
  if (period === "month") return `${monthOf(day)}-01`;
  return day;
}

/** Where each kind of review counts; learning steps count nowhere (see `reviewKind`). */
const tally = {
  [reviewKinds.youngPassed]: ["young", "passed"],
  [reviewKinds.youngFailed]: ["young", "failed"],
  [reviewKinds.maturePassed]: ["mature", "passed"],
  [reviewKinds.matureFailed]: ["mature", "failed"],
} as const;

/**
 * True retention (Anki's definition, see `reviewKind`) per study day, week
 * (Monday first) or calendar month, for the last RETENTION_BUCKETS[period]
 * buckets up to today. Weeks and months are made of the user's study days, so a
 * review at 02:00 with the day starting at 04:00 counts in the previous day's
 * week or month.
 */
export function trueRetention(
  range: StudyDayRange,
  groups: readonly ReviewGroup[],
  period: RetentionPeriod,
): TrueRetention {
  // Walk back from today: which bucket (counted from the newest) each study day falls in.
  const keys: string[] = [];
  const bucketOfDay = new Map<number, number>();
  for (let i = range.today; i >= 0; i--) {
    const key = bucketKey(period, range.days[i]!);
    if (keys[keys.length - 1] !== key) {
      if (keys.length === RETENTION_BUCKETS[period]) break;
      keys.push(key);
    }
    bucketOfDay.set(i, keys.length - 1);
  }
  const buckets: RetentionBucket[] = keys
    .map((start) => ({ start, young: zero(), mature: zero(), total: zero() }))
    .reverse();
  const sums = { young: zero(), mature: zero(), total: zero() };

  for (const group of groups) {
    if (group.kind === reviewKinds.step) continue;
    const back = bucketOfDay.get(dayIndex(range, group.at));
    if (back === undefined) continue;
    const bucket = buckets[buckets.length - 1 - back]!;
    const [age, outcome] = tally[group.kind];
    bucket[age][outcome] += group.count;
    bucket.total[outcome] += group.count;
    sums[age][outcome] += group.count;
    sums.total[outcome] += group.count;
  }
  return { period, buckets, ...sums };
}
