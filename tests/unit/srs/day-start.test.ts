import { describe, expect, it } from "vitest";
import { studyDayStart, timeZoneOffsetMs } from "@/lib/srs/day-start";

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

const at = (iso: string) => new Date(iso);

describe("timeZoneOffsetMs for zones with a fixed offset", () => {
  it.each([
    ["UTC", 0],
    ["Europe/Moscow", 3 * HOUR], // MSK, UTC+3 all year since 2014
    ["Asia/Kolkata", 5 * HOUR + 30 * MINUTE], // IST, UTC+5:30
    ["Asia/Kathmandu", 5 * HOUR + 45 * MINUTE], // NPT, UTC+5:45
    ["Asia/Tokyo", 9 * HOUR], // JST, UTC+9
  ])("gives %s its standard offset in winter and summer", (zone, offset) => {
    expect(timeZoneOffsetMs(at("2026-01-15T12:00:00Z"), zone)).toBe(offset);
    expect(timeZoneOffsetMs(at("2026-07-15T12:00:00Z"), zone)).toBe(offset);
  });
});

describe("timeZoneOffsetMs for a zone with daylight saving time", () => {
  it("gives America/New_York -5 h in winter (EST) and -4 h in summer (EDT)", () => {
    expect(timeZoneOffsetMs(at("2026-01-15T12:00:00Z"), "America/New_York")).toBe(-5 * HOUR);
    expect(timeZoneOffsetMs(at("2026-07-15T12:00:00Z"), "America/New_York")).toBe(-4 * HOUR);
  });

  it("switches exactly at the 2026-03-08 transition (02:00 EST = 07:00 UTC)", () => {
    expect(timeZoneOffsetMs(at("2026-03-08T06:59:59Z"), "America/New_York")).toBe(-5 * HOUR);
    expect(timeZoneOffsetMs(at("2026-03-08T07:00:00Z"), "America/New_York")).toBe(-4 * HOUR);
  });

  it("is unaffected by milliseconds in the instant", () => {
    expect(timeZoneOffsetMs(at("2026-01-15T12:00:00.999Z"), "America/New_York")).toBe(-5 * HOUR);
  });
});

describe("studyDayStart in UTC with the day starting at 04:00", () => {
  it("returns today's 04:00 once 04:00 has passed", () => {
    expect(studyDayStart(at("2026-05-10T15:30:00Z"), "UTC", 4)).toEqual(at("2026-05-10T04:00:00Z"));
  });

  it("returns today's 04:00 at exactly 04:00", () => {
    expect(studyDayStart(at("2026-05-10T04:00:00Z"), "UTC", 4)).toEqual(at("2026-05-10T04:00:00Z"));
  });

  it("returns yesterday's 04:00 before 04:00 (a late session counts for the evening)", () => {
    expect(studyDayStart(at("2026-05-10T03:59:59Z"), "UTC", 4)).toEqual(at("2026-05-09T04:00:00Z"));
    expect(studyDayStart(at("2026-05-10T00:30:00Z"), "UTC", 4)).toEqual(at("2026-05-09T04:00:00Z"));
  });

  it("crosses month and year boundaries when going back a day", () => {
    expect(studyDayStart(at("2026-01-01T01:00:00Z"), "UTC", 4)).toEqual(at("2025-12-31T04:00:00Z"));
    expect(studyDayStart(at("2026-03-01T02:00:00Z"), "UTC", 4)).toEqual(at("2026-02-28T04:00:00Z"));
  });
});

describe("studyDayStart in UTC with the day starting at midnight", () => {
  it("returns the same day's 00:00", () => {
    expect(studyDayStart(at("2026-05-10T00:00:00Z"), "UTC", 0)).toEqual(at("2026-05-10T00:00:00Z"));
    expect(studyDayStart(at("2026-05-10T23:59:59Z"), "UTC", 0)).toEqual(at("2026-05-10T00:00:00Z"));
  });
});

describe("studyDayStart in Europe/Moscow (UTC+3, no DST)", () => {
  it("returns local 04:00 = 01:00 UTC once local 04:00 has passed", () => {
    // 2026-05-10T09:00Z is 12:00 MSK; the day began at 04:00 MSK = 01:00Z the same date.
    expect(studyDayStart(at("2026-05-10T09:00:00Z"), "Europe/Moscow", 4)).toEqual(at("2026-05-10T01:00:00Z"));
  });

  it("returns the previous local day's 04:00 before local 04:00", () => {
    // 2026-05-10T00:30Z is 03:30 MSK on 05-10, before 04:00 → 04:00 MSK on 05-09 = 2026-05-09T01:00Z.
    expect(studyDayStart(at("2026-05-10T00:30:00Z"), "Europe/Moscow", 4)).toEqual(at("2026-05-09T01:00:00Z"));
  });

  it("uses the local date, not the UTC date, to pick the day", () => {
    // 2026-05-09T22:00Z is already 01:00 MSK on 05-10; with midnight as day start the
    // day began at 00:00 MSK on 05-10 = 2026-05-09T21:00Z (not 05-09T00:00 MSK).
    expect(studyDayStart(at("2026-05-09T22:00:00Z"), "Europe/Moscow", 0)).toEqual(at("2026-05-09T21:00:00Z"));
  });

  it("returns exactly the instant when now is local 04:00", () => {
    expect(studyDayStart(at("2026-05-10T01:00:00Z"), "Europe/Moscow", 4)).toEqual(at("2026-05-10T01:00:00Z"));
  });
});

