import type { Db } from "@/lib/db";
import { dialectOf } from "@/lib/db/client";
import type { ThrottleRow } from "@/lib/auth/throttle";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** What a step decides: the rows to write (null deletes the key) and a value for the caller. */
export type ThrottleStep<T> = (rows: Map<string, ThrottleRow | null>) => {
  writes: Map<string, ThrottleRow | null>;
  result: T;
};

/**
 * Reads the counter rows of `keys`, lets a pure `step` decide, and writes its
 * decision, with nobody else reading or writing those keys in between on any
 * instance. PostgreSQL: a transaction-scoped advisory lock per key (taken in
 * sorted order, so two callers cannot deadlock; it also covers keys with no row
 * yet, which SELECT … FOR UPDATE would not). SQLite: one connection, and
 * transactions are serialised (lib/db/serialized-sqlite.ts).
 */
export async function updateThrottles<T>(db: Db, keys: string[], step: ThrottleStep<T>): Promise<T> {
  const sorted = [...new Set(keys)].sort();
  const postgres = dialectOf(db) === "postgresql";
  return db.$transaction(
    async (tx) => {
      if (postgres) {
        for (const key of sorted)
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
      }
      const found = await tx.loginThrottle.findMany({ where: { key: { in: sorted } } });
      const rows = new Map<string, ThrottleRow | null>(sorted.map((key) => [key, null]));
      for (const r of found) {
        rows.set(r.key, { failures: r.failures, windowStart: r.windowStart, lockedUntil: r.lockedUntil });
      }
      const { writes, result } = step(rows);
      for (const [key, row] of writes) await write(tx, key, row);
      return result;
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
}

async function write(tx: Tx, key: string, row: ThrottleRow | null): Promise<void> {
  if (!row) {
    await tx.loginThrottle.deleteMany({ where: { key } });
    return;
  }
  const data = { failures: row.failures, windowStart: row.windowStart, lockedUntil: row.lockedUntil };
  await tx.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
}

export async function clearThrottles(db: Db, keys: string[]): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: { in: keys } } });
}
