import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { snapshotOf } from "@/lib/srs/memory-schema";
import type { CardMemory, ReviewRecord } from "@/lib/srs/scheduler";
import { isUniqueViolation } from "../prisma-errors";
import { memoryData, reviewLogData } from "./memory-columns";

/** Writes graded cards: the new memory and its log, exactly once per clientId. */
export function gradingRoom(db: Db, userId: string) {
  return {
    async hasReview(clientId: string): Promise<boolean> {
      return (await db.reviewLog.count({ where: { userId, clientId } })) > 0;
    },

    /**
     * Writes a graded card and its log in one transaction. The write only
     * happens if the card is still at `expectedVersion` (0 = never studied);
     * a repeated clientId is recognised and changes nothing.
     */
    async recordReview(input: {
      cardId: string;
      clientId: string;
      expectedVersion: number;
      before: CardMemory | null;
      after: CardMemory;
      log: ReviewRecord;
      durationMs: number;
    }): Promise<{ status: "recorded" | "duplicate"; version: number }> {
      const existing = () =>
        db.reviewLog.findUnique({
          where: { userId_clientId: { userId, clientId: input.clientId } },
          select: { id: true },
        });
      if (await existing()) return { status: "duplicate", version: input.expectedVersion };
      try {
        return await db.$transaction(async (tx) => {
          const version = input.expectedVersion + 1;
          const after = memoryData(input.after);
          if (input.expectedVersion === 0) {
            await tx.cardState.create({ data: { userId, cardId: input.cardId, ...after, version } });
          } else {
            const { count } = await tx.cardState.updateMany({
              where: { userId, cardId: input.cardId, version: input.expectedVersion },
              data: { ...after, version },
            });
            if (count === 0) throw new AppError("CONFLICT", staleMessage(input.cardId));
          }
          await tx.reviewLog.create({
            data: {
              id: randomUUID(),
              clientId: input.clientId,
              userId,
              cardId: input.cardId,
              ...reviewLogData(input.log),
              durationMs: input.durationMs,
              previous: input.before ? snapshotOf(input.before) : null,
            },
          });
          return { status: "recorded" as const, version };
        });
      } catch (error) {
        // A concurrent submit of the same review (double click, two tabs) is not a conflict.
        if (await existing()) return { status: "duplicate", version: input.expectedVersion };
        if (isUniqueViolation(error))
          throw new AppError("CONFLICT", staleMessage(input.cardId), undefined, { cause: error });
        throw error;
      }
    },
  };
}

function staleMessage(cardId: string): string {
  return `card "${cardId}" was graded elsewhere (another tab?) since it was shown; reload to continue`;
}
