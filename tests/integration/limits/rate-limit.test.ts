import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "@/lib/limits";
import { enforceRateLimit, RateLimitExceeded } from "@/lib/rate-limit/enforce-rate-limit";
import { countRequest } from "@/lib/repo/rate-limit";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
});
afterAll(async () => t.close());

describe(`rate limit counters on ${testDbKind}`, () => {
  it("gives 60 parallel requests 60 distinct counts (no increment lost)", async () => {
    const counts = await Promise.all(
      Array.from({ length: 60 }, () => countRequest(t.db, "test:parallel", 7)),
    );
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it("starts again at 1 in the next window", async () => {
    await countRequest(t.db, "test:window", 1);
    await countRequest(t.db, "test:window", 1);
    expect(await countRequest(t.db, "test:window", 2)).toBe(1);
  });
});

describe(`a per-user limit hit by a burst of parallel requests, on ${testDbKind}`, () => {
  const limit = rateLimits.export;
  // Mid-window, so the whole burst falls in one window.
  const now = new Date(
    Math.floor(Date.UTC(2026, 11, 6, 12) / limit.windowMs) * limit.windowMs + limit.windowMs / 2,
  );

  it(`lets exactly ${limit.max} through and refuses the rest with 429 and the seconds until the window ends`, async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: limit.max + 15 }, () =>
        enforceRateLimit({ db: t.db, action: "export", subject: "user-burst", now }),
      ),
    );
    const refused = outcomes.filter((o) => o.status === "rejected").map((o) => o.reason as unknown);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(limit.max);
    expect(refused).toHaveLength(15);
    const first = refused[0] as RateLimitExceeded;
    expect(first).toBeInstanceOf(RateLimitExceeded);
    expect(first.status).toBe(429);
    expect(first.retryAfterSeconds).toBe(limit.windowMs / 2 / 1000);
    expect(first.message).toMatch(new RegExp(`at most ${limit.max} per hour`));
  });

  it("counts each user separately", async () => {
    await expect(
      enforceRateLimit({ db: t.db, action: "export", subject: "user-other", now }),
    ).resolves.toBeUndefined();
  });

  it("lets the user in again when the window has passed", async () => {
    const later = new Date(now.getTime() + limit.windowMs);
    await expect(
      enforceRateLimit({ db: t.db, action: "export", subject: "user-burst", now: later }),
    ).resolves.toBeUndefined();
  });
});
