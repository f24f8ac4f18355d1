import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConcurrencyGate, PASSWORD_CHECKS_PER_ACCOUNT } from "@/lib/auth/concurrency-gate";
import { issueDeviceToken } from "@/lib/auth/device-cookie";
import { signIn } from "@/lib/auth/sign-in";
import { THROTTLE } from "@/lib/auth/throttle";
import { createDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";
import { createTestUser } from "../../fixtures/users";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
});
afterAll(async () => t.close());

const secret = "test-secret-test-secret-test-secret";
// Many instances each with their own gate: only the database counter stands between them.
const manyInstances = () => new ConcurrencyGate(10_000);

type Attempt = { email: string; password: string; ip?: string; deviceToken?: string; gate?: ConcurrencyGate };
const attempt = (a: Attempt, db = t.db) =>
  signIn({
    db,
    email: a.email,
    password: a.password,
    ip: a.ip ?? "10.9.0.1",
    userAgent: "vitest",
    secret,
    now: new Date(),
    deviceToken: a.deviceToken,
    gate: a.gate ?? manyInstances(),
  });

/** Settles all attempts and tallies their outcome: signed in, or the AppError code. */
async function outcomes(attempts: Promise<unknown>[]): Promise<Record<string, number>> {
  const settled = await Promise.allSettled(attempts);
  const tally: Record<string, number> = {};
  for (const s of settled) {
    const code =
      s.status === "fulfilled" ? "OK" : s.reason instanceof AppError ? s.reason.code : String(s.reason);
    tally[code] = (tally[code] ?? 0) + 1;
  }
  return tally;
}

