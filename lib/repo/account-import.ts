import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import type { AccountExport, CardStateRecord, ReviewLogRecord } from "@/lib/account/export-format";
import { AppError } from "@/lib/errors";
import { IMPORT_CHUNK_ROWS, IMPORT_STALE_MS } from "@/lib/limits";
import { isUniqueViolation } from "./prisma-errors";

/**
 * The steps of an account import, each a short statement or transaction, so a large
 * import never holds the database (SQLite's single writer lock above all) for long:
 *
 *   begin      takes the user's import lock (AccountImport.activeKey is unique);
 *   stageLogs  writes validated review logs into StagedReviewLog, a chunk at a time;
 *   commit     one short transaction: settings, topics and card states (bounded by the
 *              deck's size) are replaced, the import becomes "deleting";
 *   swapStep   deletes the user's review logs older than the commit, then moves the
 *              staged ones in, a chunk per call, and finally frees the lock;
 *   abandon    (before commit only) removes the staged rows; nothing else was written.
 *
 * Before the commit nothing the user sees has changed, so a failure leaves the old data
 * exactly as it was. After it the import only rolls forward: every staged row was
 * validated, so the swap can fail only with the database or the process, and the next
 * import or export of the account finishes it (finishInterrupted).
 */
export type ImportHead = Pick<AccountExport, "preferences" | "study" | "topics" | "pausedTags"> & {
  cardStates: CardStateRecord[];
};

export type AccountImportScope = ReturnType<typeof accountImportScope>;

