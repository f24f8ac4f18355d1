import { ratings, states } from "@/lib/srs/scheduler";

/**
 * The statistics read reviews pre-counted per quarter hour and kind instead of
 * one row per review: a heavy user has ~250k reviews a year, and turning each
 * into an object costs seconds. Quarter hours lose nothing: every zone's offset
 * is a multiple of 15 minutes, so every study-day boundary (local h:00) falls on
 * a quarter hour and a group never straddles two study days.
 */
export const GROUP_MS = 15 * 60_000;

/** Anki's line between young and mature cards: an interval of 21 days or more is mature. */
export const MATURE_DAYS = 21;

/** What a review says about retention. Only review-state reviews test a learnt card. */
export const reviewKinds = {
  /** A new card, or a (re)learning step: counted as work, not as a recall test. */
  step: 0,
  youngPassed: 1,
  youngFailed: 2,
  maturePassed: 3,
  matureFailed: 4,
} as const;
export type ReviewKind = (typeof reviewKinds)[keyof typeof reviewKinds];

/** Reviews of one kind within one quarter hour starting at `at`. */
export type ReviewGroup = { at: Date; kind: ReviewKind; count: number; durationMs: number };

/**
 * The kind of one review, from its log: Anki's true retention counts reviews of
 * cards in the review state (log state 2) and calls a card mature when its
 * interval before the review, the log's `scheduledDays` (Anki's `lastIvl`), was
 * at least 21 days. (`elapsedDays` would call a young card reviewed late
 * "mature" on the very review that tests whether it was learnt.) Passed means
 * anything but Again. lib/repo/stats.ts computes the same rule in SQL.
 */
export function reviewKind(log: { state: number; rating: number; scheduledDays: number }): ReviewKind {
  if (log.state !== states.review) return reviewKinds.step;
  const failed = log.rating === ratings.again;
  if (log.scheduledDays >= MATURE_DAYS) return failed ? reviewKinds.matureFailed : reviewKinds.maturePassed;
  return failed ? reviewKinds.youngFailed : reviewKinds.youngPassed;
}

/** Groups single reviews the way the stats query does (for callers holding raw logs, and tests). */
export function groupReviews(
  logs: readonly {
    reviewedAt: Date;
    state: number;
    rating: number;
    scheduledDays: number;
    durationMs: number;
  }[],
): ReviewGroup[] {
  const groups = new Map<string, ReviewGroup>();
  for (const log of logs) {
    const at = Math.floor(log.reviewedAt.getTime() / GROUP_MS) * GROUP_MS;
    const kind = reviewKind(log);
    const key = `${at}:${kind}`;
    const group = groups.get(key) ?? { at: new Date(at), kind, count: 0, durationMs: 0 };
    group.count++;
    group.durationMs += log.durationMs;
    groups.set(key, group);
  }
  return [...groups.values()];
}
