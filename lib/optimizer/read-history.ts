import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { FitJobScope } from "@/lib/repo/fit-jobs";
import { toCardSequences, type CardSequence, type DayBoundary, type ReviewEvent } from "@/lib/srs/fsrs-items";
import { REVIEW_PAGE_SIZE } from "./policy";

/**
 * Reads the user's whole review history page by page (ordered by card, then time) and
 * converts each page's complete cards as it goes, giving the event loop a turn between
 * pages: a 100,000-review history never holds the main thread for long.
 */
export async function readHistory(
  jobs: FitJobScope,
  boundary: DayBoundary,
  onPage?: (reviewsRead: number) => Promise<void> | void,
): Promise<{ sequences: CardSequence[]; events: Map<string, ReviewEvent[]>; reviews: number }> {
  const sequences: CardSequence[] = [];
  const events = new Map<string, ReviewEvent[]>();
  let pending: ReviewEvent[] = [];
  let after: string | null = null;
  let reviews = 0;
  for (;;) {
    const page = await jobs.reviewPage(after, REVIEW_PAGE_SIZE);
    reviews += page.length;
    for (const e of page) {
      const list = events.get(e.cardId);
      if (list) list.push(e);
      else events.set(e.cardId, [e]);
    }
    pending.push(...page);
    const last = page[page.length - 1];
    const done = page.length < REVIEW_PAGE_SIZE || !last;
    // The last card of a page may continue on the next one: keep it back until then.
    const cut = done ? pending.length : pending.findIndex((e) => e.cardId === last.cardId);
    sequences.push(...toCardSequences(pending.slice(0, cut), boundary));
    pending = pending.slice(cut);
    if (done) break;
    after = last.id;
    await onPage?.(reviews);
    await yieldToEventLoop();
  }
  return { sequences, events, reviews };
}