export function accountImportScope(db: Db, userId: string) {
  const step = IMPORT_CHUNK_ROWS;

  async function activeImport() {
    return db.accountImport.findUnique({
      where: { activeKey: userId },
      select: { id: true, status: true, heartbeatAt: true, createdAt: true },
    });
  }

  const scope = {
    /**
     * Takes the user's import lock and returns the new import's id. An import still
     * alive (heartbeat within IMPORT_STALE_MS) is a CONFLICT; a dead one is finished
     * (after its commit) or cleaned up (before it) first.
     */
    async begin(now: Date): Promise<string> {
      await scope.finishInterrupted(now);
      const id = randomUUID();
      try {
        await db.accountImport.create({
          data: { id, userId, activeKey: userId, status: "staging", heartbeatAt: now, createdAt: now },
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const running = await activeImport();
        throw new AppError(
          "CONFLICT",
          `an import of this account is already running (started ${running?.createdAt.toISOString() ?? "just now"}); wait for it to finish`,
          undefined,
          { cause: error },
        );
      }
      return id;
    },

    /** Finishes or cleans up the user's import whose process stopped; false if there was none. */
    async finishInterrupted(now: Date): Promise<boolean> {
      const running = await activeImport();
      if (!running || running.heartbeatAt.getTime() > now.getTime() - IMPORT_STALE_MS) return false;
      // Take it over only if nobody else did since it was read.
      const { count } = await db.accountImport.updateMany({
        where: { id: running.id, heartbeatAt: running.heartbeatAt },
        data: { heartbeatAt: now },
      });
      if (count === 0) return false;
      if (running.status === "staging") await scope.abandon(running.id);
      else while (!(await scope.swapStep(running.id, now)));
      return true;
    },

    async heartbeat(importId: string, now: Date): Promise<void> {
      await db.accountImport.updateMany({
        where: { id: importId, activeKey: userId },
        data: { heartbeatAt: now },
      });
    },

    /**
     * Writes validated review logs (numbered from `firstSeq`) into staging: one multi-row
     * INSERT per chunk, listing every column (Prisma's createMany spends about a
     * millisecond of CPU per row here, which is what made large imports take minutes).
     */
    async stageLogs(importId: string, firstSeq: number, logs: readonly ReviewLogRecord[]): Promise<void> {
      for (let start = 0; start < logs.length; start += step) {
        const values = logs.slice(start, start + step).map(
          (l, i) =>
            Prisma.sql`(${importId}, ${firstSeq + start + i}, ${randomUUID()}, ${l.clientId}, ${l.cardId},
              ${l.rating}, ${l.state}, ${l.due}, ${l.stability}, ${l.difficulty}, ${l.elapsedDays},
              ${l.lastElapsedDays}, ${l.scheduledDays}, ${l.learningSteps}, ${l.reviewedAt}, ${l.durationMs},
              ${l.previous})`,
        );
        await db.$executeRaw`
          INSERT INTO "StagedReviewLog" ("importId", "seq", "id", "clientId", "cardId", "rating", "state",
            "due", "stability", "difficulty", "elapsedDays", "lastElapsedDays", "scheduledDays",
            "learningSteps", "reviewedAt", "durationMs", "previous")
          VALUES ${Prisma.join(values)}`;
      }
    },

    /**
     * The one transaction that changes what the user sees: settings, topic choices and
     * card states are replaced (at most one row per deck card or topic), and review logs
     * dated at or after `now` (none, unless an older import allowed future dates) go;
     * the rest of the old log goes in swapStep. CONFLICT if the lock was lost.
     */
    async commit(importId: string, head: ImportHead, reviewLogs: number, now: Date): Promise<void> {
      await db.$transaction(async (tx) => {
        const { count } = await tx.accountImport.updateMany({
          where: { id: importId, activeKey: userId, status: "staging" },
          data: { status: "deleting", commitAt: now, heartbeatAt: now, reviewLogs },
        });
        if (count === 0) throw new AppError("CONFLICT", "this import was interrupted; nothing was changed");
        await tx.userSettings.update({
          where: { userId },
          data: {
            locale: head.preferences.locale,
            theme: head.preferences.theme,
            desiredRetention: head.study.desiredRetention,
            maximumInterval: head.study.maximumInterval,
            newCardsPerDay: head.study.newCardsPerDay,
            reviewsPerDay: head.study.reviewsPerDay,
            learningSteps: JSON.stringify(head.study.learningSteps),
            relearningSteps: JSON.stringify(head.study.relearningSteps),
            fuzz: head.study.fuzz,
            dayStartHour: head.study.dayStartHour,
            timeZone: head.study.timeZone,
            fsrsParams: head.study.fsrsParams ? JSON.stringify(head.study.fsrsParams) : null,
            pausedTags: JSON.stringify(head.pausedTags),
            studyEpoch: { increment: 1 }, // every card's state was replaced
          },
        });
        await tx.userTopic.deleteMany({ where: { userId } });
        if (head.topics.length) {
          await tx.userTopic.createMany({
            data: head.topics.map((t) => ({ userId, topicId: t.topicId, paused: t.paused })),
          });
        }
        await tx.cardState.deleteMany({ where: { userId } });
        if (head.cardStates.length) {
          await tx.cardState.createMany({
            data: head.cardStates.map((s) => ({
              userId,
              cardId: s.cardId,
              state: s.state,
              due: s.due,
              stability: s.stability,
              difficulty: s.difficulty,
              elapsedDays: s.elapsedDays,
              scheduledDays: s.scheduledDays,
              learningSteps: s.learningSteps,
              reps: s.reps,
              lapses: s.lapses,
              lastReview: s.lastReview,
              suspended: s.suspended,
              buriedUntil: s.buriedUntil,
              flagged: s.flagged,
              version: s.version,
            })),
          });
        }
        await tx.reviewLog.deleteMany({ where: { userId, reviewedAt: { gte: now } } });
      });
    },

    /**
     * One chunk of the swap after commit; true when the import is complete. First the
     * user's review logs dated before the commit go (reviews graded after the commit are
     * kept: they were made on the imported card states), then the staged ones move in,
     * each chunk in its own short transaction.
     */
    async swapStep(importId: string, now: Date): Promise<boolean> {
      const job = await db.accountImport.findFirst({
        where: { id: importId, userId },
        select: { status: true, commitAt: true },
      });
      if (!job || !job.commitAt) throw new Error(`import ${importId} has not committed`);
      if (job.status === "deleting") {
        const deleted = await db.$executeRaw`
          DELETE FROM "ReviewLog" WHERE "id" IN (
            SELECT "id" FROM "ReviewLog"
            WHERE "userId" = ${userId} AND "reviewedAt" < ${job.commitAt}
            LIMIT ${step})`;
        // Only this status change ends the deleting phase: after it, moved rows (also
        // dated before the commit) are never mistaken for old ones.
        await db.accountImport.updateMany({
          where: { id: importId, status: "deleting" },
          data: { heartbeatAt: now, ...(deleted < step ? { status: "moving" } : {}) },
        });
        return false;
      }
      if (job.status !== "moving") return true;
      return db.$transaction(async (tx) => {
        const first = await tx.stagedReviewLog.findFirst({
          where: { importId },
          orderBy: { seq: "asc" },
          select: { seq: true },
        });
        if (!first) {
          await tx.accountImport.updateMany({
            where: { id: importId, status: "moving" },
            data: { status: "done", activeKey: null, heartbeatAt: now },
          });
          return true;
        }
        // Row to row inside the database: the values were validated when staged.
        const end = first.seq + step;
        await tx.$executeRaw`
          INSERT INTO "ReviewLog" ("id", "userId", "clientId", "cardId", "rating", "state", "due",
            "stability", "difficulty", "elapsedDays", "lastElapsedDays", "scheduledDays",
            "learningSteps", "reviewedAt", "durationMs", "previous")
          SELECT "id", ${userId}, "clientId", "cardId", "rating", "state", "due",
            "stability", "difficulty", "elapsedDays", "lastElapsedDays", "scheduledDays",
            "learningSteps", "reviewedAt", "durationMs", "previous"
          FROM "StagedReviewLog"
          WHERE "importId" = ${importId} AND "seq" >= ${first.seq} AND "seq" < ${end}`;
        await tx.stagedReviewLog.deleteMany({ where: { importId, seq: { lt: end } } });
        await tx.accountImport.updateMany({ where: { id: importId }, data: { heartbeatAt: now } });
        return false;
      });
    },

    /** Removes an uncommitted import's staged rows a chunk at a time and releases the lock. */
    async abandon(importId: string): Promise<void> {
      for (;;) {
        const first = await db.stagedReviewLog.findFirst({
          where: { importId },
          orderBy: { seq: "asc" },
          select: { seq: true },
        });
        if (!first) break;
        await db.stagedReviewLog.deleteMany({ where: { importId, seq: { lt: first.seq + step } } });
      }
      await db.accountImport.updateMany({
        where: { id: importId, status: "staging" },
        data: { status: "failed", activeKey: null },
      });
    },
  };

  return scope;
}
