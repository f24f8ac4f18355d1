import type { Db } from "@/lib/db";

export const cardActions = ["suspend", "unsuspend", "bury", "flag", "unflag", "reset"] as const;
export type CardAction = (typeof cardActions)[number];

/** Suspend, bury, flag or reset one card of one user. */
export function cardActionsRoom(db: Db, userId: string) {
  return {
    /** Suspend, bury until a time, flag, or reset (forget) one card; every change bumps the version. */
    async applyCardAction(cardId: string, action: CardAction, now: Date, buryUntil: Date): Promise<void> {
      await db.$transaction(async (tx) => {
        const current = await tx.cardState.findUnique({
          where: { userId_cardId: { userId, cardId } },
          select: { version: true },
        });
        const version = (current?.version ?? 0) + 1;
        const change: Record<CardAction, object> = {
          suspend: { suspended: true },
          unsuspend: { suspended: false },
          bury: { buriedUntil: buryUntil },
          flag: { flagged: true },
          unflag: { flagged: false },
          // Forget the schedule, keep the history: the card becomes new again.
          reset: {
            state: 0,
            due: now,
            stability: 0,
            difficulty: 0,
            elapsedDays: 0,
            scheduledDays: 0,
            learningSteps: 0,
            reps: 0,
            lapses: 0,
            lastReview: null,
            buriedUntil: null,
          },
        };
        await tx.cardState.upsert({
          where: { userId_cardId: { userId, cardId } },
          create: { userId, cardId, due: now, ...change[action], version },
          update: { ...change[action], version },
        });
        // Unsuspending or resetting can make a card new again.
        if (action === "unsuspend" || action === "reset") {
          await tx.userSettings.update({ where: { userId }, data: { studyEpoch: { increment: 1 } } });
        }
      });
    },
  };
}
