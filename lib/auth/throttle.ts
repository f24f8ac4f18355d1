/**
 * Sign-in throttling: pure decisions over a counter row, stored by lib/repo so
 * every app instance shares it. An attempt is counted (claimed) before its
 * password is checked, as if it were going to fail; a success gives it back.
 * After maxFailures claims inside the window the key is locked; each further
 * claim after a lock has run out doubles the lock, up to maxLockMs.
 */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerAccount: 5,
  // A browser holding a device cookie for the account gets its own budget (OWASP's device-cookie scheme).
  maxFailuresPerDevice: 5,
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

export type Claim =
  | { allowed: true; before: ThrottleRow | null; after: ThrottleRow }
  | { allowed: false; retryAfterMs: number };

/**
 * Counts one attempt before its password is checked. The claim that reaches
 * the limit sets the lock at once, so attempts racing it are refused without a
 * check: at most maxFailures passwords are checked per window, however many
 * requests arrive together.
 */
export function claimAttempt(row: ThrottleRow | null, maxFailures: number, now: Date): Claim {
  const waitMs = lockedFor(row, now);
  if (waitMs > 0) return { allowed: false, retryAfterMs: waitMs };
  return { allowed: true, before: row, after: afterFailure(row, maxFailures, now) };
}

/**
 * Gives back a claim whose password turned out right (for keys that are not
 * simply cleared on success, like a shared IP): one failure fewer, and the lock
 * this claim set, if it is still the current one, is lifted.
 */
export function refundClaim(
  current: ThrottleRow | null,
  claim: { before: ThrottleRow | null; after: ThrottleRow },
): ThrottleRow | null {
  if (!current) return null;
  const failures = Math.max(0, current.failures - 1);
  const setByThisClaim =
    claim.after.lockedUntil !== null &&
    current.lockedUntil?.getTime() === claim.after.lockedUntil.getTime() &&
    claim.before?.lockedUntil?.getTime() !== claim.after.lockedUntil.getTime();
  const lockedUntil = setByThisClaim ? (claim.before?.lockedUntil ?? null) : current.lockedUntil;
  return { failures, windowStart: current.windowStart, lockedUntil };
}

/**
 * Sign-up per client address (fixed windows, lib/repo/rate-counter.ts): every
 * attempt counts before the password is hashed; answers that an email is taken
 * (the one thing sign-up must reveal) have a much smaller budget of their own.
 */
export const SIGN_UP_LIMIT = {
  windowMs: 60 * 60 * 1000,
  maxAttempts: 100,
  maxTakenAnswers: 10,
} as const;
