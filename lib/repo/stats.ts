import type { Db } from "@/lib/db";
import { dialectOf } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { ratings, states, type CardMemory, type StateValue } from "@/lib/srs/scheduler";
import {
  GROUP_MS,
  MATURE_DAYS,
  reviewKinds,
  type ReviewGroup,
  type ReviewKind,
} from "@/lib/stats/review-groups";
import { memoryColumns } from "./study";

/** The user's schedule of one live card. */
export type StatsCard = {
  cardId: string;
  topicId: string;
  memory: CardMemory;
  suspended: boolean;
  buriedUntil: Date | null;
};

// Integers come back as bigint (or numeric strings from PostgreSQL's FLOOR); Number() reads all of them.
type GroupRow = { bucket: unknown; kind: unknown; n: unknown; ms: unknown };

const GROUP_SECONDS = GROUP_MS / 1000;

/** An integer constant of our own code written into the SQL (typed as an integer by both databases, unlike a parameter in a CASE). */
function int(value: number): Prisma.Sql {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return Prisma.raw(String(value));
}

/**
 * Read-only queries behind the statistics page. Every query carries `userId`.
 * Study days depend on the user's zone and day-start hour, which SQL cannot
 * bucket portably across SQLite and PostgreSQL, so reviews are counted per
 * quarter hour in SQL and put into study days in JS (lib/stats/review-groups.ts).
 */
export function statsScope(db: Db, userId: string) {
  return {
    /**
     * The user's reviews since `since`, counted per quarter hour and kind:
     * one indexed range scan on (userId, reviewedAt), a few rows per study
     * session instead of one per review.
     */
    async reviewGroupsSince(since: Date): Promise<ReviewGroup[]> {
      // Quarter hours since the epoch. SQLite keeps Prisma DateTimes as ISO text, PostgreSQL as a UTC timestamp.
      const bucket =
        dialectOf(db) === "postgresql"
          ? Prisma.sql`FLOOR(EXTRACT(EPOCH FROM "reviewedAt") / ${int(GROUP_SECONDS)})`
          : Prisma.sql`CAST(strftime('%s', "reviewedAt") AS INTEGER) / ${int(GROUP_SECONDS)}`;
      // The rule of `reviewKind` (lib/stats/review-groups.ts) in SQL; the integration test compares the two.
      const kind = Prisma.sql`CASE
          WHEN "state" <> ${int(states.review)} THEN ${int(reviewKinds.step)}
          WHEN "scheduledDays" >= ${int(MATURE_DAYS)} AND "rating" = ${int(ratings.again)} THEN ${int(reviewKinds.matureFailed)}
          WHEN "scheduledDays" >= ${int(MATURE_DAYS)} THEN ${int(reviewKinds.maturePassed)}
          WHEN "rating" = ${int(ratings.again)} THEN ${int(reviewKinds.youngFailed)}
          ELSE ${int(reviewKinds.youngPassed)} END`;
      const rows = await db.$queryRaw<GroupRow[]>`
        SELECT ${bucket} AS bucket, ${kind} AS kind, COUNT(*) AS n, SUM("durationMs") AS ms
        FROM "ReviewLog"
        WHERE "userId" = ${userId} AND "reviewedAt" >= ${since}
        GROUP BY 1, 2`;
      return rows.map((r) => ({
        at: new Date(Number(r.bucket) * GROUP_MS),
        kind: Number(r.kind) as ReviewKind,
        count: Number(r.n),
        durationMs: Number(r.ms ?? 0),
      }));
    },

    /** Whether the user has ever reviewed anything (the page's empty state). */
    async hasReviews(): Promise<boolean> {
      const row = await db.reviewLog.findFirst({ where: { userId }, select: { id: true } });
      return row !== null;
    },

    /** The user's state rows of live cards, with each card's topic: one query for all topics. */
    async cards(): Promise<StatsCard[]> {
      const rows = await db.cardState.findMany({
        where: { userId, card: { retiredAt: null } },
        select: {
          cardId: true,
          ...memoryColumns,
          suspended: true,
          buriedUntil: true,
          card: { select: { topicId: true } },
        },
      });
      return rows.map(({ cardId, card, suspended, buriedUntil, version: _version, ...memory }) => ({
        cardId,
        topicId: card.topicId,
        memory: { ...memory, state: memory.state as StateValue },
        suspended,
        buriedUntil,
      }));
    },
  };
}

export type StatsScope = ReturnType<typeof statsScope>;
