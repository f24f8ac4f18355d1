import { describe, expect, it } from "vitest";
import {
  afterFailure,
  claimAttempt,
  lockedFor,
  refundClaim,
  THROTTLE,
  type ThrottleRow,
} from "@/lib/auth/throttle";

const MAX = THROTTLE.maxFailuresPerAccount;
const t0 = new Date("2026-05-10T12:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

/** Applies `count` failures one millisecond apart, starting at t0, from `row`. */
function failTimes(count: number, row: ThrottleRow | null = null, max: number = MAX): ThrottleRow {
  let current = row;
  for (let i = 0; i < count; i++) current = afterFailure(current, max, later(i));
  if (!current) throw new Error("count must be positive");
  return current;
}

describe("afterFailure on a key with no history", () => {
  it("starts a window at now with one failure and no lock", () => {
    expect(afterFailure(null, MAX, t0)).toEqual({ failures: 1, windowStart: t0, lockedUntil: null });
  });
});

describe("afterFailure inside the window, below the limit", () => {
  it("counts each failure and keeps the window start", () => {
    const row = failTimes(MAX - 1);
    expect(row.failures).toBe(MAX - 1);
    expect(row.windowStart).toEqual(t0);
    expect(row.lockedUntil).toBeNull();
  });

  it("still counts into the same window at exactly windowMs after its start", () => {
    const row = afterFailure(
      { failures: 2, windowStart: t0, lockedUntil: null },
      MAX,
      later(THROTTLE.windowMs),
    );
    expect(row.failures).toBe(3);
    expect(row.windowStart).toEqual(t0);
  });
});

describe("afterFailure after the window has passed", () => {
  it("resets the count to 1 and starts a new window at now", () => {
    const now = later(THROTTLE.windowMs + 1);
    const row = afterFailure({ failures: MAX - 1, windowStart: t0, lockedUntil: null }, MAX, now);
    expect(row).toEqual({ failures: 1, windowStart: now, lockedUntil: null });
  });

  it("does not lock even though the old count was one short of the limit", () => {
    const row = afterFailure(
      { failures: MAX - 1, windowStart: t0, lockedUntil: null },
      MAX,
      later(THROTTLE.windowMs + 1),
    );
    expect(lockedFor(row, later(THROTTLE.windowMs + 1))).toBe(0);
  });
});

describe("afterFailure reaching the limit", () => {
  it("locks for baseLockMs from now at the maxFailures-th failure", () => {
    const before = failTimes(MAX - 1);
    const now = later(10_000);
    const row = afterFailure(before, MAX, now);
    expect(row.failures).toBe(MAX);
    expect(row.lockedUntil).toEqual(new Date(now.getTime() + THROTTLE.baseLockMs));
  });

  it("uses the limit it is given (per-IP limit is higher than per-account)", () => {
    const row = failTimes(THROTTLE.maxFailuresPerAccount, null, THROTTLE.maxFailuresPerIp);
    expect(row.lockedUntil).toBeNull();
    expect(failTimes(THROTTLE.maxFailuresPerIp, null, THROTTLE.maxFailuresPerIp).lockedUntil).not.toBeNull();
  });
});

describe("afterFailure beyond the limit", () => {
  it("doubles the lock with each further failure", () => {
    const base = failTimes(MAX);
    const now = later(1000);
    const sixth = afterFailure(base, MAX, now);
    expect(sixth.lockedUntil).toEqual(new Date(now.getTime() + 2 * THROTTLE.baseLockMs));
    const seventh = afterFailure(sixth, MAX, now);
    expect(seventh.lockedUntil).toEqual(new Date(now.getTime() + 4 * THROTTLE.baseLockMs));
  });

  it("caps the lock at maxLockMs", () => {
    // Enough failures that baseLockMs * 2^k exceeds maxLockMs by far.
    const extra = Math.ceil(Math.log2(THROTTLE.maxLockMs / THROTTLE.baseLockMs)) + 5;
    const row = failTimes(MAX + extra);
    const lastFailureAt = later(MAX + extra - 1);
    expect(row.lockedUntil).toEqual(new Date(lastFailureAt.getTime() + THROTTLE.maxLockMs));
  });
});

describe("lockedFor", () => {
  it("is 0 for a key with no row", () => {
    expect(lockedFor(null, t0)).toBe(0);
  });

  it("is 0 for a row that was never locked", () => {
    expect(lockedFor({ failures: 3, windowStart: t0, lockedUntil: null }, t0)).toBe(0);
  });

  it("is the remaining time while the lock lasts", () => {
    const row = { failures: MAX, windowStart: t0, lockedUntil: later(60_000) };
    expect(lockedFor(row, later(15_000))).toBe(45_000);
  });

  it("is 0 once the lock has expired (never negative)", () => {
    const row = { failures: MAX, windowStart: t0, lockedUntil: later(60_000) };
    expect(lockedFor(row, later(60_000))).toBe(0);
    expect(lockedFor(row, later(120_000))).toBe(0);
  });
});

describe("failures right after a lock has expired", () => {
  // Regression: the window used to restart 15 min after the first failure, so the
  // lock went 1 → 2 → 4 → 8 → 16 min and then back to nothing.
  it("keep escalating the lock instead of starting a new window", () => {
    let now = new Date("2026-01-01T00:00:00Z");
    let row: ThrottleRow | null = null;
    const locks: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      // Wait out any lock (sign-in refuses to count attempts while locked), then fail again.
      now = new Date(now.getTime() + lockedFor(row, now) + 1000);
      row = afterFailure(row, 5, now);
      if (row.lockedUntil && row.lockedUntil > now) locks.push(row.lockedUntil.getTime() - now.getTime());
    }
    expect(locks.at(-1)).toBe(THROTTLE.maxLockMs);
    expect(locks).toEqual([...locks].sort((a, b) => a - b));
  });
});

