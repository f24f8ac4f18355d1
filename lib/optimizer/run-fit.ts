import type { Db } from "@/lib/db";
import { fitJobScope, type FitJobStatus } from "@/lib/repo/fit-jobs";
import { studyScope } from "@/lib/repo/study";
import { countTrainingItems, MIN_ITEMS_TO_FIT, packSequences } from "@/lib/srs/fsrs-items";
import { fsrsParamsInUse } from "@/lib/srs/scheduler";
import { fitParameters } from "./fit-parameters";
import { acquireFitSlot } from "./fit-slots";
import { HEARTBEAT_MS, PROGRESS_WRITE_MS } from "./policy";
import { readHistory } from "./read-history";

export type RunFitInput = {
  db: Db;
  userId: string;
  jobId: string;
  /** The clock (a function: the job runs for a while). */
  now?: () => Date;
  heartbeatMs?: number;
};

// Share of the progress bar per phase: reading the history, then training, then scoring.
const READ_SHARE = 0.05;
const TRAIN_END = 0.95;

/**
 * Runs a queued job to the end: waits (still "queued") for one of the process's fit
 * worker slots, then reads the history, fits on a worker thread, scores the
 * parameters in use and the fitted ones on the same history, and records the result.
 * Writes progress and a heartbeat while it works. Never throws: a failure is recorded
 * on the job (its cause goes to the server log). Stops early if the job stops being
 * active, e.g. another instance declared it interrupted.
 */
export async function runFit(input: RunFitInput): Promise<FitJobStatus | "gone"> {
  const now = input.now ?? (() => new Date());
  const jobs = fitJobScope(input.db, input.userId);
  const abort = new AbortController();
  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const beat = (change: Parameters<typeof jobs.beat>[2] = {}) => {
    lastWrite = Date.now();
    writing = writing
      .then(() => jobs.beat(input.jobId, now(), change))
      .then((alive) => {
        if (!alive) abort.abort();
      })
      .catch((error: unknown) => console.error("fit job: heartbeat write failed", input.jobId, error));
    return writing;
  };
  const heartbeatMs = input.heartbeatMs ?? HEARTBEAT_MS;

  // Wait for a worker slot (lib/optimizer/fit-slots.ts), the job staying "queued" and alive.
  const queuedBeat = setInterval(() => {
    jobs
      .keepQueued(input.jobId, now())
      .then((alive) => {
        if (!alive) abort.abort();
      })
      .catch((error: unknown) => console.error("fit job: heartbeat write failed", input.jobId, error));
  }, heartbeatMs);
  let release: () => void;
  try {
    release = await acquireFitSlot(abort.signal);
  } catch {
    return "gone";
  } finally {
    clearInterval(queuedBeat);
  }
  const heartbeat = setInterval(() => void beat(), heartbeatMs);

  try {
    const settings = await studyScope(input.db, input.userId).settings();
    const before = fsrsParamsInUse(settings.fsrsParams);
    await beat({ progress: 0, paramsBefore: before });
    if (abort.signal.aborted) return "gone";

    const { sequences, reviews } = await readHistory(jobs, settings, () => {
      if (Date.now() - lastWrite >= PROGRESS_WRITE_MS) void beat({ progress: READ_SHARE / 2 });
    });
    if (countTrainingItems(sequences) < MIN_ITEMS_TO_FIT) {
      console.warn(`fit job ${input.jobId}: ${reviews} reviews but too few on separate days`);
      await writing;
      await jobs.failJob(input.jobId, "NOT_ENOUGH_HISTORY", now());
      return "failed";
    }
    await beat({ progress: READ_SHARE });

    const outcome = await fitParameters({
      history: packSequences(sequences),
      fit: true,
      evaluateWith: [before],
      relearningSteps: settings.relearningSteps.length,
      signal: abort.signal,
      onProgress: (fraction) => {
        if (Date.now() - lastWrite >= PROGRESS_WRITE_MS)
          void beat({ progress: READ_SHARE + (TRAIN_END - READ_SHARE) * fraction });
      },
    });
    const [scoreBefore, scoreAfter] = outcome.metrics;
    if (!outcome.fitted || !scoreBefore || !scoreAfter)
      throw new Error("the optimizer returned no parameters");
    await writing;
    const finished = await jobs.finishJob(input.jobId, {
      paramsAfter: outcome.fitted,
      metrics: { before: scoreBefore, after: scoreAfter },
      now: now(),
    });
    return finished ? "done" : "gone";
  } catch (error) {
    if (abort.signal.aborted) return "gone";
    console.error(`fit job ${input.jobId} failed`, error);
    await writing;
    await jobs.failJob(input.jobId, "FAILED", now()).catch(() => undefined);
    return "failed";
  } finally {
    clearInterval(heartbeat);
    release();
  }
}
