import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ReviewEvent } from "@/lib/srs/fsrs-items";
import type { CardMemory, RatingValue, StateValue } from "@/lib/srs/scheduler";
import { memoryColumns, type StoredMemory } from "./study";
import { isUniqueViolation } from "./prisma-errors";

export const fitJobStatuses = ["queued", "running", "done", "failed", "applied"] as const;
export type FitJobStatus = (typeof fitJobStatuses)[number];
export type FitErrorCode = "INTERRUPTED" | "NOT_ENOUGH_HISTORY" | "FAILED";
export type MetricPair = { logLoss: number; rmseBins: number };

export type FitJob = {
  id: string;
  status: FitJobStatus;
  progress: number;
  reviewCount: number;
  paramsBefore: number[] | null;
  paramsAfter: number[] | null;
  metrics: { before: MetricPair; after: MetricPair } | null;
  error: FitErrorCode | null;
  createdAt: Date;
  updatedAt: Date;
  heartbeatAt: Date;
};

type FitJobRow = {
  id: string;
  status: string;
  progress: number;
  reviewCount: number;
  paramsBefore: string | null;
  paramsAfter: string | null;
  metrics: string | null;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  heartbeatAt: Date;
};

const jobColumns = {
  id: true,
  status: true,
  progress: true,
  reviewCount: true,
  paramsBefore: true,
  paramsAfter: true,
  metrics: true,
  error: true,
  createdAt: true,
  updatedAt: true,
  heartbeatAt: true,
} as const;

const active = ["queued", "running"];

function toJob(row: FitJobRow): FitJob {
  return {
    ...row,
    status: row.status as FitJobStatus,
    paramsBefore: row.paramsBefore ? (JSON.parse(row.paramsBefore) as number[]) : null,
    paramsAfter: row.paramsAfter ? (JSON.parse(row.paramsAfter) as number[]) : null,
    metrics: row.metrics ? (JSON.parse(row.metrics) as FitJob["metrics"]) : null,
    error: row.error as FitErrorCode | null,
  };
}

export type StudiedCard = StoredMemory & { cardId: string };
export type Rescheduled = { cardId: string; expectedVersion: number; memory: CardMemory };
export type StudiedVersion = { cardId: string; version: number };

/**
 * A user's parameter-fitting jobs, the history they read and the rescheduling they
 * write. Every query carries `userId`: another user's job id matches nothing.
 */
