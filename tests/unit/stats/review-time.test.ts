import { describe, expect, it } from "vitest";
import { groupReviews, REVIEW_TIME_DAYS, reviewTime, studyDayRange } from "@/lib/stats";

const now = new Date("2026-05-13T12:00:00Z");
const range = studyDayRange({ now, timeZone: "UTC", dayStartHour: 4 }, 365, 30);
const review = (iso: string, durationMs: number) => ({
  reviewedAt: new Date(iso),
  state: 2,
  rating: 3,
  scheduledDays: 5,
  durationMs,
});

describe("reviewTime", () => {
  it("sums time per study day over the last REVIEW_TIME_DAYS days, with the mean per review", () => {
    const time = reviewTime(
      range,
      groupReviews([
        review("2026-05-13T05:00:00Z", 4_000),
        review("2026-05-13T05:20:00Z", 8_000),
        review("2026-05-13T03:00:00Z", 60_000), // the 12th's study day
        review("2026-04-01T10:00:00Z", 999_000), // more than 30 days ago
      ]),
    );
    expect(time.days).toHaveLength(REVIEW_TIME_DAYS);
    expect(time.days.at(-1)).toEqual({ day: "2026-05-13", ms: 12_000, reviews: 2 });
    expect(time.days.at(-2)).toEqual({ day: "2026-05-12", ms: 60_000, reviews: 1 });
    expect(time).toMatchObject({ totalMs: 72_000, reviews: 3, averageMs: 24_000 });
  });

  it("has no mean without reviews", () => {
    expect(reviewTime(range, [])).toMatchObject({ totalMs: 0, reviews: 0, averageMs: null });
  });
});
