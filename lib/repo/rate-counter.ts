import type { Db } from "@/lib/db";

/**
 * Counts one hit on `key` and returns how many hits the key has had in its
 * current fixed window (this one included). Both steps are single atomic
 * statements, on SQLite and PostgreSQL alike: a stale window is reset only by
 * the first caller that sees it stale (the reset moves windowStart to now, so
 * the condition no longer holds for anyone racing it), and the count is an
 * `INSERT … ON CONFLICT DO UPDATE SET count = count + 1 RETURNING` (Prisma's
 * native upsert), so parallel hits are never lost.
 */
export async function hit(db: Db, key: string, windowMs: number, now: Date): Promise<number> {
  await db.rateCounter.updateMany({
    where: { key, windowStart: { lt: new Date(now.getTime() - windowMs) } },
    data: { count: 0, windowStart: now },
  });
  const row = await db.rateCounter.upsert({
    where: { key },
    create: { key, count: 1, windowStart: now },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
  return row.count;
}

/** When the key's current window ends (for Retry-After), or null if it has none. */
export async function windowEnd(db: Db, key: string, windowMs: number): Promise<Date | null> {
  const row = await db.rateCounter.findUnique({ where: { key }, select: { windowStart: true } });
  return row ? new Date(row.windowStart.getTime() + windowMs) : null;
}
