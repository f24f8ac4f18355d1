import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { rateLimits, type RateLimitedAction } from "@/lib/limits";
import { countRequest } from "@/lib/repo/rate-limit";

/** A 429 that knows when the client may try again (routes send it as Retry-After). */
export class RateLimitExceeded extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("RATE_LIMITED", message);
    this.name = "RateLimitExceeded";
  }
}

const wording: Record<RateLimitedAction, string> = {
  import: "imports",
  export: "exports",
  optimizerRun: "parameter fits",
  optimizerApply: "parameter changes",
};

/**
 * Counts a request of `action` by `subject` (a user id, or a client address for anonymous
 * routes) in the current fixed window of lib/limits.ts and throws RateLimitExceeded past
 * the limit. Refused requests count too, so hammering does not shorten the wait.
 */
export async function enforceRateLimit(input: {
  db: Db;
  action: RateLimitedAction;
  subject: string;
  now: Date;
}): Promise<void> {
  const limit = rateLimits[input.action];
  const windowIndex = Math.floor(input.now.getTime() / limit.windowMs);
  const count = await countRequest(input.db, `${input.action}:${input.subject}`, windowIndex);
  if (count <= limit.max) return;
  const windowEnd = (windowIndex + 1) * limit.windowMs;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowEnd - input.now.getTime()) / 1000));
  throw new RateLimitExceeded(
    `too many ${wording[input.action]}: at most ${limit.max} per ${describeWindow(limit.windowMs)}; try again in ${retryAfterSeconds} s`,
    retryAfterSeconds,
  );
}

function describeWindow(ms: number): string {
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? "hour" : `${ms / 3_600_000} hours`;
  if (ms % 60_000 === 0) return ms === 60_000 ? "minute" : `${ms / 60_000} minutes`;
  return `${ms / 1000} s`;
}
