import { describe, expect, it } from "vitest";
import { createScheduler, states, type CardMemory } from "@/lib/srs/scheduler";
import { defaultStudySettings } from "@/lib/srs/study-settings";
import { topicMastery } from "@/lib/stats";

const now = new Date("2026-05-13T12:00:00Z");
const memory = (over: Partial<CardMemory> = {}): CardMemory => ({
  state: states.review,
  due: now,
  stability: 10,
  difficulty: 5,
  elapsedDays: 0,
  scheduledDays: 10,
  learningSteps: 0,
  reps: 3,
  lapses: 0,
  lastReview: now,
  ...over,
});
/** A scheduler whose recall is the card's stability / 100: easy to follow in the expected values. */
const fixed = { retrievability: (m: CardMemory) => m.stability / 100 };
const topics = [
  { id: "a", title: "A", cardCount: 4 },
  { id: "b", title: "B", cardCount: 2 },
  { id: "c", title: "C", cardCount: 3 },
];

describe("topicMastery", () => {
  it("averages recall over all the topic's cards, unstudied ones counting zero", () => {
    const report = topicMastery(
      topics,
      [
        { topicId: "a", memory: memory({ stability: 80 }) },
        { topicId: "a", memory: memory({ stability: 60 }) },
        { topicId: "b", memory: memory({ stability: 90 }) },
        { topicId: "b", memory: memory({ stability: 70 }) },
      ],
      fixed,
      now,
    );
    expect(report.topics.map((t) => t.id)).toEqual(["a", "b", "c"]);
    expect(report.topics[0]).toMatchObject({ cards: 4, studied: 2, coverage: 0.5 });
    expect(report.topics[0]!.mastery).toBeCloseTo((0.8 + 0.6) / 4, 12);
    expect(report.topics[1]!.mastery).toBeCloseTo(0.8, 12);
    expect(report.topics[2]).toMatchObject({ studied: 0, coverage: 0, mastery: 0 });
  });

  it("names the started topic with the lowest mastery as the weakest, not an unstarted one", () => {
    const report = topicMastery(
      topics,
      [
        { topicId: "a", memory: memory({ stability: 90 }) },
        { topicId: "b", memory: memory({ stability: 90 }) },
      ],
      fixed,
      now,
    );
    expect(report.weakest).toBe("a"); // 0.9 / 4 < 0.9 / 2; "c" was never started
  });

  it("has no weakest topic before anything is studied, and counts a reset card as unstudied", () => {
    const report = topicMastery(
      topics,
      [{ topicId: "a", memory: memory({ state: states.new }) }],
      fixed,
      now,
    );
    expect(report.weakest).toBeNull();
    expect(report.topics[0]).toMatchObject({ studied: 0, mastery: 0 });
  });

  it("uses the scheduler's recall at `now`: a card reviewed just now is recalled for certain", () => {
    const scheduler = createScheduler(defaultStudySettings);
    const report = topicMastery(
      [{ id: "a", title: "A", cardCount: 2 }],
      [{ topicId: "a", memory: memory({ lastReview: now }) }],
      scheduler,
      now,
    );
    expect(report.topics[0]!.mastery).toBeCloseTo(0.5, 6);
    const later = topicMastery(
      [{ id: "a", title: "A", cardCount: 2 }],
      [{ topicId: "a", memory: memory({ lastReview: now }) }],
      scheduler,
      new Date(now.getTime() + 10 * 86_400_000),
    );
    // Ten days on, at the card's stability of 10 days, FSRS recall is 90 % by definition.
    expect(later.topics[0]!.mastery).toBeCloseTo(0.45, 2);
  });
});
