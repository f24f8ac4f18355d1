import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fitJobScope, type FitJob } from "@/lib/repo/fit-jobs";
import { MIN_REVIEWS_TO_FIT } from "@/lib/srs/fsrs-items";
import { bindingAvailable } from "./binding-available";
import { staleCutoff } from "./policy";

export type StartFitInput = { db: Db; userId: string; now: Date; staleAfterMs?: number };

/**
 * Queues a fit of the user's FSRS parameters. A user has at most one job queued or
 * running: asking again returns that job (created: false) rather than an error, so a
 * double click or a second tab simply follows the same progress. The caller runs a
 * created job (runFit) in the background.
 */
export async function startFit(input: StartFitInput): Promise<{ job: FitJob; created: boolean }> {
  // Said plainly up front on a platform without the native optimizer, rather than as a failed job.
  const binding = await bindingAvailable();
  if (!binding.available) throw new AppError("CONFLICT", binding.reason);
  const jobs = fitJobScope(input.db, input.userId);
  await jobs.expireStale(staleCutoff(input.now, input.staleAfterMs));
  const reviewCount = await jobs.reviewCount();
  if (reviewCount < MIN_REVIEWS_TO_FIT) {
    throw new AppError(
      "CONFLICT",
      `fitting needs at least ${MIN_REVIEWS_TO_FIT} reviews; this account has ${reviewCount}`,
    );
  }
  // Two attempts: the active job found on a collision may finish before it is read.
  for (let attempt = 0; attempt < 2; attempt++) {
    const job = await jobs.createJob({ id: randomUUID(), reviewCount, now: input.now });
    if (job) return { job, created: true };
    const existing = await jobs.activeJob();
    if (existing) return { job: existing, created: false };
  }
  throw new AppError("CONFLICT", "another fit was starting at the same moment; try again");
}
