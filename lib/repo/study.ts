import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { DueCard, NewCard } from "@/lib/srs/build-queue";
import type { CardMemory, ReviewRecord, StateValue } from "@/lib/srs/scheduler";
import { studySettingsSchema, type StudySettings } from "@/lib/srs/study-settings";
import { listTags } from "./deck";
import { freshCards, notNewFor } from "./fresh-cards";
import { mostOverdueReviews } from "./review-head";
import { isUniqueViolation } from "./prisma-errors";

const pausedTagList = z.array(z.string());

/** Matches a card whose tag list (stored as a JSON string) holds `tag`. */
export const hasTag = (tag: string) => ({ tags: { contains: JSON.stringify(tag) } });

export type StoredMemory = { memory: CardMemory; version: number };
export const cardActions = ["suspend", "unsuspend", "bury", "flag", "unflag", "reset"] as const;
export type CardAction = (typeof cardActions)[number];
/** Lapses from which a card counts as a leech (Anki's default). */
export const LEECH_LAPSES = 8;

/** The columns of a card's FSRS memory plus its version (also what an export carries). */
export const memoryColumns = {
  state: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  lastReview: true,
  version: true,
} as const;

type MemoryRow = Omit<CardMemory, "state"> & { state: number; version: number };

export const toMemory = ({ version: _version, ...row }: MemoryRow): CardMemory => ({
  ...row,
  state: row.state as StateValue,
});

/** JSON of a memory with dates as ISO strings: the undo snapshot stored on each review log. */
export function snapshot(memory: CardMemory): string {
  return JSON.stringify(memory);
}

function restore(json: string): CardMemory {
  const raw = JSON.parse(json) as Record<string, unknown>;
  return {
    ...(raw as unknown as CardMemory),
    due: new Date(raw.due as string),
    lastReview: raw.lastReview ? new Date(raw.lastReview as string) : null,
  };
}

/**
 * A user's study data: every query carries `userId`, so nothing here can read
 * or change another user's cards.
 */
