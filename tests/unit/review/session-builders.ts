import type { ReviewCard } from "@/lib/review/next-cards";
import {
  initialSessionState,
  reduce,
  type NextCardsWire,
  type SessionEffect,
  type SessionEvent,
  type SessionState,
} from "@/lib/review/session";

/** A review card with the given id; every other field has a harmless default. */
export function reviewCard(id: string, overrides: Partial<ReviewCard> = {}): ReviewCard {
  return {
    id,
    topicId: "topic",
    topicTitle: "Topic",
    type: "basic",
    difficulty: 1,
    tags: [],
    frontHtml: `<p>${id} front</p>`,
    backHtml: `<p>${id} back</p>`,
    revealedHtml: null,
    options: [],
    numeric: null,
    sources: [],
    related: [],
    example: null,
    version: 0,
    kind: "new",
    intervals: { 1: "1m", 2: "6m", 3: "10m", 4: "4d" },
    ...overrides,
  };
}

/** What /api/review/next answers: these cards, counts that say so unless given. */
export function nextCards(cards: ReviewCard[], overrides: Partial<NextCardsWire> = {}): NextCardsWire {
  return { cards, counts: { new: cards.length, learning: 0, review: 0 }, nextDue: null, ...overrides };
}

export const T0 = 1_700_000_000_000;

/** A session opened at T0 on these cards. */
export function session(
  cards: ReviewCard[],
  mode: { custom?: boolean; practice?: boolean } = {},
  overrides: Partial<NextCardsWire> = {},
): SessionState {
  const state = initialSessionState(nextCards(cards, overrides), {
    custom: mode.custom ?? false,
    practice: mode.practice ?? false,
  });
  return reduce(state, { type: "started", at: T0 }).state;
}

/** Feeds events in order; returns the last state and every effect emitted on the way. */
export function run(state: SessionState, ...events: SessionEvent[]) {
  const effects: SessionEffect[] = [];
  for (const event of events) {
    const step = reduce(state, event);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

let ids = 0;
/** A grade event with a fresh client id. */
export function graded(rating: 1 | 2 | 3 | 4, at: number): Extract<SessionEvent, { type: "graded" }> {
  ids += 1;
  return { type: "graded", rating, at, clientId: `00000000-0000-4000-8000-${String(ids).padStart(12, "0")}` };
}

export const reveal: SessionEvent = { type: "revealed", verdict: null };
