import { describe, expect, it } from "vitest";
import {
  createScheduler,
  defaultFsrsParams,
  fsrsParamsInUse,
  ratings,
  type RatingValue,
} from "@/lib/srs/scheduler";
import { defaultStudySettings } from "@/lib/srs/study-settings";

const start = new Date("2026-01-10T09:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const day = 24 * 60;
const history: { rating: RatingValue; reviewedAt: Date }[] = [
  { rating: ratings.good, reviewedAt: at(0) },
  { rating: ratings.good, reviewedAt: at(10) },
  { rating: ratings.good, reviewedAt: at(2 * day) },
  { rating: ratings.again, reviewedAt: at(9 * day) },
  { rating: ratings.good, reviewedAt: at(9 * day + 10) },
  { rating: ratings.easy, reviewedAt: at(15 * day) },
];

describe("replaying a card's reviews with other parameters", () => {
  for (const fsrsParams of [null, defaultFsrsParams.map((p, i) => (i < 4 ? p * 3 : p))]) {
    it(`ends where grading the same reviews one by one ends (${fsrsParams ? "custom" : "default"} parameters, fuzz on)`, () => {
      const scheduler = createScheduler({ ...defaultStudySettings, fuzz: true, fsrsParams });
      let card = scheduler.newCard(start);
      for (const r of history) card = scheduler.grade(card, r.rating, r.reviewedAt).card;
      expect(scheduler.replay(history)).toEqual(card);
    });
  }

  it("keeps the last review's time and gives nothing for no reviews", () => {
    const scheduler = createScheduler({ ...defaultStudySettings, fsrsParams: null });
    expect(scheduler.replay(history)?.lastReview).toEqual(history.at(-1)!.reviewedAt);
    expect(scheduler.replay([])).toBeNull();
  });

  it("moves stability when the parameters change", () => {
    const tripled = defaultFsrsParams.map((p, i) => (i < 4 ? p * 3 : p));
    const a = createScheduler({ ...defaultStudySettings, fsrsParams: null }).replay(history.slice(0, 3))!;
    const b = createScheduler({ ...defaultStudySettings, fsrsParams: tripled }).replay(history.slice(0, 3))!;
    expect(b.stability).toBeGreaterThan(a.stability);
  });
});

describe("the parameters in use", () => {
  it("are the library defaults when none are stored, and stored 21-parameter vectors as they are", () => {
    expect(fsrsParamsInUse(null)).toEqual([...defaultFsrsParams]);
    const own = defaultFsrsParams.map((p) => p * 1.01);
    expect(fsrsParamsInUse(own)).toEqual(own);
  });

  it("extend an older 19-parameter (FSRS-5) vector to 21", () => {
    expect(fsrsParamsInUse(defaultFsrsParams.slice(0, 19))).toHaveLength(21);
  });
});
