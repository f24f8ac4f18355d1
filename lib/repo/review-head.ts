import type { Db } from "@/lib/db";
import { dialectOf } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { states, type StateValue } from "@/lib/srs/scheduler";
import type { DueCard } from "@/lib/srs/build-queue";

type Row = { cardId: string; state: unknown; due: unknown; scheduledDays: unknown; total: unknown };

/**
 * The `take` reviews due before `nextDayStart` that are most overdue relative
 * to their interval (lib/srs/build-queue.ts's order), ordered and cut in SQL:
 * a heavy user has hundreds due each day, and loading them all for every card
 * shown cost more than the rest of the queue (and its garbage, the slow tail).
 * Same filters as the day's queue: not suspended, not buried, live card, topic
 * and tags not paused. `total` counts all of them.
 */
export async function mostOverdueReviews(
  db: Db,
  userId: string,
  options: { now: Date; nextDayStart: Date; pausedTags: readonly string[]; take: number },
): Promise<{ head: DueCard[]; total: number }> {
  const postgres = dialectOf(db) === "postgresql";
  // Seconds since the epoch of a stored DateTime: SQLite keeps Prisma's ISO text, PostgreSQL a UTC timestamp.
  const seconds = postgres
    ? Prisma.sql`EXTRACT(EPOCH FROM cs."due")`
    : Prisma.sql`((julianday(cs."due") - 2440587.5) * 86400.0)`;
  const greatest = postgres ? Prisma.sql`GREATEST` : Prisma.sql`MAX`;
  // Booleans as each database stores them (SQLite: 0/1 integers).
  const [no, yes] = postgres ? [Prisma.sql`FALSE`, Prisma.sql`TRUE`] : [Prisma.sql`0`, Prisma.sql`1`];
  const notTagged = (tag: string) =>
    postgres
      ? Prisma.sql`AND strpos(c."tags", ${JSON.stringify(tag)}) = 0`
      : Prisma.sql`AND instr(c."tags", ${JSON.stringify(tag)}) = 0`;
  const tagFilter = options.pausedTags.length
    ? Prisma.join(options.pausedTags.map(notTagged), " ")
    : Prisma.empty;
  const nowSeconds = options.now.getTime() / 1000;
  const rows = await db.$queryRaw<Row[]>`
    SELECT cs."cardId", cs."state", cs."due", cs."scheduledDays", COUNT(*) OVER () AS total
    FROM "CardState" cs
    JOIN "Card" c ON c."id" = cs."cardId"
    WHERE cs."userId" = ${userId}
      AND cs."state" = ${states.review}
      AND cs."suspended" = ${no}
      AND cs."due" < ${options.nextDayStart}
      AND (cs."buriedUntil" IS NULL OR cs."buriedUntil" <= ${options.now})
      AND c."retiredAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "UserTopic" ut
        WHERE ut."userId" = cs."userId" AND ut."topicId" = c."topicId" AND ut."paused" = ${yes}
      )
      ${tagFilter}
    ORDER BY (${nowSeconds} - ${seconds}) / 86400.0 / ${greatest}(1, cs."scheduledDays") DESC, cs."cardId" ASC
    LIMIT ${options.take}`;
  const head = rows.map((r) => ({
    cardId: r.cardId,
    state: Number(r.state) as StateValue,
    due: r.due instanceof Date ? r.due : new Date(String(r.due)),
    scheduledDays: Number(r.scheduledDays),
  }));
  // The window count is taken before LIMIT: every matching review, on each returned row.
  return { head, total: rows.length ? Number(rows[0]!.total) : 0 };
}