export function studyScope(db: Db, userId: string) {
  /** Cards in study: live, not in a topic this user paused, and without a tag they paused. */
  const studiable = (pausedTags: readonly string[] = []) => ({
    retiredAt: null,
    topic: { users: { none: { userId, paused: true } } },
    ...(pausedTags.length ? { NOT: pausedTags.map(hasTag) } : {}),
  });

  const bumpEpoch = () =>
    db.userSettings.update({ where: { userId }, data: { studyEpoch: { increment: 1 } } });

  return {
    async settings(): Promise<StudySettings> {
      return (await this.queueContext()).settings;
    },

    /** Settings, paused tags and the study epoch (lib/repo/fresh-cards.ts) in one read. */
    async queueContext(): Promise<{ settings: StudySettings; pausedTags: string[]; studyEpoch: number }> {
      const row = await db.userSettings.findUnique({ where: { userId } });
      if (!row) throw new AppError("NOT_FOUND", "no settings for this user");
      const settings = studySettingsSchema.parse({
        desiredRetention: row.desiredRetention,
        maximumInterval: row.maximumInterval,
        newCardsPerDay: row.newCardsPerDay,
        reviewsPerDay: row.reviewsPerDay,
        learningSteps: JSON.parse(row.learningSteps),
        relearningSteps: JSON.parse(row.relearningSteps),
        fuzz: row.fuzz,
        dayStartHour: row.dayStartHour,
        timeZone: row.timeZone,
        fsrsParams: row.fsrsParams ? JSON.parse(row.fsrsParams) : null,
      });
      return {
        settings,
        pausedTags: pausedTagList.parse(JSON.parse(row.pausedTags)),
        studyEpoch: row.studyEpoch,
      };
    },

    async updateSettings(settings: StudySettings): Promise<void> {
      const data = {
        desiredRetention: settings.desiredRetention,
        maximumInterval: settings.maximumInterval,
        newCardsPerDay: settings.newCardsPerDay,
        reviewsPerDay: settings.reviewsPerDay,
        learningSteps: JSON.stringify(settings.learningSteps),
        relearningSteps: JSON.stringify(settings.relearningSteps),
        fuzz: settings.fuzz,
        dayStartHour: settings.dayStartHour,
        timeZone: settings.timeZone,
        fsrsParams: settings.fsrsParams ? JSON.stringify(settings.fsrsParams) : null,
      };
      await db.userSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
    },

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
      const inStudy = studiable(options.pausedTags);
      const dueWhere = (state: { in: number[] } | number) => ({
        userId,
        suspended: false,
        state,
        due: { lt: options.nextDayStart },
        OR: [{ buriedUntil: null }, { buriedUntil: { lte: options.now } }],
        card: inStudy,
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
                pausedTags: options.pausedTags ?? [],
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
              ...inStudy,
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

    async hasReview(clientId: string): Promise<boolean> {
      return (await db.reviewLog.count({ where: { userId, clientId } })) > 0;
    },

    async cardExists(cardId: string): Promise<boolean> {
      return (await db.card.count({ where: { id: cardId, retiredAt: null } })) > 0;
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
          if (input.expectedVersion === 0) {
            await tx.cardState.create({ data: { userId, cardId: input.cardId, ...input.after, version } });
          } else {
            const { count } = await tx.cardState.updateMany({
              where: { userId, cardId: input.cardId, version: input.expectedVersion },
              data: { ...input.after, version },
            });
            if (count === 0) throw new AppError("CONFLICT", staleMessage(input.cardId));
          }
          const { rating, reviewedAt, ...before } = input.log;
          await tx.reviewLog.create({
            data: {
              id: randomUUID(),
              clientId: input.clientId,
              userId,
              cardId: input.cardId,
              rating,
              reviewedAt,
              ...before,
              durationMs: input.durationMs,
              previous: input.before ? snapshot(input.before) : null,
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

    async pausedTopics(): Promise<Set<string>> {
      const rows = await db.userTopic.findMany({
        where: { userId, paused: true },
        select: { topicId: true },
      });
      return new Set(rows.map((r) => r.topicId));
    },

    /** Takes a topic out of study (or back in); its cards keep their schedules. */
    async setTopicPaused(topicId: string, paused: boolean): Promise<void> {
      if ((await db.topic.count({ where: { id: topicId, retiredAt: null } })) === 0) {
        throw new AppError("NOT_FOUND", `topic "${topicId}" not found`);
      }
      await db.$transaction([
        db.userTopic.upsert({
          where: { userId_topicId: { userId, topicId } },
          create: { userId, topicId, paused },
          update: { paused },
        }),
        bumpEpoch(),
      ]);
    },

    /**
     * When this user's next studied card falls due after `now` (null if none):
     * what the end-of-session summary announces, beyond today if need be.
     */
    async nextDue(now: Date, pausedTags: readonly string[]): Promise<Date | null> {
      const row = await db.cardState.findFirst({
        where: {
          userId,
          suspended: false,
          state: { in: [1, 2, 3] },
          due: { gt: now },
          card: studiable(pausedTags),
        },
        orderBy: { due: "asc" },
        select: { due: true },
      });
      return row?.due ?? null;
    },

    /** Tags whose cards this user took out of study. */
    async pausedTags(): Promise<string[]> {
      const row = await db.userSettings.findUnique({ where: { userId }, select: { pausedTags: true } });
      return row ? pausedTagList.parse(JSON.parse(row.pausedTags)) : [];
    },

    /** Replaces the set of tags whose cards are out of study; every tag must exist in the live deck. */
    async setPausedTags(tags: readonly string[]): Promise<void> {
      const known = new Set((await listTags(db)).map((t) => t.tag));
      const unknown = tags.filter((tag) => !known.has(tag));
      if (unknown.length > 0) {
        throw new AppError("NOT_FOUND", `no card is tagged ${unknown.map((t) => `"${t}"`).join(", ")}`);
      }
      await db.userSettings.update({
        where: { userId },
        data: { pausedTags: JSON.stringify([...new Set(tags)].sort()), studyEpoch: { increment: 1 } },
      });
    },

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

    /** Removes the user's latest review and restores the card exactly as it was before it. */
    async undoLastReview(): Promise<{ cardId: string } | null> {
      return db.$transaction(async (tx) => {
        const last = await tx.reviewLog.findFirst({
          where: { userId },
          orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
          select: { id: true, cardId: true, previous: true },
        });
        if (!last) return null;
        const current = await tx.cardState.findUnique({
          where: { userId_cardId: { userId, cardId: last.cardId } },
          select: { version: true },
        });
        if (last.previous === null) {
          await tx.cardState.deleteMany({ where: { userId, cardId: last.cardId } });
        } else {
          await tx.cardState.update({
            where: { userId_cardId: { userId, cardId: last.cardId } },
            data: { ...restore(last.previous), version: (current?.version ?? 0) + 1 },
          });
        }
        await tx.reviewLog.delete({ where: { id: last.id } });
        // Undoing a card's first review makes it new again.
        if (last.previous === null) {
          await tx.userSettings.update({ where: { userId }, data: { studyEpoch: { increment: 1 } } });
        }
        return { cardId: last.cardId };
      });
    },
  };
}

function staleMessage(cardId: string): string {
  return `card "${cardId}" was graded elsewhere (another tab?) since it was shown; reload to continue`;
}

export type StudyScope = ReturnType<typeof studyScope>;
