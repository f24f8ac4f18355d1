import type { Db } from "@/lib/db";

/** Lapses from which a card counts as a leech (Anki's default). */
export const LEECH_LAPSES = 8;

/** What a user's history says about their cards: one card's log, and the leeches. */
export function historyRoom(db: Db, userId: string) {
  return {
    /** The user's full history of one card, oldest first, and its current flags. */
    async cardHistory(cardId: string) {
      const [logs, state] = await Promise.all([
        db.reviewLog.findMany({
          where: { userId, cardId },
          orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
          select: { reviewedAt: true, rating: true, state: true, scheduledDays: true, durationMs: true },
        }),
        db.cardState.findUnique({
          where: { userId_cardId: { userId, cardId } },
          select: {
            state: true,
            due: true,
            suspended: true,
            flagged: true,
            buriedUntil: true,
            lapses: true,
            reps: true,
          },
        }),
      ]);
      return { logs, state };
    },

    /** Cards this user keeps forgetting: lapses at or above the leech threshold. */
    async leeches(threshold: number) {
      return db.cardState.findMany({
        where: { userId, lapses: { gte: threshold }, card: { retiredAt: null } },
        orderBy: { lapses: "desc" },
        select: { cardId: true, lapses: true, suspended: true },
        take: 50,
      });
    },
  };
}
