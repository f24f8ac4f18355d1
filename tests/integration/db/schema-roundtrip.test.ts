import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";

// The migrations are hand-written; this proves they create what the Prisma
// schema describes: every model is written and read back through the client.
let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
});
afterAll(async () => t.close());

describe(`the migrated ${testDbKind} database matches the Prisma schema`, () => {
  const now = new Date("2026-11-27T10:00:00.123Z");
  const userId = randomUUID();

  it("stores users, settings and sessions with their defaults", async () => {
    await t.db.user.create({
      data: { id: userId, email: "roundtrip@example.com", passwordHash: "x", settings: { create: {} } },
    });
    await t.db.session.create({
      data: { id: randomUUID(), tokenHash: "h1", userId, expiresAt: now, lastSeenAt: now, createdAt: now },
    });
    const user = await t.db.user.findUniqueOrThrow({
      where: { id: userId },
      include: { settings: true, sessions: true },
    });
    expect(user.settings).toMatchObject({
      locale: "en",
      theme: "system",
      timeZone: "UTC",
      dayStartHour: 4,
      newCardsPerDay: 20,
      reviewsPerDay: 200,
      desiredRetention: 0.9,
      fsrsParams: null,
    });
    expect(user.sessions[0]?.expiresAt.toISOString()).toBe(now.toISOString());
    expect(user.createdAt).toBeInstanceOf(Date);
  });

  it("stores topics, cards, card states and review logs", async () => {
    await t.db.topic.create({
      data: {
        id: "activations",
        position: 1,
        titleRu: "Активации",
        titleEn: "Activations",
        contentHash: "t",
      },
    });
    await t.db.card.create({
      data: {
        id: "relu-definition",
        topicId: "activations",
        type: "basic",
        frontRu: "<p>Что такое ReLU?</p>",
        backRu: "<p>max(0, x)</p>",
        frontEn: "<p>What is ReLU?</p>",
        backEn: "<p>max(0, x)</p>",
        sourcePath: "content/activations/relu.md",
        contentHash: "c",
      },
    });
    await t.db.cardState.create({
      data: {
        userId,
        cardId: "relu-definition",
        due: now,
        stability: 3.5,
        difficulty: 5.25,
        state: 2,
        reps: 3,
      },
    });
    await t.db.reviewLog.create({
      data: {
        id: randomUUID(),
        clientId: "client-1",
        userId,
        cardId: "relu-definition",
        rating: 3,
        state: 2,
        due: now,
        stability: 3.5,
        difficulty: 5.25,
        elapsedDays: 2,
        lastElapsedDays: 1,
        scheduledDays: 4,
        learningSteps: 0,
        reviewedAt: now,
        durationMs: 5400,
      },
    });
    const card = await t.db.card.findUniqueOrThrow({
      where: { id: "relu-definition" },
      include: { cardStates: true, reviews: true, topic: true },
    });
    expect(card).toMatchObject({
      difficulty: 2,
      tags: "[]",
      extraRu: "{}",
      related: "[]",
      example: null,
      retiredAt: null,
    });
    expect(card.topic.titleEn).toBe("Activations");
    expect(card.cardStates[0]).toMatchObject({
      stability: 3.5,
      difficulty: 5.25,
      version: 0,
      suspended: false,
      lapses: 0,
    });
    expect(card.reviews[0]).toMatchObject({ rating: 3, durationMs: 5400, clientId: "client-1" });
  });

  it("rejects a second review log with the same client id for the same user", async () => {
    const again = t.db.reviewLog.create({
      data: {
        id: randomUUID(),
        clientId: "client-1",
        userId,
        cardId: "relu-definition",
        rating: 1,
        state: 2,
        due: now,
        stability: 1,
        difficulty: 1,
        elapsedDays: 0,
        lastElapsedDays: 0,
        scheduledDays: 0,
        learningSteps: 0,
        reviewedAt: now,
      },
    });
    await expect(again).rejects.toMatchObject({ code: "P2002" });
  });

  it("stores login throttle counters", async () => {
    await t.db.loginThrottle.create({
      data: { key: "ip:abc", failures: 2, windowStart: now, lockedUntil: null },
    });
    expect(await t.db.loginThrottle.findUnique({ where: { key: "ip:abc" } })).toMatchObject({ failures: 2 });
  });

  it("stores rate-limit windows", async () => {
    await t.db.rateLimitWindow.create({ data: { key: "signup:abc", windowIndex: 493_000, count: 3 } });
    expect(await t.db.rateLimitWindow.findUnique({ where: { key: "signup:abc" } })).toEqual({
      key: "signup:abc",
      windowIndex: 493_000,
      count: 3,
    });
  });

  it("deletes a user's sessions, settings, states and logs with the user", async () => {
    await t.db.user.delete({ where: { id: userId } });
    expect(await t.db.session.count({ where: { userId } })).toBe(0);
    expect(await t.db.userSettings.count({ where: { userId } })).toBe(0);
    expect(await t.db.cardState.count({ where: { userId } })).toBe(0);
    expect(await t.db.reviewLog.count({ where: { userId } })).toBe(0);
    expect(await t.db.card.count()).toBe(1);
  });

  it("keeps a card that still has review history from being deleted", async () => {
    const otherUser = randomUUID();
    await t.db.user.create({ data: { id: otherUser, email: "keep@example.com", passwordHash: "x" } });
    await t.db.cardState.create({ data: { userId: otherUser, cardId: "relu-definition", due: now } });
    await expect(t.db.card.delete({ where: { id: "relu-definition" } })).rejects.toThrow();
  });
});
