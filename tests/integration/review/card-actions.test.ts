import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedContent } from "@/lib/content/seed";
import { studyScope } from "@/lib/repo/study";
import { applyCardAction } from "@/lib/review/card-action";
import { gradeCard } from "@/lib/review/grade-card";
import { writeDeck } from "../../fixtures/content-deck";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";
import { createTestUser } from "../../fixtures/users";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
  await seedContent(t.db, writeDeck(), new Date("2026-01-01T00:00:00Z"));
});
afterAll(async () => t.close());

const now = new Date("2026-02-01T10:00:00Z");
const day = {
  now,
  dayStart: new Date("2026-02-01T04:00:00Z"),
  nextDayStart: new Date("2026-02-02T04:00:00Z"),
  newLimit: 20,
};
const act = (
  userId: string,
  cardId: string,
  action: Parameters<typeof applyCardAction>[0]["action"],
  at = now,
) => applyCardAction({ db: t.db, userId, cardId, action, now: at });
const queued = async (userId: string) => {
  const inputs = await studyScope(t.db, userId).queueInputs(day);
  return [...inputs.due.map((c) => c.cardId), ...inputs.fresh.map((c) => c.cardId)];
};

describe(`card actions on ${testDbKind}`, () => {
  it("suspend hides a new card from the queue and unsuspend brings it back", async () => {
    const user = await createTestUser(t.db);
    await act(user.userId, "relu-definition", "suspend");
    expect(await queued(user.userId)).not.toContain("relu-definition");
    await act(user.userId, "relu-definition", "unsuspend");
    expect(await queued(user.userId)).toContain("relu-definition");
  });

  it("bury hides a card until the user's next study day", async () => {
    const user = await createTestUser(t.db);
    await act(user.userId, "zero-centred-mcq", "bury");
    expect(await queued(user.userId)).not.toContain("zero-centred-mcq");
    const state = await t.db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.userId, cardId: "zero-centred-mcq" } },
    });
    // The fixture user studies in UTC with the day starting at 04:00.
    expect(state.buriedUntil?.toISOString()).toBe("2026-02-02T04:00:00.000Z");
    const inputs = await studyScope(t.db, user.userId).queueInputs({
      ...day,
      now: new Date("2026-02-02T05:00:00Z"),
    });
    expect(inputs.fresh.map((c) => c.cardId)).toContain("zero-centred-mcq");
  });

  it("reset forgets the schedule but keeps the history, and bumps the version so stale tabs notice", async () => {
    const user = await createTestUser(t.db);
    await gradeCard({
      db: t.db,
      userId: user.userId,
      cardId: "relu-definition",
      rating: 3,
      clientId: randomUUID(),
      expectedVersion: 0,
      durationMs: 1,
      now,
    });
    await act(user.userId, "relu-definition", "reset");
    const state = await t.db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.userId, cardId: "relu-definition" } },
    });
    expect(state).toMatchObject({ state: 0, reps: 0, lapses: 0, version: 2 });
    expect(await t.db.reviewLog.count({ where: { userId: user.userId } })).toBe(1);
    expect(await queued(user.userId)).toContain("relu-definition");
  });

  it("flags only the caller's copy of a card", async () => {
    const alice = await createTestUser(t.db);
    const bob = await createTestUser(t.db);
    await act(alice.userId, "relu-definition", "flag");
    expect((await studyScope(t.db, alice.userId).cardHistory("relu-definition")).state?.flagged).toBe(true);
    expect((await studyScope(t.db, bob.userId).cardHistory("relu-definition")).state).toBeNull();
  });

  it("keeps a flagged new card among the new cards and drops graded, suspended and buried ones, in deck order", async () => {
    const user = await createTestUser(t.db);
    const untouched = await createTestUser(t.db);
    const fresh = async (userId: string) =>
      (await studyScope(t.db, userId).queueInputs(day)).fresh.map((c) => c.cardId);
    const deckOrder = await fresh(untouched.userId);
    expect(deckOrder).toHaveLength(4);

    await act(user.userId, "relu-definition", "flag");
    await gradeCard({
      db: t.db,
      userId: user.userId,
      cardId: "sigmoid-derivative-cloze",
      rating: 3,
      clientId: randomUUID(),
      expectedVersion: 0,
      durationMs: 1,
      now,
    });
    await act(user.userId, "zero-centred-mcq", "suspend");
    await act(user.userId, "sigmoid-derivative-at-zero", "bury");

    expect(await fresh(user.userId)).toEqual(["relu-definition"]);
    // Another user's rows never change what is new for this one.
    expect(await fresh(untouched.userId)).toEqual(deckOrder);
  });

  it("refuses an unknown card", async () => {
    const user = await createTestUser(t.db);
    await expect(act(user.userId, "no-such-card", "suspend")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
