import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { throttleKey } from "@/lib/auth/throttle-keys";
import { countRequest } from "@/lib/repo/rate-limit";
import { SIGN_UP_LIMIT } from "@/lib/auth/throttle";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";
import { createTestUser, uniqueEmail } from "../../fixtures/users";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
});
afterAll(async () => t.close());

const secret = "test-secret-test-secret-test-secret";
const register = (email: string, ip: string, password = "long enough password") =>
  signUp({
    db: t.db,
    credentials: { email, password },
    locale: "en",
    theme: "system",
    userAgent: "vitest",
    ip,
    secret,
    now: new Date(),
  });

describe(`sign-up from one address on ${testDbKind}`, { timeout: 120_000 }, () => {
  it("answers 'email taken' only maxTakenAnswers times per window, then RATE_LIMITED", async () => {
    const taken = await createTestUser(t.db);
    const ip = "10.20.0.1";
    for (let i = 0; i < SIGN_UP_LIMIT.maxTakenAnswers; i++) {
      await expect(register(taken.email, ip)).rejects.toMatchObject({ code: "CONFLICT" });
    }
    await expect(register(taken.email, ip)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // Another address still gets the honest answer.
    await expect(register(taken.email, "10.20.0.2")).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses attempts beyond maxAttempts before hashing, counting parallel attempts exactly", async () => {
    const ip = "10.21.0.1";
    // Use up most of the budget through the counter itself, without paying for scrypt.
    const key = throttleKey(secret, "signup", ip);
    await Promise.all(
      Array.from({ length: SIGN_UP_LIMIT.maxAttempts - 2 }, () =>
        countRequest(t.db, key, Math.floor(Date.now() / SIGN_UP_LIMIT.windowMs)),
      ),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => register(uniqueEmail("burst"), ip)),
    );
    const ok = results.filter((r) => r.status === "fulfilled").length;
    const limited = results.filter(
      (r) => r.status === "rejected" && (r.reason as { code?: string }).code === "RATE_LIMITED",
    ).length;
    expect({ ok, limited }).toEqual({ ok: 2, limited: 4 });
  });
});
