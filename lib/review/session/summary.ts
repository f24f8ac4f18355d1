import type { SessionState } from "./machine";

const MINUTE_MS = 60_000;

/** The end-of-session line: cards graded here, minutes (at least one) and the again rate in percent. */
export function sessionSummary(state: SessionState): { cards: number; minutes: number; againRate: number } {
  const { cards, again, ms } = state.stats;
  return {
    cards,
    minutes: Math.max(1, Math.round(ms / MINUTE_MS)),
    againRate: Math.round((100 * again) / Math.max(1, cards)),
  };
}

/** The share of the session done, 0..1: graded here over graded plus still due (or the opening count). */
export function sessionProgress(state: SessionState): number {
  const { cards } = state.stats;
  const remaining = state.counts.new + state.counts.learning + state.counts.review;
  return state.total + cards > 0 ? cards / Math.max(state.total, cards + remaining) : 1;
}

/** Server work is pending (a grade being saved, cards loading, an undo). */
export function isBusy(state: SessionState): boolean {
  return state.tasks.length > 0;
}
