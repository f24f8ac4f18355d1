/**
 * Sign-in throttling: pure decisions over a counter row, stored by lib/repo so
 * every app instance shares it. After MAX_FAILURES failures inside the window
 * the key is locked; each further lock doubles, up to MAX_LOCK_MS.
 */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 20,
  baseLockMs: 60 * 1000,
  maxLockMs: 60 * 60 * 1000,
} as const;

export type ThrottleRow = { failures: number; windowStart: Date; lockedUntil: Date | null };

export function lockedFor(row: ThrottleRow | null, now: Date): number {
  if (!row?.lockedUntil) return 0;
  return Math.max(0, row.lockedUntil.getTime() - now.getTime());
}

export function afterFailure(row: ThrottleRow | null, maxFailures: number, now: Date): ThrottleRow {
  // The window is measured from the later of its start and the end of the last
  // lock, so failures right after a lock keep escalating instead of starting over.
  const windowFrom = row ? Math.max(row.windowStart.getTime(), row.lockedUntil?.getTime() ?? 0) : 0;
  const fresh = !row || now.getTime() - windowFrom > THROTTLE.windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const windowStart = fresh ? now : row.windowStart;
  if (failures < maxFailures) return { failures, windowStart, lockedUntil: row?.lockedUntil ?? null };
  const doublings = failures - maxFailures;
  const lockMs = Math.min(THROTTLE.maxLockMs, THROTTLE.baseLockMs * 2 ** doublings);
  return { failures, windowStart, lockedUntil: new Date(now.getTime() + lockMs) };
}
