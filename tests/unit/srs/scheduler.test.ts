import { createEmptyCard, fsrs, generatorParameters, Rating, type Grade } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { createScheduler, formatInterval, ratings, states, type RatingValue } from "@/lib/srs/scheduler";
import { defaultStudySettings } from "@/lib/srs/study-settings";

const settings = { ...defaultStudySettings, fuzz: false };

describe("the scheduler seam over ts-fsrs", () => {
  it("gives exactly what ts-fsrs gives for a recorded sequence of reviews", () => {
    // A recorded session: ratings with the minutes that passed before each one.
    const sequence: [RatingValue, number][] = [
      [3, 0],
      [3, 10],
      [1, 60 * 24 * 2],
      [3, 15],
      [4, 60 * 24 * 5],
      [2, 60 * 24 * 20],
    ];
    const reference = fsrs(
      generatorParameters({
        request_retention: 0.9,
        maximum_interval: 36500,
        enable_fuzz: false,
        learning_steps: ["1m", "10m"],
        relearning_steps: ["10m"],
      }),
    );
    const ours = createScheduler(settings);
    let now = new Date("2026-01-05T09:00:00Z");
    let theirs = createEmptyCard(now);
    let mine = ours.newCard(now);
    for (const [rating, minutes] of sequence) {
      now = new Date(now.getTime() + minutes * 60_000);
      theirs = reference.next(theirs, now, rating as Grade).card;
      mine = ours.grade(mine, rating, now).card;
      expect(mine.due.toISOString()).toBe(theirs.due.toISOString());
      expect(mine.stability).toBe(theirs.stability);
      expect(mine.difficulty).toBe(theirs.difficulty);
      expect(mine.state).toBe(theirs.state);
      expect(mine.reps).toBe(theirs.reps);
      expect(mine.lapses).toBe(theirs.lapses);
    }
    expect(mine.lapses).toBe(1);
  });

  it("logs the state the card had before the review", () => {
    const s = createScheduler(settings);
    const now = new Date("2026-01-05T09:00:00Z");
    const { card, log } = s.grade(s.newCard(now), ratings.good, now);
    expect(log).toMatchObject({ rating: 3, state: states.new, reviewedAt: now });
    expect(card.state).toBe(states.learning);
    expect(Rating.Good).toBe(ratings.good);
  });

  it("previews a longer interval for a better rating", () => {
    const s = createScheduler(settings);
    const now = new Date("2026-01-05T09:00:00Z");
    let card = s.newCard(now);
    for (const minutes of [0, 10])
      card = s.grade(card, ratings.good, new Date(now.getTime() + minutes * 60_000)).card;
    const later = new Date(card.due.getTime() + 86_400_000);
    const preview = s.preview(card, later);
    expect(
      preview[1].due < preview[2].due && preview[2].due < preview[3].due && preview[3].due < preview[4].due,
    ).toBe(true);
    expect(s.retrievability(card, later)).toBeGreaterThan(0);
    expect(s.retrievability(card, later)).toBeLessThan(1);
  });

  it("a higher desired retention gives shorter intervals", () => {
    const now = new Date("2026-01-05T09:00:00Z");
    const interval = (desiredRetention: number) => {
      const s = createScheduler({ ...settings, desiredRetention });
      let card = s.newCard(now);
      card = s.grade(card, ratings.easy, now).card;
      return card.scheduledDays;
    };
    expect(interval(0.95)).toBeLessThan(interval(0.8));
  });
});

describe("formatInterval", () => {
  const t0 = new Date("2026-01-01T00:00:00Z");
  const after = (ms: number) => formatInterval(t0, new Date(t0.getTime() + ms));
  it("shows minutes, hours, days, months and years", () => {
    expect(after(10 * 60_000)).toBe("10m");
    expect(after(3 * 3_600_000)).toBe("3h");
    expect(after(4 * 86_400_000)).toBe("4d");
    expect(after(60 * 86_400_000)).toBe("2mo");
    expect(after(548 * 86_400_000)).toBe("1.5y");
  });
});
