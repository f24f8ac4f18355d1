import { describe, expect, it } from "vitest";
import { ratings, states } from "@/lib/srs/scheduler";
import {
  groupReviews,
  MATURE_DAYS,
  RETENTION_BUCKETS,
  retentionRate,
  reviewKind,
  reviewKinds,
  studyDayRange,
  trueRetention,
} from "@/lib/stats";

const now = new Date("2026-05-13T12:00:00Z"); // Wednesday
const range = studyDayRange({ now, timeZone: "UTC", dayStartHour: 4 }, 365, 30);

type Log = { at: string; state?: number; rating?: number; scheduledDays?: number };
const groups = (...logs: Log[]) =>
  groupReviews(
    logs.map((l) => ({
      reviewedAt: new Date(l.at),
      state: l.state ?? states.review,
      rating: l.rating ?? ratings.good,
      scheduledDays: l.scheduledDays ?? 3,
      durationMs: 1000,
    })),
  );

describe("reviewKind (Anki's true retention)", () => {
  it("counts only reviews of cards in the review state", () => {
    for (const state of [states.new, states.learning, states.relearning]) {
      expect(reviewKind({ state, rating: ratings.again, scheduledDays: 30 })).toBe(reviewKinds.step);
    }
  });

  it("fails Again and passes Hard, Good and Easy", () => {
    const kind = (rating: number) => reviewKind({ state: states.review, rating, scheduledDays: 3 });
    expect(kind(ratings.again)).toBe(reviewKinds.youngFailed);
    expect([ratings.hard, ratings.good, ratings.easy].map(kind)).toEqual([
      reviewKinds.youngPassed,
      reviewKinds.youngPassed,
      reviewKinds.youngPassed,
    ]);
  });

  it("calls a card mature from an interval of MATURE_DAYS (21) days before the review", () => {
    const kind = (scheduledDays: number, rating: number = ratings.good) =>
      reviewKind({ state: states.review, rating, scheduledDays });
    expect(MATURE_DAYS).toBe(21);
    expect(kind(20)).toBe(reviewKinds.youngPassed);
    expect(kind(21)).toBe(reviewKinds.maturePassed);
    expect(kind(21, ratings.again)).toBe(reviewKinds.matureFailed);
  });
});

describe("trueRetention by day", () => {
  it("splits pass and fail of young and mature reviews per study day and sums them", () => {
    const result = trueRetention(
      range,
      groups(
        { at: "2026-05-13T05:00:00Z" },
        { at: "2026-05-13T05:01:00Z", rating: ratings.again },
        { at: "2026-05-13T05:02:00Z", scheduledDays: 40 },
        { at: "2026-05-13T05:03:00Z", scheduledDays: 40, rating: ratings.hard },
        { at: "2026-05-13T05:04:00Z", scheduledDays: 40, rating: ratings.again },
        { at: "2026-05-13T05:05:00Z", state: states.relearning, rating: ratings.again },
        // 02:00 belongs to the 12th's study day.
        { at: "2026-05-13T02:00:00Z", rating: ratings.again },
      ),
      "day",
    );
    expect(result.buckets).toHaveLength(RETENTION_BUCKETS.day);
    const today = result.buckets[result.buckets.length - 1]!;
    expect(today.start).toBe("2026-05-13");
    expect(today.young).toEqual({ passed: 1, failed: 1 });
    expect(today.mature).toEqual({ passed: 2, failed: 1 });
    expect(today.total).toEqual({ passed: 3, failed: 2 });
    expect(result.buckets[result.buckets.length - 2]).toMatchObject({
      start: "2026-05-12",
      young: { passed: 0, failed: 1 },
    });
    expect(result.total).toEqual({ passed: 3, failed: 3 });
    expect(retentionRate(result.mature)).toBeCloseTo(2 / 3, 12);
  });

  it("gives no rate (not 0 %) where nothing was reviewed", () => {
    const result = trueRetention(range, [], "day");
    expect(result.buckets.every((b) => retentionRate(b.total) === null)).toBe(true);
    expect(retentionRate({ passed: 0, failed: 2 })).toBe(0);
  });
});

describe("trueRetention by week and month", () => {
  it("groups study days into Monday-first weeks, the current week last", () => {
    const result = trueRetention(
      range,
      groups(
        { at: "2026-05-11T10:00:00Z" }, // Monday: this week
        { at: "2026-05-11T03:00:00Z", rating: ratings.again }, // Monday 03:00 = Sunday's study day: last week
        { at: "2026-05-04T10:00:00Z" }, // last week's Monday
      ),
      "week",
    );
    expect(result.buckets).toHaveLength(RETENTION_BUCKETS.week);
    expect(result.buckets.map((b) => b.start).slice(-2)).toEqual(["2026-05-04", "2026-05-11"]);
    expect(result.buckets.at(-1)!.total).toEqual({ passed: 1, failed: 0 });
    expect(result.buckets.at(-2)!.total).toEqual({ passed: 1, failed: 1 });
  });

  it("groups into calendar months of study days, twelve of them with the current one", () => {
    const result = trueRetention(
      range,
      groups(
        { at: "2026-05-01T10:00:00Z" },
        { at: "2026-05-01T03:00:00Z", rating: ratings.again }, // still 30 April's study day
        { at: "2025-06-15T10:00:00Z" }, // the oldest month shown
        { at: "2025-05-20T10:00:00Z" }, // thirteen months ago: not shown
      ),
      "month",
    );
    expect(result.buckets).toHaveLength(12);
    expect(result.buckets[0]!.start).toBe("2025-06-01");
    expect(result.buckets.at(-1)).toMatchObject({ start: "2026-05-01", total: { passed: 1, failed: 0 } });
    expect(result.buckets.at(-2)).toMatchObject({ start: "2026-04-01", total: { passed: 0, failed: 1 } });
    expect(result.total).toEqual({ passed: 2, failed: 1 });
  });
});

describe("groupReviews", () => {
  it("counts reviews and sums their time per quarter hour and kind", () => {
    const grouped = groupReviews([
      {
        reviewedAt: new Date("2026-05-13T05:00:00Z"),
        state: 2,
        rating: 3,
        scheduledDays: 1,
        durationMs: 1000,
      },
      {
        reviewedAt: new Date("2026-05-13T05:14:59Z"),
        state: 2,
        rating: 4,
        scheduledDays: 2,
        durationMs: 2000,
      },
      {
        reviewedAt: new Date("2026-05-13T05:15:00Z"),
        state: 2,
        rating: 3,
        scheduledDays: 1,
        durationMs: 4000,
      },
      {
        reviewedAt: new Date("2026-05-13T05:01:00Z"),
        state: 0,
        rating: 3,
        scheduledDays: 0,
        durationMs: 8000,
      },
    ]);
    expect(grouped).toHaveLength(3);
    expect(grouped).toContainEqual({
      at: new Date("2026-05-13T05:00:00Z"),
      kind: reviewKinds.youngPassed,
      count: 2,
      durationMs: 3000,
    });
  });
});
