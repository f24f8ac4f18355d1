import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedContent } from "@/lib/content/seed";
import { AppError } from "@/lib/errors";
import { studyScope } from "@/lib/repo/study";
import { gradeCard } from "@/lib/review/grade-card";
import { undoReview } from "@/lib/review/undo-review";
import { ratings } from "@/lib/srs/scheduler";
import { writeDeck } from "../../fixtures/content-deck";
import { rejectionOf } from "../../fixtures/rejection";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";
import { createTestUser } from "../../fixtures/users";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
  await seedContent(t.db, writeDeck(), new Date("2026-01-01T00:00:00Z"));
});
afterAll(async () => t.close());

const now = new Date("2026-02-01T10:00:00Z");
const grade = (userId: string, over: Partial<Parameters<typeof gradeCard>[0]> = {}) =>
  gradeCard({
    db: t.db,
    userId,
    cardId: "relu-definition",
    rating: ratings.good,
    clientId: randomUUID(),
    expectedVersion: 0,
    durationMs: 4200,
    now,
    ...over,
  });

describe(`grading on ${testDbKind}`, () => {
  it("records the new state and one log entry with the time spent", async () => {
    const user = await createTestUser(t.db);
    const result = await grade(user.userId);
    expect(result).toMatchObject({ status: "recorded", version: 1 });
    const state = await t.db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.userId, cardId: "relu-definition" } },
    });
    expect(state).toMatchObject({ state: 1, reps: 1, version: 1 });
    const logs = await t.db.reviewLog.findMany({ where: { userId: user.userId } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ rating: 3, state: 0, durationMs: 4200, previous: null });
  });

  it("records a repeated submit of the same review once (double click, retry)", async () => {
    const user = await createTestUser(t.db);
    const clientId = randomUUID();
    await grade(user.userId, { clientId });
    const again = await grade(user.userId, { clientId });
    expect(again.status).toBe("duplicate");
    const parallel = await Promise.all([
      grade(user.userId, { clientId, expectedVersion: 1 }),
      grade(user.userId, { clientId, expectedVersion: 1 }),
    ]);
    expect(parallel.every((r) => r.status === "duplicate")).toBe(true);
    expect(await t.db.reviewLog.count({ where: { userId: user.userId } })).toBe(1);
  });

  it("detects a concurrent grade of the same card from another tab instead of losing an update", async () => {
    const user = await createTestUser(t.db);
    const results = await Promise.allSettled([grade(user.userId), grade(user.userId)]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.db.reviewLog.count({ where: { userId: user.userId } })).toBe(1);

    const stale = await rejectionOf(grade(user.userId, { expectedVersion: 0 }), AppError);
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/changed since it was shown/);
  });

  it("undo restores the exact previous state and removes the log entry", async () => {
    const user = await createTestUser(t.db);
    await grade(user.userId);
    await grade(user.userId, { expectedVersion: 1, now: new Date(now.getTime() + 600_000) });
    const key = { userId_cardId: { userId: user.userId, cardId: "relu-definition" } };
    const afterFirst = await t.db.cardState.findUniqueOrThrow({ where: key });

    await grade(user.userId, {
      expectedVersion: 2,
      rating: ratings.again,
      now: new Date(now.getTime() + 86_400_000),
    });
    expect(await undoReview({ db: t.db, userId: user.userId })).toEqual({ cardId: "relu-definition" });
    const restored = await t.db.cardState.findUniqueOrThrow({ where: key });
    const { version: _v1, ...restoredMemory } = restored;
    const { version: _v2, ...expectedMemory } = afterFirst;
    expect(restoredMemory).toEqual(expectedMemory);
    expect(await t.db.reviewLog.count({ where: { userId: user.userId } })).toBe(2);

    // Undoing back past the first review removes the state altogether: the card is new again.
    await undoReview({ db: t.db, userId: user.userId });
    await undoReview({ db: t.db, userId: user.userId });
    expect(await t.db.cardState.findUnique({ where: key })).toBeNull();
    expect(await undoReview({ db: t.db, userId: user.userId })).toBeNull();
  });

  it("keeps users apart: grading and undo touch only the caller's own rows", async () => {
    const alice = await createTestUser(t.db);
    const bob = await createTestUser(t.db);
    await grade(alice.userId);
    await undoReview({ db: t.db, userId: bob.userId });
    expect(await t.db.reviewLog.count({ where: { userId: alice.userId } })).toBe(1);
    expect(await studyScope(t.db, bob.userId).memory("relu-definition")).toBeNull();
  });

  it("refuses an unknown or retired card with NOT_FOUND and writes nothing", async () => {
    const user = await createTestUser(t.db);
    const error = await rejectionOf(grade(user.userId, { cardId: "no-such-card" }), AppError);
    expect(error.code).toBe("NOT_FOUND");
    expect(await t.db.reviewLog.count({ where: { userId: user.userId } })).toBe(0);
  });
});

describe(`the day's queue inputs on ${testDbKind}`, () => {
  it("offers new cards in topic order and leaves out paused topics", async () => {
    const user = await createTestUser(t.db);
    const study = studyScope(t.db, user.userId);
    const options = {
      now,
      dayStart: new Date("2026-02-01T04:00:00Z"),
      nextDayStart: new Date("2026-02-02T04:00:00Z"),
      newLimit: 10,
    };
    const before = await study.queueInputs(options);
    expect(before.fresh.length).toBe(4);
    expect(before.doneToday).toEqual({ newCards: 0, reviews: 0 });

    await grade(user.userId);
    const after = await study.queueInputs(options);
    expect(after.fresh.map((c) => c.cardId)).not.toContain("relu-definition");
    expect(after.due.map((c) => c.cardId)).toEqual(["relu-definition"]);
    expect(after.doneToday.newCards).toBe(1);

    await t.db.userTopic.create({ data: { userId: user.userId, topicId: "activations", paused: true } });
    const paused = await study.queueInputs(options);
    expect(paused.fresh).toEqual([]);
    expect(paused.due).toEqual([]);
  });
});
