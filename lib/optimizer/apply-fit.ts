import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fitJobScope } from "@/lib/repo/fit-jobs";
import { isImprovement } from "./policy";
import { rescheduleCards } from "./reschedule-cards";

/**
 * Adopts a finished job's fitted parameters and reschedules the user's cards with them.
 * Another user's job or an unknown id is NOT_FOUND; a job not finished (or already
 * applied), or whose parameters predict the history no better than those in use, is a
 * CONFLICT; in all these cases nothing is written.
 */
export async function applyFit(input: {
  db: Db;
  userId: string;
  jobId: string;
  now: Date;
}): Promise<{ rescheduled: number; params: number[] }> {
  const job = await fitJobScope(input.db, input.userId).job(input.jobId);
  if (!job) throw new AppError("NOT_FOUND", `fit job "${input.jobId}" not found`);
  if (job.status !== "done" || !job.paramsAfter) {
    throw new AppError(
      "CONFLICT",
      `fit job "${input.jobId}" is ${job.status}; only a finished (done) job can be applied`,
    );
  }
  if (job.metrics && !isImprovement(job.metrics)) {
    const [after, before] = [job.metrics.after.logLoss, job.metrics.before.logLoss].map((x) => x.toFixed(4));
    throw new AppError(
      "CONFLICT",
      `the fitted parameters predict this history no better than those in use (log loss ${after} vs ${before}); keeping the current ones`,
    );
  }
  const result = await rescheduleCards({ ...input, params: job.paramsAfter });
  return { ...result, params: job.paramsAfter };
}