describe("studyDayStart in America/New_York across the spring-forward transition (2026-03-08)", () => {
  // Clocks jump from 02:00 EST (UTC-5) to 03:00 EDT (UTC-4) at 07:00 UTC.
  it("converts a 04:00 start after the jump with the EDT offset", () => {
    // 12:00Z = 08:00 EDT; the day began at 04:00 EDT = 08:00Z.
    expect(studyDayStart(at("2026-03-08T12:00:00Z"), "America/New_York", 4)).toEqual(
      at("2026-03-08T08:00:00Z"),
    );
  });

  it("converts a midnight start before the jump with the EST offset, although now is in EDT", () => {
    // 12:00Z = 08:00 EDT; the day began at 00:00 EST = 05:00Z, not 04:00Z.
    expect(studyDayStart(at("2026-03-08T12:00:00Z"), "America/New_York", 0)).toEqual(
      at("2026-03-08T05:00:00Z"),
    );
  });

  it("goes back to the previous day's 04:00 EST when now is before local 04:00", () => {
    // 07:30Z = 03:30 EDT, before 04:00 → 04:00 EST on 03-07 = 2026-03-07T09:00Z.
    expect(studyDayStart(at("2026-03-08T07:30:00Z"), "America/New_York", 4)).toEqual(
      at("2026-03-07T09:00:00Z"),
    );
  });
});

describe("studyDayStart in America/New_York across the fall-back transition (2026-11-01)", () => {
  // Clocks fall back from 02:00 EDT (UTC-4) to 01:00 EST (UTC-5) at 06:00 UTC.
  it("converts a 04:00 start after the change with the EST offset", () => {
    // 12:00Z = 07:00 EST; the day began at 04:00 EST = 09:00Z.
    expect(studyDayStart(at("2026-11-01T12:00:00Z"), "America/New_York", 4)).toEqual(
      at("2026-11-01T09:00:00Z"),
    );
  });

  it("converts a midnight start before the change with the EDT offset, although now is in EST", () => {
    // 12:00Z = 07:00 EST; the day began at 00:00 EDT = 04:00Z, not 05:00Z.
    expect(studyDayStart(at("2026-11-01T12:00:00Z"), "America/New_York", 0)).toEqual(
      at("2026-11-01T04:00:00Z"),
    );
  });

  it("goes back to the previous day's 04:00 EDT when now is in the repeated hour", () => {
    // 06:30Z = 01:30 EST (second pass), before 04:00 → 04:00 EDT on 10-31 = 2026-10-31T08:00Z.
    expect(studyDayStart(at("2026-11-01T06:30:00Z"), "America/New_York", 4)).toEqual(
      at("2026-10-31T08:00:00Z"),
    );
  });
});

describe("studyDayStart around DST transitions, sampled every 17 minutes", () => {
  const transitions = [
    ["America/New_York", "2026-03-08T07:00:00Z"], // spring forward, 1 h
    ["America/New_York", "2026-11-01T06:00:00Z"], // fall back, 1 h
    ["Australia/Lord_Howe", "2026-04-04T15:00:00Z"], // fall back, 30 min (02:00 LHDT → 01:30 LHST)
    ["Australia/Lord_Howe", "2026-10-03T15:30:00Z"], // spring forward, 30 min (02:00 LHST → 02:30 LHDT)
  ] as const;

  it.each(transitions)("in %s near %s is never after now and less than 25 h before it", (zone, iso) => {
    const centre = at(iso).getTime();
    for (let t = centre - 36 * HOUR; t <= centre + 36 * HOUR; t += 17 * MINUTE) {
      for (const hour of [0, 1, 4]) {
        const label = `${zone} ${new Date(t).toISOString()} dayStartHour=${hour}`;
        const dayStart = studyDayStart(new Date(t), zone, hour).getTime();
        expect(dayStart, label).toBeLessThanOrEqual(t);
        expect(t - dayStart, label).toBeLessThan(25 * HOUR);
      }
    }
  });
});
