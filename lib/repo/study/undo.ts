import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseMemorySnapshot } from "@/lib/srs/memory-schema";
import { memoryData } from "./memory-columns";

/** Takes back the user's latest grade. */
export function undoRoom(db: Db, userId: string) {
  return {
    /**
     * Removes the user's latest review and restores the card exactly as it was
     * before it. The stored snapshot is parsed with the strict memory schema and
     * written column by column: a snapshot that is not a valid memory (tampered,
     * or imported from a crafted file) is refused and nothing changes.
     */
    async undoLastReview(): Promise<{ cardId: string } | null> {
      return db.$transaction(async (tx) => {
        const last = await tx.reviewLog.findFirst({
          where: { userId },
          orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
          select: { id: true, cardId: true, previous: true },
        });
        if (!last) return null;
        if (last.previous === null) {
          await tx.cardState.deleteMany({ where: { userId, cardId: last.cardId } });
        } else {
          const previous = parseMemorySnapshot(last.previous);
          if (!previous) {
            throw new AppError(
              "CONFLICT",
              `the saved state before your last review of "${last.cardId}" is not a valid card memory; that review cannot be undone`,
            );
          }
          const current = await tx.cardState.findUnique({
            where: { userId_cardId: { userId, cardId: last.cardId } },
            select: { version: true },
          });
          await tx.cardState.updateMany({
            where: { userId, cardId: last.cardId },
            data: { ...memoryData(previous), version: (current?.version ?? 0) + 1 },
          });
        }
        await tx.reviewLog.deleteMany({ where: { id: last.id, userId } });
        // Undoing a card's first review makes it new again.
        if (last.previous === null) {
          await tx.userSettings.update({ where: { userId }, data: { studyEpoch: { increment: 1 } } });
        }
        return { cardId: last.cardId };
      });
    },
  };
}