describe(`50 parallel wrong guesses at one account on ${testDbKind}`, { timeout: 120_000 }, () => {
  // Regression (issue 11): the counter was read, the password checked, and an
  // absolute value written back, so 300 parallel guesses were all checked and none locked.
  it("checks at most maxFailuresPerAccount passwords and locks the account", async () => {
    const user = await createTestUser(t.db);
    const gate = manyInstances();
    const tally = await outcomes(
      Array.from({ length: 50 }, (_, i) =>
        attempt({ email: user.email, password: `guess-${i}`, ip: `10.3.${i}.1`, gate }),
      ),
    );
    // UNAUTHORIZED means the password was checked; RATE_LIMITED means it was refused before scrypt.
    expect(tally).toEqual({
      UNAUTHORIZED: THROTTLE.maxFailuresPerAccount,
      RATE_LIMITED: 50 - THROTTLE.maxFailuresPerAccount,
    });
    await expect(
      attempt({ email: user.email, password: user.password, ip: "10.3.99.1" }),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("checks at most maxFailuresPerIp passwords from one address spraying many accounts", async () => {
    const users = await Promise.all(Array.from({ length: 5 }, () => createTestUser(t.db)));
    const tally = await outcomes(
      Array.from({ length: 50 }, (_, i) =>
        attempt({ email: users[i % users.length]!.email, password: `spray-${i}`, ip: "10.4.0.1" }),
      ),
    );
    expect(tally.UNAUTHORIZED).toBeLessThanOrEqual(THROTTLE.maxFailuresPerIp);
    expect(tally.UNAUTHORIZED! + tally.RATE_LIMITED!).toBe(50);
  });

  it("lets only PASSWORD_CHECKS_PER_ACCOUNT checks of one account run at once in one instance", async () => {
    const user = await createTestUser(t.db);
    const gate = new ConcurrencyGate(PASSWORD_CHECKS_PER_ACCOUNT);
    const tally = await outcomes(
      Array.from({ length: 10 }, (_, i) =>
        attempt({ email: user.email, password: `burst-${i}`, ip: `10.5.${i}.1`, gate }),
      ),
    );
    expect(tally.UNAUTHORIZED).toBeLessThanOrEqual(PASSWORD_CHECKS_PER_ACCOUNT);
    expect(tally.RATE_LIMITED).toBeGreaterThanOrEqual(10 - PASSWORD_CHECKS_PER_ACCOUNT);
    // Every check released its place: the owner gets in through the same gate.
    await expect(attempt({ email: user.email, password: user.password, gate })).resolves.toMatchObject({
      userId: user.userId,
    });
  });
});

describe.runIf(testDbKind === "postgresql")(
  "parallel guesses through three app instances on one PostgreSQL",
  { timeout: 120_000 },
  () => {
    it("still checks at most maxFailuresPerAccount passwords", async () => {
      const user = await createTestUser(t.db);
      const instances = [createDb(t.url), createDb(t.url), createDb(t.url)];
      try {
        const tally = await outcomes(
          Array.from({ length: 45 }, (_, i) =>
            attempt({ email: user.email, password: `multi-${i}`, ip: `10.6.${i}.1` }, instances[i % 3]),
          ),
        );
        expect(tally.UNAUTHORIZED).toBe(THROTTLE.maxFailuresPerAccount);
        expect(tally.RATE_LIMITED).toBe(45 - THROTTLE.maxFailuresPerAccount);
      } finally {
        await Promise.all(instances.map((db) => db.$disconnect()));
      }
    });
  },
);

describe(`a right password on ${testDbKind}`, { timeout: 120_000 }, () => {
  it("clears the account's counter and gives back its claim on the address counter", async () => {
    const user = await createTestUser(t.db);
    const ip = "10.7.0.1";
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount - 1; i++) {
      await expect(attempt({ email: user.email, password: "wrong", ip })).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
    }
    await attempt({ email: user.email, password: user.password, ip });
    // The account starts over: a full budget of failures before the next lock.
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount - 1; i++) {
      await expect(attempt({ email: user.email, password: "wrong", ip })).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
    }
    await expect(attempt({ email: user.email, password: user.password, ip })).resolves.toMatchObject({
      userId: user.userId,
    });
  });

  it("does not use up an address's budget: many sign-ins from one office address never lock it", async () => {
    const user = await createTestUser(t.db);
    for (let i = 0; i < THROTTLE.maxFailuresPerIp + 1; i++) {
      await attempt({ email: user.email, password: user.password, ip: "10.8.0.1" });
    }
    await expect(
      attempt({ email: user.email, password: user.password, ip: "10.8.0.1" }),
    ).resolves.toMatchObject({
      userId: user.userId,
    });
  });
});

describe(`an account locked by strangers' guesses on ${testDbKind}`, { timeout: 120_000 }, () => {
  async function lockedOutOwner() {
    const user = await createTestUser(t.db);
    const owner = await attempt({ email: user.email, password: user.password, ip: "10.10.0.1" });
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) {
      await expect(
        attempt({ email: user.email, password: `stranger-${i}`, ip: `10.11.${i}.1` }),
      ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    await expect(
      attempt({ email: user.email, password: user.password, ip: "10.12.0.1" }),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    return { user, deviceToken: owner.deviceToken };
  }

  it("still lets the owner in from a browser holding the device cookie", async () => {
    const { user, deviceToken } = await lockedOutOwner();
    const session = await attempt({
      email: user.email,
      password: user.password,
      ip: "10.10.0.1",
      deviceToken,
    });
    expect(session.userId).toBe(user.userId);
    expect(session.deviceToken).not.toBe(deviceToken);
  });

  it("treats a device cookie of another account, or a forged one, as an unknown device", async () => {
    const { user } = await lockedOutOwner();
    const other = await createTestUser(t.db);
    const othersDevice = (await attempt({ email: other.email, password: other.password })).deviceToken;
    const forged = issueDeviceToken("another-secret-another-secret-another", user.userId);
    for (const deviceToken of [othersDevice, forged, `${user.userId}.bogus.bogus`]) {
      await expect(
        attempt({ email: user.email, password: user.password, deviceToken }),
      ).rejects.toMatchObject({
        code: "RATE_LIMITED",
      });
    }
  });

  it("locks a known device after its own maxFailuresPerDevice wrong passwords, without touching other devices", async () => {
    const user = await createTestUser(t.db);
    const first = (await attempt({ email: user.email, password: user.password })).deviceToken;
    const second = (await attempt({ email: user.email, password: user.password })).deviceToken;
    for (let i = 0; i < THROTTLE.maxFailuresPerDevice; i++) {
      await expect(
        attempt({ email: user.email, password: "typo", deviceToken: first }),
      ).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
    }
    await expect(
      attempt({ email: user.email, password: user.password, deviceToken: first }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(
      attempt({ email: user.email, password: user.password, deviceToken: second }),
    ).resolves.toMatchObject({ userId: user.userId });
    await expect(attempt({ email: user.email, password: user.password })).resolves.toMatchObject({
      userId: user.userId,
    });
  });
});
