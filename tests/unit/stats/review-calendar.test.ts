import { describe, expect, it } from "vitest";
import { CALENDAR_DAYS, groupReviews, reviewCalendar, studyDayRange } from "@/lib/stats";

const now = new Date("2026-05-13T12:00:00Z"); // a Wednesday
const range = studyDayRange({ now, timeZone: "UTC", dayStartHour: 4 }, CALENDAR_DAYS, 30);

/** Reviews at the given instants (one each), as the stats query groups them. */
const reviewsAt = (...isos: string[]) =>
  groupReviews(
    isos.map((iso) => ({
      reviewedAt: new Date(iso),
      state: 0,
      rating: 3,
      scheduledDays: 0,
      durationMs: 1000,
    })),
  );

describe("reviewCalendar", () => {
  it("counts reviews per study day, a 02:00 review on the previous day", () => {
    const calendar = reviewCalendar(
      range,
      reviewsAt(
        "2026-05-13T05:00:00Z",
        "2026-05-13T05:00:30Z",
        "2026-05-13T02:00:00Z",
        "2026-05-11T20:00:00Z",
      ),
    );
    const count = (day: string) => calendar.days.find((d) => d.day === day)?.count;
    expect(count("2026-05-13")).toBe(2);
    expect(count("2026-05-12")).toBe(1);
    expect(count("2026-05-11")).toBe(1);
    expect(calendar).toMatchObject({ total: 4, activeDays: 3, today: 2 });
  });

  it("covers CALENDAR_DAYS days ending today, laid out as Monday-first week columns", () => {
    const calendar = reviewCalendar(range, []);
    expect(calendar.days).toHaveLength(CALENDAR_DAYS);
    const last = calendar.days[calendar.days.length - 1]!;
    expect(last).toMatchObject({ day: "2026-05-13", weekday: 2 }); // Wednesday
    const monday = calendar.days.find((d) => d.day === "2026-05-11")!;
    expect(monday).toMatchObject({ weekday: 0, week: last.week });
    const sunday = calendar.days.find((d) => d.day === "2026-05-10")!;
    expect(sunday).toMatchObject({ weekday: 6, week: last.week - 1 });
    expect(calendar.days[0]!.week).toBe(0);
  });

  it("ignores reviews before the calendar's first day and after today", () => {
    const calendar = reviewCalendar(range, reviewsAt("2025-01-01T12:00:00Z", "2026-05-20T12:00:00Z"));
    expect(calendar.total).toBe(0);
  });
});

describe("the review streak", () => {
  it("counts consecutive days ending today", () => {
    const calendar = reviewCalendar(
      range,
      reviewsAt(
        "2026-05-13T10:00:00Z",
        "2026-05-12T10:00:00Z",
        "2026-05-11T10:00:00Z",
        "2026-05-09T10:00:00Z",
      ),
    );
    expect(calendar.streak).toBe(3);
  });

  it("still counts a streak ending yesterday while today has no reviews yet", () => {
    const calendar = reviewCalendar(range, reviewsAt("2026-05-12T10:00:00Z", "2026-05-11T10:00:00Z"));
    expect(calendar.streak).toBe(2);
  });

  it("is zero when neither today nor yesterday had a review", () => {
    expect(reviewCalendar(range, reviewsAt("2026-05-11T10:00:00Z")).streak).toBe(0);
    expect(reviewCalendar(range, []).streak).toBe(0);
  });

  it("uses study days: reviews at 22:00 and 02:00 the next night are the same day", () => {
    const calendar = reviewCalendar(range, reviewsAt("2026-05-12T22:00:00Z", "2026-05-13T02:00:00Z"));
    expect(calendar.streak).toBe(1);
    expect(calendar.today).toBe(0);
  });
});
