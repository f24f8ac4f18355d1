import { createPacer } from "@/lib/concurrency/pacer";
import type { Db } from "@/lib/db";
import { APPLY_CHUNK_CARDS } from "@/lib/limits";
import { fitJobScope, type FitJobScope, type Rescheduled, type StudiedCard } from "@/lib/repo/fit-jobs";
import { studyScope } from "@/lib/repo/study";
import { currentLearningRun } from "@/lib/srs/fsrs-items";
import { createScheduler } from "@/lib/srs/scheduler";
import { readHistory } from "./read-history";

/** Passes over cards graded during the switch before giving up on them (they keep their grade's state). */
const CATCH_UP_PASSES = 3;

/**
 * Switches the user to `params` (null: the defaults) and reschedules every studied card
 * by replaying its reviews since it was last new with those parameters: stability,
 * difficulty, state and due become what they would be had the parameters been in use
 * all along; the last review time stays. A card without a replayable history (imported
 * without its first review) keeps its state.
 *
 * Written in chunks of APPLY_CHUNK_CARDS cards, each a short transaction, so a large
 * collection never holds the database for long:
 * 1. every studied card is rescheduled, chunk by chunk, each card only if still at the
 *    version read (a grade landing in between is never overwritten);
 * 2. one short transaction switches the parameters (and marks the job applied);
 * 3. any card whose version is not the one step 1 wrote (graded meanwhile, with the old
 *    parameters, or studied for the first time) is replayed again from its history,
 *    which now includes that grade, and written the same way.
 * So no grade is lost, and every card ends up replayed with the new parameters. A failure
 * before step 2 leaves the old parameters in use and the job applicable: applying again
 * recomputes every card.
 */
export async function rescheduleCards(input: {
  db: Db;
  userId: string;
  params: number[] | null;
  jobId?: string;
  now: Date;
  /** Test seam: runs after each chunk is written. */
  afterChunk?: () => Promise<void>;
}): Promise<{ rescheduled: number }> {
  const jobs = fitJobScope(input.db, input.userId);
  const pace = createPacer();
  // The version each card was left at by this reschedule (written, or read and kept).
  const settled = new Map<string, number>();
  const rescheduled = new Set<string>();
  const pass = async (only: ((card: StudiedCard) => boolean) | null) => {
    const cards = await jobs.studiedCards();
    const selected = only ? cards.filter(only) : cards;
    if (selected.length === 0) return 0;
    const changes = await replay(input.db, input.userId, jobs, input.params, selected);
    for (const card of selected) settled.set(card.cardId, card.version);
    for (let start = 0; start < changes.length; start += APPLY_CHUNK_CARDS) {
      const result = await jobs.rescheduleChunk(changes.slice(start, start + APPLY_CHUNK_CARDS));
      for (const w of result.written) {
        settled.set(w.cardId, w.version);
        rescheduled.add(w.cardId);
      }
      await input.afterChunk?.();
      await pace();
    }
    return selected.length;
  };

  await pass(null);
  await jobs.switchParameters({ params: input.params, jobId: input.jobId });
  for (let i = 0; i < CATCH_UP_PASSES; i++) {
    const changed = await pass((card) => settled.get(card.cardId) !== card.version);
    if (changed === 0) break;
  }
  return { rescheduled: rescheduled.size };
}

async function replay(
  db: Db,
  userId: string,
  jobs: FitJobScope,
  params: number[] | null,
  cards: readonly StudiedCard[],
): Promise<Rescheduled[]> {
  const settings = await studyScope(db, userId).settings();
  const scheduler = createScheduler({ ...settings, fsrsParams: params });
  const history = await readHistory(jobs, settings);
  const changes: Rescheduled[] = [];
  for (const card of cards) {
    const memory = scheduler.replay(currentLearningRun(history.events.get(card.cardId) ?? []));
    if (memory) changes.push({ cardId: card.cardId, expectedVersion: card.version, memory });
  }
  return changes;
}
