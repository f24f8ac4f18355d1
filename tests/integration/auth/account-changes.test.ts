import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/change-password";
import { deleteAccount } from "@/lib/auth/delete-account";
import { resolveSession } from "@/lib/auth/resolve-session";
import { signIn } from "@/lib/auth/sign-in";
import { THROTTLE } from "@/lib/auth/throttle";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";
import { createTestUser } from "../../fixtures/users";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
  await t.db.topic.create({ data: { id: "t1", position: 1, titleRu: "Т", titleEn: "T", contentHash: "h" } });
  await t.db.card.create({
    data: {
      id: "c1",
      topicId: "t1",
      type: "basic",
      frontRu: "в",
      backRu: "о",
      frontEn: "q",
      backEn: "a",
      sourcePath: "content/t1/c1.md",
      contentHash: "h",
    },
  });
});
afterAll(async () => t.close());

const secret = "test-secret-test-secret-test-secret";
const signInAs = (email: string, password: string) =>
  signIn({ db: t.db, email, password, ip: "10.30.0.1", userAgent: "vitest", secret, now: new Date() });

async function sessionIdOf(token: string): Promise<string> {
  const session = await resolveSession(t.db, token, new Date());
  if (!session) throw new Error("expected a live session");
  return session.id;
}

describe(`changing the password on ${testDbKind}`, { timeout: 120_000 }, () => {
  it("ends every other session, keeps the current one, and swaps which password signs in", async () => {
    const user = await createTestUser(t.db);
    const laptop = await signInAs(user.email, user.password);
    const phone = await signInAs(user.email, user.password);
    const result = await changePassword({
      db: t.db,
      userId: user.userId,
      sessionId: await sessionIdOf(laptop.token),
      currentPassword: user.password,
      newPassword: "a brand new password",
      secret,
      now: new Date(),
    });
    expect(result.endedSessions).toBe(2);
    expect(await resolveSession(t.db, laptop.token, new Date())).not.toBeNull();
    expect(await resolveSession(t.db, phone.token, new Date())).toBeNull();
    expect(await resolveSession(t.db, user.token, new Date())).toBeNull();
    await expect(signInAs(user.email, user.password)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(signInAs(user.email, "a brand new password")).resolves.toMatchObject({
      userId: user.userId,
    });
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const user = await createTestUser(t.db);
    const other = await signInAs(user.email, user.password);
    const change = changePassword({
      db: t.db,
      userId: user.userId,
      sessionId: await sessionIdOf(user.token),
      currentPassword: "not my password",
      newPassword: "a brand new password",
      secret,
      now: new Date(),
    });
    await expect(change).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      details: { field: "currentPassword" },
    });
    expect(await resolveSession(t.db, other.token, new Date())).not.toBeNull();
    await expect(signInAs(user.email, user.password)).resolves.toMatchObject({ userId: user.userId });
  });

  it("is throttled: a stolen session cannot keep guessing the current password", async () => {
    const user = await createTestUser(t.db);
    const sessionId = await sessionIdOf(user.token);
    const guess = (currentPassword: string) =>
      changePassword({
        db: t.db,
        userId: user.userId,
        sessionId,
        currentPassword,
        newPassword: "a brand new password",
        secret,
        now: new Date(),
      });
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) {
      await expect(guess(`guess-${i}`)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    await expect(guess(user.password)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // Sign-in has its own counter: the owner is not locked out by it.
    await expect(signInAs(user.email, user.password)).resolves.toMatchObject({ userId: user.userId });
  });
});

describe(`deleting the account on ${testDbKind}`, { timeout: 120_000 }, () => {
  /** A user with a row in every table that holds user data. */
  async function userWithData() {
    const user = await createTestUser(t.db);
    const now = new Date();
    await signInAs(user.email, user.password);
    await t.db.userTopic.create({ data: { userId: user.userId, topicId: "t1", paused: true } });
    await t.db.cardState.create({ data: { userId: user.userId, cardId: "c1", due: now } });
    await t.db.reviewLog.create({
      data: {
        id: randomUUID(),
        clientId: randomUUID(),
        userId: user.userId,
        cardId: "c1",
        rating: 3,
        state: 0,
        due: now,
        stability: 1,
        difficulty: 5,
        elapsedDays: 0,
        lastElapsedDays: 0,
        scheduledDays: 1,
        learningSteps: 0,
        reviewedAt: now,
      },
    });
    await t.db.fitJob.create({
      data: { id: randomUUID(), userId: user.userId, status: "done", heartbeatAt: now },
    });
    return user;
  }

  async function rowsOf(userId: string) {
    const where = { where: { userId } };
    return {
      users: await t.db.user.count({ where: { id: userId } }),
      sessions: await t.db.session.count(where),
      settings: await t.db.userSettings.count(where),
      topics: await t.db.userTopic.count(where),
      cardStates: await t.db.cardState.count(where),
      reviews: await t.db.reviewLog.count(where),
      fitJobs: await t.db.fitJob.count(where),
    };
  }

  it("removes the user and every row of theirs, and leaves other users alone", async () => {
    const doomed = await userWithData();
    const bystander = await userWithData();
    // A failed sign-in leaves a throttle row keyed by the email's HMAC.
    await expect(signInAs(doomed.email, "typo")).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const throttlesBefore = await t.db.loginThrottle.count();

    await deleteAccount({
      db: t.db,
      userId: doomed.userId,
      password: doomed.password,
      secret,
      now: new Date(),
    });

    expect(await rowsOf(doomed.userId)).toEqual({
      users: 0,
      sessions: 0,
      settings: 0,
      topics: 0,
      cardStates: 0,
      reviews: 0,
      fitJobs: 0,
    });
    expect(await rowsOf(bystander.userId)).toEqual({
      users: 1,
      sessions: 2,
      settings: 1,
      topics: 1,
      cardStates: 1,
      reviews: 1,
      fitJobs: 1,
    });
    expect(await t.db.loginThrottle.count()).toBe(throttlesBefore - 1);
    expect(await t.db.card.count({ where: { id: "c1" } })).toBe(1);
    await expect(signInAs(doomed.email, doomed.password)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses a wrong password and deletes nothing", async () => {
    const user = await userWithData();
    const attempt = deleteAccount({
      db: t.db,
      userId: user.userId,
      password: "wrong",
      secret,
      now: new Date(),
    });
    await expect(attempt).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await rowsOf(user.userId)).reviews).toBe(1);
    expect((await rowsOf(user.userId)).users).toBe(1);
  });
});