describe("claimAttempt", () => {
  it("counts the attempt as a failure before the password is checked", () => {
    const claim = claimAttempt(null, MAX, t0);
    expect(claim).toEqual({ allowed: true, before: null, after: afterFailure(null, MAX, t0) });
  });

  it("locks the key with the claim that reaches the limit, so racing claims are refused", () => {
    const claim = claimAttempt(failTimes(MAX - 1), MAX, later(10));
    expect(claim.allowed && claim.after.lockedUntil).toEqual(
      new Date(later(10).getTime() + THROTTLE.baseLockMs),
    );
    const racing = claim.allowed ? claimAttempt(claim.after, MAX, later(11)) : null;
    expect(racing).toEqual({ allowed: false, retryAfterMs: THROTTLE.baseLockMs - 1 });
  });

  it("refuses while locked without counting", () => {
    const locked = failTimes(MAX);
    const claim = claimAttempt(locked, MAX, later(MAX));
    expect(claim.allowed).toBe(false);
  });
});

describe("refundClaim", () => {
  it("takes back one failure and keeps an unrelated lock", () => {
    const before = failTimes(2);
    const claim = claimAttempt(before, MAX, later(5));
    if (!claim.allowed) throw new Error("expected the claim to be allowed");
    const current = { ...claim.after, failures: claim.after.failures + 3 };
    expect(refundClaim(current, claim)).toEqual({ ...current, failures: current.failures - 1 });
  });

  it("lifts the lock its own claim set, back to the lock before it", () => {
    const before = failTimes(MAX - 1);
    const claim = claimAttempt(before, MAX, later(10));
    if (!claim.allowed) throw new Error("expected the claim to be allowed");
    expect(refundClaim(claim.after, claim)).toEqual({ ...before, failures: MAX - 1 });
  });

  it("leaves a lock set by a later claim alone", () => {
    const claim = claimAttempt(failTimes(MAX - 1), MAX, later(10));
    if (!claim.allowed) throw new Error("expected the claim to be allowed");
    const relocked = { ...claim.after, failures: MAX + 1, lockedUntil: later(999_999) };
    expect(refundClaim(relocked, claim)?.lockedUntil).toEqual(later(999_999));
  });

  it("is null for a row that is gone", () => {
    const claim = claimAttempt(null, MAX, t0);
    if (!claim.allowed) throw new Error("expected the claim to be allowed");
    expect(refundClaim(null, claim)).toBeNull();
  });
});