export function fitJobScope(db: Db, userId: string) {
  return {
    async reviewCount(): Promise<number> {
      return db.reviewLog.count({ where: { userId } });
    },

    /**
     * The user's reviews ordered by card then time, one page at a time (pass the last
     * id back as `after`), so a long history is read in slices the event loop can
     * interleave with other requests.
     */
    async reviewPage(after: string | null, take: number): Promise<(ReviewEvent & { id: string })[]> {
      const rows = await db.reviewLog.findMany({
        where: { userId },
        orderBy: [{ cardId: "asc" }, { reviewedAt: "asc" }, { id: "asc" }],
        select: { id: true, cardId: true, rating: true, state: true, reviewedAt: true },
        take,
        ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      });
      return rows.map((r) => ({ ...r, rating: r.rating as RatingValue, state: r.state as StateValue }));
    },

    /** Creates a queued job, or returns null if the user already has one queued or running. */
    async createJob(job: { id: string; reviewCount: number; now: Date }): Promise<FitJob | null> {
      try {
        const row = await db.fitJob.create({
          data: {
            id: job.id,
            userId,
            activeKey: userId,
            status: "queued",
            reviewCount: job.reviewCount,
            createdAt: job.now,
            heartbeatAt: job.now,
          },
          select: jobColumns,
        });
        return toJob(row);
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    async activeJob(): Promise<FitJob | null> {
      const row = await db.fitJob.findFirst({
        where: { userId, status: { in: active } },
        select: jobColumns,
      });
      return row ? toJob(row) : null;
    },

    async latestJob(): Promise<FitJob | null> {
      const row = await db.fitJob.findFirst({
        where: { userId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: jobColumns,
      });
      return row ? toJob(row) : null;
    },

    async job(jobId: string): Promise<FitJob | null> {
      const row = await db.fitJob.findFirst({ where: { id: jobId, userId }, select: jobColumns });
      return row ? toJob(row) : null;
    },

    /**
     * Records progress (and the heartbeat) of a job still active. False when the job is
     * no longer queued/running, e.g. another instance declared it interrupted: the
     * runner then stops instead of overwriting that verdict.
     */
    async beat(jobId: string, now: Date, change: { progress?: number; paramsBefore?: number[] } = {}) {
      const { count } = await db.fitJob.updateMany({
        where: { id: jobId, userId, status: { in: active } },
        data: {
          status: "running",
          heartbeatAt: now,
          ...(change.progress !== undefined ? { progress: change.progress } : {}),
          ...(change.paramsBefore ? { paramsBefore: JSON.stringify(change.paramsBefore) } : {}),
        },
      });
      return count === 1;
    },

    async finishJob(
      jobId: string,
      result: { paramsAfter: number[]; metrics: NonNullable<FitJob["metrics"]>; now: Date },
    ): Promise<boolean> {
      const { count } = await db.fitJob.updateMany({
        where: { id: jobId, userId, status: { in: active } },
        data: {
          status: "done",
          activeKey: null,
          progress: 1,
          paramsAfter: JSON.stringify(result.paramsAfter),
          metrics: JSON.stringify(result.metrics),
          heartbeatAt: result.now,
        },
      });
      return count === 1;
    },

    async failJob(jobId: string, code: FitErrorCode, now: Date): Promise<void> {
      await db.fitJob.updateMany({
        where: { id: jobId, userId, status: { in: active } },
        data: { status: "failed", activeKey: null, error: code, heartbeatAt: now },
      });
    },

    /** Marks the user's active jobs whose heartbeat is older than `cutoff` as interrupted. */
    async expireStale(cutoff: Date): Promise<number> {
      const { count } = await db.fitJob.updateMany({
        where: { userId, status: { in: active }, heartbeatAt: { lt: cutoff } },
        data: { status: "failed", activeKey: null, error: "INTERRUPTED" },
      });
      return count;
    },

    /** Every card the user has a state for, with its version, for rescheduling. */
    async studiedCards(): Promise<StudiedCard[]> {
      const rows = await db.cardState.findMany({
        where: { userId, state: { not: 0 } },
        select: { cardId: true, ...memoryColumns },
      });
      return rows.map(({ cardId, version, ...m }) => ({
        cardId,
        version,
        memory: { ...m, state: m.state as StateValue },
      }));
    },

    /**
     * Writes a chunk of rescheduled cards in one short transaction. Each card is written
     * only if it is still at the version it was read at, and gets the next version, so a
     * review tab open on it gets a clean CONFLICT; a card graded meanwhile is left as the
     * grade wrote it and reported in `conflicts` (the caller replays it again).
     */
    async rescheduleChunk(
      cards: readonly Rescheduled[],
    ): Promise<{ written: StudiedVersion[]; conflicts: string[] }> {
      return db.$transaction(async (tx) => {
        const written: StudiedVersion[] = [];
        const conflicts: string[] = [];
        for (const card of cards) {
          const m = card.memory;
          const version = card.expectedVersion + 1;
          const { count } = await tx.cardState.updateMany({
            where: { userId, cardId: card.cardId, version: card.expectedVersion },
            data: {
              state: m.state,
              due: m.due,
              stability: m.stability,
              difficulty: m.difficulty,
              elapsedDays: m.elapsedDays,
              scheduledDays: m.scheduledDays,
              learningSteps: m.learningSteps,
              reps: m.reps,
              lapses: m.lapses,
              lastReview: m.lastReview,
              version,
            },
          });
          if (count === 1) written.push({ cardId: card.cardId, version });
          else conflicts.push(card.cardId);
        }
        return { written, conflicts };
      });
    },

    /**
     * Switches the user to `params` (null: the defaults); with `jobId`, the job must be
     * done and becomes applied in the same short transaction (CONFLICT otherwise).
     */
    async switchParameters(input: { params: number[] | null; jobId?: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        if (input.jobId) {
          const { count } = await tx.fitJob.updateMany({
            where: { id: input.jobId, userId, status: "done" },
            data: { status: "applied" },
          });
          if (count === 0) throw new AppError("CONFLICT", `job "${input.jobId}" is no longer ready to apply`);
        }
        await tx.userSettings.update({
          where: { userId },
          data: { fsrsParams: input.params ? JSON.stringify(input.params) : null },
        });
      });
    },

    /** Keeps a job waiting for a worker slot alive (heartbeat) without marking it running. */
    async keepQueued(jobId: string, now: Date): Promise<boolean> {
      const { count } = await db.fitJob.updateMany({
        where: { id: jobId, userId, status: "queued" },
        data: { heartbeatAt: now },
      });
      return count === 1;
    },
  };
}

export type FitJobScope = ReturnType<typeof fitJobScope>;
