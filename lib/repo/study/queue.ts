import type { Db } from "@/lib/db";
import type { DueCard, NewCard } from "@/lib/srs/build-queue";
import type { StateValue } from "@/lib/srs/scheduler";
import { freshCards, notNewFor } from "../fresh-cards";
import { mostOverdueReviews } from "../review-head";
import { cardInStudy, scheduledFor } from "./in-study";
import { memoryColumns, toMemory, type StoredMemory } from "./memory-columns";

/** What the day's queue reads: due cards, new cards, today's done counts, stored memories. */
export function queueRoom(db: Db, userId: string) {
  return {
    /** Everything the queue builder needs for today, in three indexed queries. */
    async queueInputs(options: {
      now: Date;
      dayStart: Date;
      nextDayStart: Date;
      newLimit: number;
      pausedTags?: readonly string[];
      /** Lets the new-card candidates be reused within this study epoch (lib/repo/fresh-cards.ts). */
      studyEpoch?: number;
      /** Load only this many of the most overdue reviews (and count the rest); all when absent. */
      reviewHead?: number;
    }) {
      const pausedTags = options.pausedTags ?? [];
      const dueWhere = (state: { in: number[] }) => ({
        ...scheduledFor(userId, options.now, pausedTags),
        state,
        due: { lt: options.nextDayStart },
      });
      const select = { cardId: true, state: true, due: true, scheduledDays: true } as const;
      const head = options.reviewHead;
      const [dueRowsOrHead, logs] = await Promise.all([
        head === undefined
          ? db.cardState.findMany({ where: dueWhere({ in: [1, 2, 3] }), select })
          : // Learning cards are few; reviews can be hundreds: count them, load only the most overdue.
            Promise.all([
              db.cardState.findMany({ where: dueWhere({ in: [1, 3] }), select }),
              mostOverdueReviews(db, userId, {
                now: options.now,
                nextDayStart: options.nextDayStart,
                pausedTags,
                take: head,
              }),
            ]).then(([learning, reviews]) => ({
              rows: [...learning, ...reviews.head],
              total: reviews.total,
            })),
        db.reviewLog.groupBy({
          by: ["state"],
          where: { userId, reviewedAt: { gte: options.dayStart } },
          _count: { _all: true },
        }),
      ]);
      const doneToday = { newCards: 0, reviews: 0 };
      for (const g of logs) {
        if (g.state === 0) doneToday.newCards += g._count._all;
        if (g.state === 2) doneToday.reviews += g._count._all;
      }
      const room = Math.max(0, options.newLimit - doneToday.newCards);
      const fresh = await freshCards({
        db,
        userId,
        now: options.now,
        room,
        key:
          options.studyEpoch === undefined ? null : `${options.studyEpoch}|${options.dayStart.toISOString()}`,
        query: async (take) => {
          const rows = await db.card.findMany({
            where: {
              ...cardInStudy(userId, pausedTags),
              // New to this user: no state row, or one still new and available (a new card that was
              // flagged, or suspended and unsuspended, keeps a row). A card has at most one row per
              // user, so "no row that rules it out" says the same in a single anti-join probe per card
              // (an OR of none/some made PostgreSQL and SQLite probe CardState twice per card).
              cardStates: { none: notNewFor(userId, options.now) },
            },
            orderBy: [{ topic: { position: "asc" } }, { difficulty: "asc" }, { id: "asc" }],
            take,
            select: { id: true },
          });
          return rows.map((r) => r.id);
        },
      });
      const [dueList, reviewsDue] = Array.isArray(dueRowsOrHead)
        ? [dueRowsOrHead, undefined]
        : [dueRowsOrHead.rows, dueRowsOrHead.total];
      const due: DueCard[] = dueList.map((r) => ({ ...r, state: r.state as StateValue }));
      const freshList: NewCard[] = fresh.map((cardId) => ({ cardId }));
      return { due, fresh: freshList, doneToday, ...(reviewsDue === undefined ? {} : { reviewsDue }) };
    },

    async memory(cardId: string): Promise<StoredMemory | null> {
      const row = await db.cardState.findUnique({
        where: { userId_cardId: { userId, cardId } },
        select: memoryColumns,
      });
      return row ? { memory: toMemory(row), version: row.version } : null;
    },

    /** The stored memories of several cards in one query (cards never studied are absent). */
    async memories(cardIds: readonly string[]): Promise<Map<string, StoredMemory>> {
      if (cardIds.length === 0) return new Map();
      const rows = await db.cardState.findMany({
        where: { userId, cardId: { in: [...cardIds] } },
        select: { cardId: true, ...memoryColumns },
      });
      return new Map(
        rows.map(({ cardId, ...row }) => [cardId, { memory: toMemory(row), version: row.version }]),
      );
    },

    async cardExists(cardId: string): Promise<boolean> {
      return (await db.card.count({ where: { id: cardId, retiredAt: null } })) > 0;
    },

    /**
     * When this user's next studied card falls due after `now` (null if none):
     * what the end-of-session summary announces, beyond today if need be.
     */
    async nextDue(now: Date, pausedTags: readonly string[]): Promise<Date | null> {
      const row = await db.cardState.findFirst({
        where: { ...scheduledFor(userId, now, pausedTags), due: { gt: now } },
        orderBy: { due: "asc" },
        select: { due: true },
      });
      return row?.due ?? null;
    },
  };
}
