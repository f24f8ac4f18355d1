import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fitJobScope, type Rescheduled } from "@/lib/repo/fit-jobs";
import { studyScope } from "@/lib/repo/study";
import { currentLearningRun } from "@/lib/srs/fsrs-items";
import { createScheduler } from "@/lib/srs/scheduler";
import { readHistory } from "./read-history";

const ATTEMPTS = 3;

/**
 * Switches the user to `params` (null: the defaults) and reschedules every studied card
 * by replaying its reviews since it was last new with those parameters: stability,
 * difficulty, state and due become what they would be had the parameters been in use
 * all along; the last review time stays. A card without a replayable history (imported
 * without its first review) keeps its state. One transaction; if a card is graded
 * between the read and the write, the whole thing is read and computed again.
 */
export async function rescheduleCards(input: {
  db: Db;
  userId: string;
  params: number[] | null;
  jobId?: string;
  now: Date;
}): Promise<{ rescheduled: number }> {
  const jobs = fitJobScope(input.db, input.userId);
  for (let attempt = 1; ; attempt++) {
    const settings = await studyScope(input.db, input.userId).settings();
    const scheduler = createScheduler({ ...settings, fsrsParams: input.params });
    const [cards, history] = await Promise.all([jobs.studiedCards(), readHistory(jobs, settings)]);
    const changes: Rescheduled[] = [];
    for (const card of cards) {
      const run = currentLearningRun(history.events.get(card.cardId) ?? []);
      const memory = scheduler.replay(run);
      if (memory) changes.push({ cardId: card.cardId, expectedVersion: card.version, memory });
    }
    try {
      await jobs.applyParameters({
        params: input.params,
        cards: changes,
        jobId: input.jobId,
        now: input.now,
      });
      return { rescheduled: changes.length };
    } catch (error) {
      const cardConflict =
        error instanceof AppError &&
        typeof error.details === "object" &&
        error.details !== null &&
        "changedCard" in error.details;
      if (!cardConflict || attempt >= ATTEMPTS) throw error;
    }
  }
}
