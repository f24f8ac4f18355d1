import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userScope } from "@/lib/repo/user-scope";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";
import { createTestUser } from "../../fixtures/users";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
});
afterAll(async () => t.close());

describe(`a second user on ${testDbKind} guessing the first user's ids`, () => {
  it("can neither revoke nor list the first user's sessions", async () => {
    const alice = await createTestUser(t.db, { locale: "ru" });
    const bob = await createTestUser(t.db);
    const aliceSession = await t.db.session.findFirstOrThrow({ where: { userId: alice.userId } });

    const asBob = userScope(t.db, bob.userId);
    await expect(asBob.revokeSession(aliceSession.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.session.count({ where: { id: aliceSession.id } })).toBe(1);

    const bobSees = await asBob.sessions("none");
    expect(bobSees.map((s) => s.id)).not.toContain(aliceSession.id);
    expect(bobSees).toHaveLength(1);
  });

  it("reads and changes only their own preferences", async () => {
    const alice = await createTestUser(t.db, { locale: "ru" });
    const bob = await createTestUser(t.db, { locale: "en" });
    await userScope(t.db, bob.userId).updatePreferences({ locale: "ru", theme: "dark" });
    expect(await userScope(t.db, alice.userId).preferences()).toEqual({ locale: "ru", theme: "system" });
    expect(await userScope(t.db, bob.userId).preferences()).toEqual({ locale: "ru", theme: "dark" });
  });

  it("does not see the first user's card state or review counts", async () => {
    const alice = await createTestUser(t.db);
    const bob = await createTestUser(t.db);
    await t.db.topic.create({
      data: { id: "iso-topic", position: 1, titleRu: "т", titleEn: "t", contentHash: "h" },
    });
    await t.db.card.create({
      data: {
        id: "iso-card",
        topicId: "iso-topic",
        type: "basic",
        frontRu: "в",
        backRu: "о",
        frontEn: "q",
        backEn: "a",
        sourcePath: "content/x.md",
        contentHash: "h",
      },
    });
    const now = new Date();
    await t.db.cardState.create({ data: { userId: alice.userId, cardId: "iso-card", due: now, state: 2 } });
    await t.db.reviewLog.create({
      data: {
        id: randomUUID(),
        clientId: "a-1",
        userId: alice.userId,
        cardId: "iso-card",
        rating: 3,
        state: 0,
        due: now,
        stability: 0,
        difficulty: 0,
        elapsedDays: 0,
        lastElapsedDays: 0,
        scheduledDays: 0,
        learningSteps: 0,
        reviewedAt: now,
      },
    });

    const dayStart = new Date(now.getTime() - 60_000);
    expect(await userScope(t.db, bob.userId).cardState("iso-card")).toBeNull();
    expect(await userScope(t.db, bob.userId).studyCounts(dayStart)).toMatchObject({
      reviewedToday: 0,
      newCards: 1,
    });
    expect(await userScope(t.db, alice.userId).studyCounts(dayStart)).toMatchObject({
      reviewedToday: 1,
      newCards: 0,
    });
  });
});
