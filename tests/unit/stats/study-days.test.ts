import { describe, expect, it } from "vitest";
import { studyDayStart } from "@/lib/srs/day-start";
import { dayIndex, monthOf, studyDayRange, weekdayOf, weekOf } from "@/lib/stats";

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

describe("studyDayRange", () => {
  it.each([
    ["UTC", 4],
    ["Europe/Moscow", 4],
    ["America/New_York", 4],
    ["America/New_York", 0],
    ["Europe/London", 5],
    ["Australia/Sydney", 4],
    ["Asia/Kathmandu", 4],
    ["Australia/Lord_Howe", 4],
  ])("has the review queue's day boundaries for every day of a year in %s from %i:00", (zone, hour) => {
    const range = studyDayRange(
      { now: at("2026-06-15T12:00:00Z"), timeZone: zone, dayStartHour: hour },
      366,
      30,
    );
    expect(range.days).toHaveLength(397);
    for (let i = 0; i < range.days.length; i++) {
      // The queue's own rule, asked from the middle of each day, is the oracle.
      const middle = new Date((range.starts[i]! + range.starts[i + 1]!) / 2);
      expect(range.starts[i]).toBe(studyDayStart(middle, zone, hour).getTime());
    }
  });

  it("puts today at index `past` and names each day by the local date it began on", () => {
    const range = studyDayRange(
      { now: at("2026-05-10T15:00:00Z"), timeZone: "Europe/Moscow", dayStartHour: 4 },
      2,
      1,
    );
    expect(range.days).toEqual(["2026-05-08", "2026-05-09", "2026-05-10", "2026-05-11"]);
    expect(range.today).toBe(2);
    expect(range.starts[2]).toBe(at("2026-05-10T01:00:00Z").getTime()); // 04:00 MSK
  });

  it("makes the study day holding the spring-forward night 23 hours long and the fall-back one 25", () => {
    const range = studyDayRange(
      { now: at("2026-11-15T12:00:00Z"), timeZone: "America/New_York", dayStartHour: 4 },
      300,
      0,
    );
    const length = (day: string) => {
      const i = range.days.indexOf(day);
      return (range.starts[i + 1]! - range.starts[i]!) / HOUR;
    };
    // New York changes clocks at 02:00, inside the study day that began at 04:00 the day before.
    expect(length("2026-03-07")).toBe(23);
    expect(length("2026-03-08")).toBe(24);
    expect(length("2026-10-31")).toBe(25);
    expect(length("2026-06-01")).toBe(24);
  });
});

describe("dayIndex", () => {
  const range = studyDayRange({ now: at("2026-05-10T15:00:00Z"), timeZone: "UTC", dayStartHour: 4 }, 3, 3);
  const dayOf = (iso: string) => range.days[dayIndex(range, at(iso))];

  it("counts a review at 02:00 local towards the previous day when the day starts at 04:00", () => {
    expect(dayOf("2026-05-10T02:00:00Z")).toBe("2026-05-09");
    expect(dayOf("2026-05-10T03:59:59Z")).toBe("2026-05-09");
    expect(dayOf("2026-05-10T04:00:00Z")).toBe("2026-05-10");
  });

  it("follows the user's zone: 02:00 in Moscow is 23:00 UTC the evening before", () => {
    const moscow = studyDayRange(
      { now: at("2026-05-10T15:00:00Z"), timeZone: "Europe/Moscow", dayStartHour: 0 },
      3,
      0,
    );
    expect(moscow.days[dayIndex(moscow, at("2026-05-09T23:00:00Z"))]).toBe("2026-05-10");
  });

  it("assigns an instant in the DST gap night to the right day (New York, day from 04:00)", () => {
    const ny = studyDayRange(
      { now: at("2026-03-10T12:00:00Z"), timeZone: "America/New_York", dayStartHour: 4 },
      5,
      0,
    );
    // 07:30 UTC on 8 March is 03:30 EDT (the clocks jumped at 07:00 UTC): still the 7th's study day.
    expect(ny.days[dayIndex(ny, at("2026-03-08T07:30:00Z"))]).toBe("2026-03-07");
    // 08:00 UTC is 04:00 EDT: the 8th begins (in EST it would have been 03:00).
    expect(ny.days[dayIndex(ny, at("2026-03-08T08:00:00Z"))]).toBe("2026-03-08");
  });

  it("returns -1 outside the range", () => {
    expect(dayIndex(range, at("2026-05-01T12:00:00Z"))).toBe(-1);
    expect(dayIndex(range, at("2026-05-20T12:00:00Z"))).toBe(-1);
  });
});

describe("calendar helpers", () => {
  it("number weekdays from Monday and find the week's Monday and the month", () => {
    expect(weekdayOf("2026-05-11")).toBe(0); // a Monday
    expect(weekdayOf("2026-05-10")).toBe(6); // a Sunday
    expect(weekOf("2026-05-10")).toBe("2026-05-04");
    expect(weekOf("2026-03-01")).toBe("2026-02-23");
    expect(monthOf("2026-05-10")).toBe("2026-05");
  });
});
