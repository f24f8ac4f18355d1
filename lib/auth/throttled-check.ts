import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { updateThrottles } from "@/lib/repo/login-throttle";
import type { ConcurrencyGate } from "./concurrency-gate";
import { claimAttempt, refundClaim, type ThrottleRow } from "./throttle";

/** One counter an attempt is charged to; on success it is cleared (the account's own) or refunded (a shared IP). */
export type ThrottleCharge = { key: string; maxFailures: number; onSuccess: "clear" | "refund" };

type Claimed = { before: ThrottleRow | null; after: ThrottleRow };

function rateLimited(waitMs: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError("RATE_LIMITED", `too many attempts; try again in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });
}

/**
 * Runs a password check under the throttle: the attempt is counted on every
 * charge atomically before the check runs (all or none: a refused attempt
 * counts nowhere), at most `gate.limit` checks per `gateKey` run at once in
 * this process, and a right password gives the attempt back.
 */
export async function throttledCheck(options: {
  db: Db;
  charges: ThrottleCharge[];
  gate: ConcurrencyGate;
  gateKey: string;
  now: Date;
  check: () => Promise<boolean>;
}): Promise<boolean> {
  const { db, charges, now } = options;
  const release = options.gate.tryEnter(options.gateKey);
  if (!release) throw rateLimited(1000);
  try {
    const claimed = await updateThrottles(
      db,
      charges.map((c) => c.key),
      (rows) => {
        const claims = new Map<string, Claimed>();
        let waitMs = 0;
        for (const charge of charges) {
          const claim = claimAttempt(rows.get(charge.key) ?? null, charge.maxFailures, now);
          if (claim.allowed) claims.set(charge.key, claim);
          else waitMs = Math.max(waitMs, claim.retryAfterMs);
        }
        if (waitMs > 0) return { writes: new Map(), result: { waitMs, claims } };
        const writes = new Map([...claims].map(([key, claim]) => [key, claim.after] as const));
        return { writes, result: { waitMs, claims } };
      },
    );
    if (claimed.waitMs > 0) throw rateLimited(claimed.waitMs);

    const ok = await options.check();
    if (ok) {
      await updateThrottles(
        db,
        charges.map((c) => c.key),
        (rows) => {
          const writes = new Map<string, ThrottleRow | null>();
          for (const charge of charges) {
            const claim = claimed.claims.get(charge.key);
            if (charge.onSuccess === "clear") writes.set(charge.key, null);
            else if (claim) writes.set(charge.key, refundClaim(rows.get(charge.key) ?? null, claim));
          }
          return { writes, result: undefined };
        },
      );
    }
    return ok;
  } finally {
    release();
  }
}
