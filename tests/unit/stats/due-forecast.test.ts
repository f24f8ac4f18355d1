import { describe, expect, it } from "vitest";
import { states } from "@/lib/srs/scheduler";
import { dueForecast, FORECAST_DAYS, studyDayRange, type ForecastCard } from "@/lib/stats";

const now = new Date("2026-05-13T12:00:00Z");
const range = studyDayRange({ now, timeZone: "Europe/Moscow", dayStartHour: 4 }, 10, FORECAST_DAYS);
const card = (due: string, over: Partial<ForecastCard> = {}): ForecastCard => ({
  state: states.review,
  due: new Date(due),
  suspended: false,
  buriedUntil: null,
  ...over,
});

describe("dueForecast", () => {
  it("gives FORECAST_DAYS study days starting today", () => {
    const days = dueForecast(range, []);
    expect(days).toHaveLength(FORECAST_DAYS);
    expect(days[0]!.day).toBe("2026-05-13");
    expect(days.at(-1)!.day).toBe("2026-06-11");
  });

  it("counts overdue cards on today, with learning and relearning apart from review", () => {
    const days = dueForecast(range, [
      card("2025-01-01T00:00:00Z"),
      card("2026-05-13T10:00:00Z", { state: states.learning }),
      card("2026-05-01T10:00:00Z", { state: states.relearning }),
    ]);
    expect(days[0]).toEqual({ day: "2026-05-13", learning: 2, review: 1 });
  });

  it("buckets by study day: 03:00 Moscow on the 15th is still the 14th", () => {
    const days = dueForecast(range, [card("2026-05-15T00:00:00Z"), card("2026-05-15T01:00:00Z")]);
    expect(days[1]).toMatchObject({ day: "2026-05-14", review: 1 });
    expect(days[2]).toMatchObject({ day: "2026-05-15", review: 1 });
  });

  it("leaves out suspended and new cards and those due after the last day", () => {
    const days = dueForecast(range, [
      card("2026-05-13T10:00:00Z", { suspended: true }),
      card("2026-05-13T10:00:00Z", { state: states.new }),
      card("2026-07-01T10:00:00Z"),
    ]);
    expect(days.every((d) => d.learning + d.review === 0)).toBe(true);
  });

  it("counts a buried card on the day it comes back", () => {
    const days = dueForecast(range, [
      card("2026-05-10T10:00:00Z", { buriedUntil: new Date("2026-05-14T01:00:00Z") }),
    ]);
    expect(days[0]!.review).toBe(0);
    expect(days[1]).toMatchObject({ day: "2026-05-14", review: 1 });
  });

  it("refuses a range that ends before the forecast does", () => {
    const short = studyDayRange({ now, timeZone: "UTC", dayStartHour: 4 }, 0, 5);
    expect(() => dueForecast(short, [])).toThrow(RangeError);
  });
});
