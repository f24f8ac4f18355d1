import { describe, expect, it } from "vitest";
import { DEFAULT_PERIOD, parsePeriod } from "@/app/(app)/stats/period";

describe("the ?period= parameter of the stats page", () => {
  it("accepts day, week and month", () => {
    expect(parsePeriod({ period: "day" })).toBe("day");
    expect(parsePeriod({ period: "week" })).toBe("week");
    expect(parsePeriod({ period: "month" })).toBe("month");
  });

  it("falls back to the default for a missing, unknown or repeated value instead of failing", () => {
    expect(parsePeriod({})).toBe(DEFAULT_PERIOD);
    expect(parsePeriod({ period: "year" })).toBe(DEFAULT_PERIOD);
    expect(parsePeriod({ period: ["day", "month"] })).toBe(DEFAULT_PERIOD);
    expect(parsePeriod({ period: "<script>" })).toBe(DEFAULT_PERIOD);
  });
});
