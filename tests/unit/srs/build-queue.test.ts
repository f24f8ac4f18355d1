import { describe, expect, it } from "vitest";
import { buildQueue, queueCounts, remainingCounts, type DueCard } from "@/lib/srs/build-queue";
import { states } from "@/lib/srs/scheduler";

const now = new Date("2026-03-10T12:00:00Z");
const nextDayStart = new Date("2026-03-11T04:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const review = (cardId: string, dueHoursAgo: number, scheduledDays: number): DueCard => ({
  cardId,
  state: states.review,
  due: hoursAgo(dueHoursAgo),
  scheduledDays,
});
const base = {
  now,
  nextDayStart,
  due: [] as DueCard[],
  fresh: [] as { cardId: string }[],
  limits: { newCardsPerDay: 20, reviewsPerDay: 200 },
  doneToday: { newCards: 0, reviews: 0 },
};

describe("buildQueue", () => {
  it("puts learning cards due now first, then due reviews, then new cards", () => {
    const queue = buildQueue({
      ...base,
      due: [
        review("r1", 24, 3),
        { cardId: "l1", state: states.learning, due: hoursAgo(0.1), scheduledDays: 0 },
        { cardId: "rl1", state: states.relearning, due: hoursAgo(0.5), scheduledDays: 0 },
      ],
      fresh: [{ cardId: "n1" }],
    });
    expect(queue).toEqual([
      { cardId: "rl1", kind: "learning" },
      { cardId: "l1", kind: "learning" },
      { cardId: "r1", kind: "review" },
      { cardId: "n1", kind: "new" },
    ]);
  });

  it("orders reviews by how overdue they are relative to their interval", () => {
    // a: 2 days late on a 100-day interval (0.02); b: 1 day late on a 2-day interval (0.5).
    const queue = buildQueue({ ...base, due: [review("a", 48, 100), review("b", 24, 2)] });
    expect(queue.map((e) => e.cardId)).toEqual(["b", "a"]);
  });

  it("leaves out learning cards whose step is not due yet, and reviews due after today", () => {
    const queue = buildQueue({
      ...base,
      due: [
        {
          cardId: "later-step",
          state: states.learning,
          due: new Date(now.getTime() + 600_000),
          scheduledDays: 0,
        },
        { cardId: "tonight", state: states.review, due: new Date("2026-03-11T02:00:00Z"), scheduledDays: 5 },
        { cardId: "tomorrow", state: states.review, due: new Date("2026-03-11T05:00:00Z"), scheduledDays: 5 },
      ],
    });
    expect(queue.map((e) => e.cardId)).toEqual(["tonight"]);
  });

  it("respects the daily limits, counting what was already done today", () => {
    const queue = buildQueue({
      ...base,
      due: [review("r1", 3, 1), review("r2", 2, 1), review("r3", 1, 1)],
      fresh: [{ cardId: "n1" }, { cardId: "n2" }, { cardId: "n3" }],
      limits: { newCardsPerDay: 2, reviewsPerDay: 5 },
      doneToday: { newCards: 1, reviews: 3 },
    });
    expect(queue.filter((e) => e.kind === "review")).toHaveLength(2);
    expect(queue.filter((e) => e.kind === "new").map((e) => e.cardId)).toEqual(["n1"]);
  });

  it("never returns a negative room when more was done than the limit allows", () => {
    const queue = buildQueue({
      ...base,
      fresh: [{ cardId: "n1" }],
      limits: { newCardsPerDay: 1, reviewsPerDay: 0 },
      doneToday: { newCards: 5, reviews: 9 },
    });
    expect(queue).toEqual([]);
  });
});

describe("remainingCounts", () => {
  const learning = (cardId: string, dueHoursAgo: number): DueCard => ({
    cardId,
    state: states.learning,
    due: hoursAgo(dueHoursAgo),
    scheduledDays: 0,
  });

  it("agrees with the queue when every due card is given", () => {
    const input = {
      ...base,
      due: [review("a", 5, 3), review("b", 2, 3), learning("l", 1), learning("later", -1)],
      fresh: [{ cardId: "n1" }, { cardId: "n2" }],
      limits: { newCardsPerDay: 20, reviewsPerDay: 1 },
    };
    expect(remainingCounts(input)).toEqual(queueCounts(buildQueue(input)));
    expect(remainingCounts(input)).toEqual({ learning: 1, review: 1, new: 2 });
  });

  it("counts all due reviews from reviewsDue when only the head of them is loaded", () => {
    const input = { ...base, due: [review("a", 5, 3), review("b", 2, 3)], reviewsDue: 734 };
    expect(buildQueue(input).map((e) => e.cardId)).toEqual(["a", "b"]);
    expect(remainingCounts(input)).toEqual({ learning: 0, review: 200, new: 0 });
    expect(remainingCounts({ ...input, doneToday: { newCards: 0, reviews: 150 } }).review).toBe(50);
    expect(remainingCounts({ ...input, reviewsDue: 12 }).review).toBe(12);
  });
});
