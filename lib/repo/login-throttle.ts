import type { Db } from "@/lib/db";
import type { ThrottleRow } from "@/lib/auth/throttle";

export async function readThrottles(db: Db, keys: string[]): Promise<Map<string, ThrottleRow>> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys } } });
  return new Map(
    rows.map((r) => [
      r.key,
      { failures: r.failures, windowStart: r.windowStart, lockedUntil: r.lockedUntil },
    ]),
  );
}

export async function saveThrottle(db: Db, key: string, row: ThrottleRow): Promise<void> {
  await db.loginThrottle.upsert({ where: { key }, create: { key, ...row }, update: row });
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}
