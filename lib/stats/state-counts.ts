import { states } from "@/lib/srs/scheduler";

export type StateCounts = {
  /** Live cards: the four states below add up to it. */
  total: number;
  new: number;
  learning: number;
  review: number;
  relearning: number;
  /** Of the above, cards taken out of study by the user. */
  suspended: number;
  /** Of the above, not suspended but hidden until a later time. */
  buried: number;
};

export type CountedCard = { state: number; suspended: boolean; buriedUntil: Date | null };

/**
 * Live cards by FSRS state. A live card with no state row was never studied and
 * is new, like one reset to state 0. `cards` are the user's state rows of live
 * cards only; `liveCards` counts all live cards in the deck.
 */
export function stateCounts(liveCards: number, cards: readonly CountedCard[], now: Date): StateCounts {
  const counts: StateCounts = {
    total: liveCards,
    new: 0,
    learning: 0,
    review: 0,
    relearning: 0,
    suspended: 0,
    buried: 0,
  };
  for (const card of cards) {
    if (card.state === states.learning) counts.learning++;
    else if (card.state === states.review) counts.review++;
    else if (card.state === states.relearning) counts.relearning++;
    if (card.suspended) counts.suspended++;
    else if (card.buriedUntil && card.buriedUntil > now) counts.buried++;
  }
  counts.new = liveCards - counts.learning - counts.review - counts.relearning;
  return counts;
}
