import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSession } from "@/lib/auth/resolve-session";
import { hashSessionToken, SESSION_REFRESH_AFTER_MS, SESSION_TTL_MS } from "@/lib/auth/session-token";
import { signIn } from "@/lib/auth/sign-in";
import { signUp } from "@/lib/auth/sign-up";
import { THROTTLE } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";
import { rejectionOf } from "../../fixtures/rejection";
import { createTestUser, uniqueEmail } from "../../fixtures/users";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
});
afterAll(async () => t.close());

const secret = "test-secret-test-secret-test-secret";
const attempt = (email: string, password: string, ip: string, now = new Date()) =>
  signIn({ db: t.db, email, password, ip, userAgent: "vitest", secret, now });

describe(`accounts on ${testDbKind}`, () => {
  it("stores only a password hash and only the SHA-256 of the session token", async () => {
    const user = await createTestUser(t.db);
    const row = await t.db.user.findUniqueOrThrow({
      where: { id: user.userId },
      include: { sessions: true },
    });
    expect(row.passwordHash).not.toContain(user.password);
    expect(row.passwordHash.startsWith("scrypt$")).toBe(true);
    expect(row.sessions).toHaveLength(1);
    expect(row.sessions[0]?.tokenHash).toBe(hashSessionToken(user.token));
    expect(row.sessions.some((s) => s.tokenHash === user.token || s.id === user.token)).toBe(false);
  });

  it("refuses a second account with the same email as a CONFLICT", async () => {
    const user = await createTestUser(t.db);
    const again = signUp({
      db: t.db,
      credentials: { email: user.email, password: "another password" },
      locale: "ru",
      theme: "dark",
      userAgent: "vitest",
      ip: "10.0.0.9",
      secret,
      now: new Date(),
    });
    await expect(again).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.db.user.count({ where: { email: user.email } })).toBe(1);
  });

  it("saves the language and theme the visitor used when signing up", async () => {
    const user = await createTestUser(t.db, { locale: "ru" });
    const settings = await t.db.userSettings.findUniqueOrThrow({ where: { userId: user.userId } });
    expect(settings.locale).toBe("ru");
  });

  it("signs in with the right password and resolves the new session", async () => {
    const user = await createTestUser(t.db);
    const session = await attempt(user.email, user.password, "10.0.0.1");
    const resolved = await resolveSession(t.db, session.token, new Date());
    expect(resolved?.userId).toBe(user.userId);
    expect(resolved?.email).toBe(user.email);
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const user = await createTestUser(t.db);
    const wrong = await rejectionOf(attempt(user.email, "wrong password", "10.0.0.2"), AppError);
    const unknown = await rejectionOf(attempt(uniqueEmail("nobody"), "whatever1", "10.0.0.2"), AppError);
    expect(wrong.code).toBe("UNAUTHORIZED");
    expect(unknown.code).toBe("UNAUTHORIZED");
    expect(wrong.message).toBe(unknown.message);
  });

  it("locks an account after too many failures, even with the right password, from any IP", async () => {
    const user = await createTestUser(t.db);
    const now = new Date();
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) {
      await expect(attempt(user.email, "bad", `10.1.0.${i}`, now)).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
    }
    const locked = await rejectionOf(attempt(user.email, user.password, "10.1.1.1", now), AppError);
    expect(locked.code).toBe("RATE_LIMITED");
    expect((locked.details as { retryAfterSeconds: number }).retryAfterSeconds).toBe(
      THROTTLE.baseLockMs / 1000,
    );

    const later = new Date(now.getTime() + THROTTLE.baseLockMs + 1000);
    await expect(attempt(user.email, user.password, "10.1.1.1", later)).resolves.toMatchObject({
      userId: user.userId,
    });
  });

  it("locks an IP that fails across many accounts", async () => {
    const ip = "10.2.0.1";
    for (let i = 0; i < THROTTLE.maxFailuresPerIp; i++) {
      await expect(attempt(uniqueEmail("spray"), "bad-password", ip)).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
    }
    const user = await createTestUser(t.db);
    await expect(attempt(user.email, user.password, ip)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(attempt(user.email, user.password, "10.2.0.2")).resolves.toMatchObject({
      userId: user.userId,
    });
  }, 90_000);

  it("does not store raw IPs or emails in the throttle table", async () => {
    const keys = (await t.db.loginThrottle.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => /^(email|ip|device|signup|reauth):[0-9a-f]{64}$/.test(k))).toBe(true);
  });

  it("slides the session expiry when it is used after a day, and rejects it once expired", async () => {
    const start = new Date("2026-01-01T00:00:00Z");
    const user = await createTestUser(t.db, { now: start });
    const soon = new Date(start.getTime() + 60_000);
    expect((await resolveSession(t.db, user.token, soon))?.expiresAt.getTime()).toBe(
      start.getTime() + SESSION_TTL_MS,
    );

    const nextDay = new Date(start.getTime() + SESSION_REFRESH_AFTER_MS + 1);
    expect((await resolveSession(t.db, user.token, nextDay))?.expiresAt.getTime()).toBe(
      nextDay.getTime() + SESSION_TTL_MS,
    );

    const afterExpiry = new Date(nextDay.getTime() + SESSION_TTL_MS + 1);
    expect(await resolveSession(t.db, user.token, afterExpiry)).toBeNull();
  });

  it("rejects unknown, empty and absurdly long tokens", async () => {
    expect(await resolveSession(t.db, undefined, new Date())).toBeNull();
    expect(await resolveSession(t.db, "not-a-token", new Date())).toBeNull();
    expect(await resolveSession(t.db, "x".repeat(10_000), new Date())).toBeNull();
  });
});
