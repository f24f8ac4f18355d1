import type { Db } from "@/lib/db";

/**
 * Counts one request against `key` in fixed window number `windowIndex` and returns the
 * count including it. One statement (an upsert with RETURNING, the same SQL on SQLite and
 * PostgreSQL), so parallel requests each see a distinct count and none is lost: a read
 * followed by a write would let a burst through. A row left from an earlier window
 * starts again at 1.
 */
export async function countRequest(db: Db, key: string, windowIndex: number): Promise<number> {
  const rows = await db.$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO "RateLimitWindow" ("key", "windowIndex", "count")
    VALUES (${key}, ${windowIndex}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE
        WHEN "RateLimitWindow"."windowIndex" = excluded."windowIndex" THEN "RateLimitWindow"."count" + 1
        ELSE 1
      END,
      "windowIndex" = excluded."windowIndex"
    RETURNING "count"`;
  const count = rows[0]?.count;
  if (count === undefined) throw new Error(`rate limit: the upsert for "${key}" returned no row`);
  return Number(count);
}
