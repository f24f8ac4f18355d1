import type { Db } from "@/lib/db";
import { fitJobScope, type FitJob } from "@/lib/repo/fit-jobs";
import { studyScope } from "@/lib/repo/study";
import { MIN_REVIEWS_TO_FIT } from "@/lib/srs/fsrs-items";
import { defaultFsrsParams } from "@/lib/srs/scheduler";
import { staleCutoff } from "./policy";

export type FitStatus = {
  reviewCount: number;
  minReviews: number;
  /** The user's own parameters, or null when the defaults are in use. */
  params: number[] | null;
  defaults: number[];
  /** The latest job (a silent active one reported, and recorded, as interrupted). */
  job: FitJob | null;
};

/** What the settings page shows about personal parameters; readable from any instance. */
export async function fitStatus(input: { db: Db; userId: string; now: Date; staleAfterMs?: number }) {
  const jobs = fitJobScope(input.db, input.userId);
  await jobs.expireStale(staleCutoff(input.now, input.staleAfterMs));
  const [reviewCount, job, settings] = await Promise.all([
    jobs.reviewCount(),
    jobs.latestJob(),
    studyScope(input.db, input.userId).settings(),
  ]);
  const status: FitStatus = {
    reviewCount,
    minReviews: MIN_REVIEWS_TO_FIT,
    params: settings.fsrsParams,
    defaults: [...defaultFsrsParams],
    job,
  };
  return status;
}
