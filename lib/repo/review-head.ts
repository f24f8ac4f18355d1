import type { Db } from "@/lib/db";
import { dialectOf } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { states, type StateValue } from "@/lib/srs/scheduler";
import type { DueCard } from "@/lib/srs/build-queue";
import { scheduledSql } from "./study/in-study";

type Row = { cardId: string; state: unknown; due: unknown; scheduledDays: unknown; total: unknown };

/**
 * The `take` reviews due before `nextDayStart` that are most overdue relative
 * to their interval (lib/srs/build-queue.ts's order), ordered and cut in SQL:
 * a heavy user has hundreds due each day, and loading them all for every card
 * shown cost more than the rest of the queue (and its garbage, the slow tail).
 * The "in study" rule is lib/repo/study/in-study.ts's SQL form. `total` counts all of them.
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
  const nowSeconds = options.now.getTime() / 1000;
  const rows = await db.$queryRaw<Row[]>`
    SELECT cs."cardId", cs."state", cs."due", cs."scheduledDays", COUNT(*) OVER () AS total
    FROM "CardState" cs
    JOIN "Card" c ON c."id" = cs."cardId"
    WHERE ${scheduledSql(postgres ? "postgresql" : "sqlite", userId, options.now, options.pausedTags)}
      AND cs."state" = ${states.review}
      AND cs."due" < ${options.nextDayStart}
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
