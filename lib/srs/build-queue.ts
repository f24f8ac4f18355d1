import { states, type StateValue } from "./scheduler";

/**
 * The order of a review session, as pure data: (re)learning cards due now
 * first, then due reviews — most overdue relative to their interval first —
 * then new cards in the deck's topic order, within the day's limits.
 */
export type DueCard = { cardId: string; state: StateValue; due: Date; scheduledDays: number };
export type NewCard = { cardId: string };
export type QueueKind = "learning" | "review" | "new";
export type QueueEntry = { cardId: string; kind: QueueKind };

export type QueueInput = {
  now: Date;
  /** Start of the user's next study day: reviews due before it count as due today. */
  nextDayStart: Date;
  due: DueCard[];
  /** Unstudied cards already in topic order. */
  fresh: NewCard[];
  limits: { newCardsPerDay: number; reviewsPerDay: number };
  doneToday: { newCards: number; reviews: number };
  /**
   * How many reviews are due today in all, when `due` holds only the most
   * overdue of them (the repository orders and cuts them in SQL, so a heavy
   * user's hundreds of due reviews are not loaded on every card).
   */
  reviewsDue?: number;
};

const DAY_MS = 86_400_000;

/** How late a review is compared with the interval it was given (0 = on time). */
export function overdueRatio(card: DueCard, now: Date): number {
  const interval = Math.max(1, card.scheduledDays) * DAY_MS;
  return (now.getTime() - card.due.getTime()) / interval;
}

export function buildQueue(input: QueueInput): QueueEntry[] {
  const { now } = input;
  const learning = input.due
    .filter((c) => (c.state === states.learning || c.state === states.relearning) && c.due <= now)
    .sort((a, b) => a.due.getTime() - b.due.getTime() || a.cardId.localeCompare(b.cardId));
  const reviewRoom = Math.max(0, input.limits.reviewsPerDay - input.doneToday.reviews);
  const reviews = input.due
    .filter((c) => c.state === states.review && c.due < input.nextDayStart)
    .sort((a, b) => overdueRatio(b, now) - overdueRatio(a, now) || a.cardId.localeCompare(b.cardId))
    .slice(0, reviewRoom);
  const newRoom = Math.max(0, input.limits.newCardsPerDay - input.doneToday.newCards);
  const fresh = input.fresh.slice(0, newRoom);
  return [
    ...learning.map((c) => ({ cardId: c.cardId, kind: "learning" as const })),
    ...reviews.map((c) => ({ cardId: c.cardId, kind: "review" as const })),
    ...fresh.map((c) => ({ cardId: c.cardId, kind: "new" as const })),
  ];
}

/** Remaining counts of the day's queue, right even when `due` holds only the head of the reviews. */
export function remainingCounts(input: QueueInput): Record<QueueKind, number> {
  const learning = input.due.filter(
    (c) => (c.state === states.learning || c.state === states.relearning) && c.due <= input.now,
  ).length;
  const reviewsDue =
    input.reviewsDue ??
    input.due.filter((c) => c.state === states.review && c.due < input.nextDayStart).length;
  const reviewRoom = Math.max(0, input.limits.reviewsPerDay - input.doneToday.reviews);
  const newRoom = Math.max(0, input.limits.newCardsPerDay - input.doneToday.newCards);
  return {
    learning,
    review: Math.min(reviewsDue, reviewRoom),
    new: Math.min(input.fresh.length, newRoom),
  };
}

/** Counts of a queue's entries (a custom session's, which is loaded whole). */
export function queueCounts(queue: QueueEntry[]): Record<QueueKind, number> {
  const counts = { learning: 0, review: 0, new: 0 };
  for (const entry of queue) counts[entry.kind]++;
  return counts;
}
