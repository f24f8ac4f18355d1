import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedContent } from "@/lib/content/seed";
import { AppError } from "@/lib/errors";
import { studyScope } from "@/lib/repo/study";
import { applyCardAction } from "@/lib/review/card-action";
import { gradeCard } from "@/lib/review/grade-card";
import { nextCards } from "@/lib/review/next-cards";
import type { CustomStudy } from "@/lib/srs/custom-study";
import type { RatingValue } from "@/lib/srs/scheduler";
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

// The fixture deck: one topic (activations), four cards; only relu-definition is tagged "relu".
const allCards = [
  "relu-definition",
  "sigmoid-derivative-cloze",
  "sigmoid-derivative-at-zero",
  "zero-centred-mcq",
];
const now = new Date("2026-02-01T10:00:00Z"); // users study in UTC with the day starting at 04:00
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

async function grade(userId: string, cardId: string, rating: RatingValue, at: Date) {
  const version = (await studyScope(t.db, userId).memory(cardId))?.version ?? 0;
  return gradeCard({
    db: t.db,
    userId,
    cardId,
    rating,
    clientId: randomUUID(),
    expectedVersion: version,
    durationMs: 1000,
    now: at,
  });
}

const session = (userId: string, custom: CustomStudy | null, at = now, exclude?: string[]) =>
  nextCards({
    db: t.db,
    userId,
    now: at,
    locale: "en",
    count: 5,
    custom,
    ...(exclude ? { exclude: new Set(exclude) } : {}),
  });
const cardIds = async (p: ReturnType<typeof session>) => (await p).cards.map((c) => c.id);

describe(`custom study on ${testDbKind}`, () => {
  it("crams a whole topic, weakest first, even when the topic is paused, without suspended cards", async () => {
    const user = await createTestUser(t.db);
    await grade(user.userId, "zero-centred-mcq", 4, now); // easy: strongest
    await grade(user.userId, "relu-definition", 1, now); // again: weakest
    await studyScope(t.db, user.userId).setTopicPaused("activations", true);
    await applyCardAction({
      db: t.db,
      userId: user.userId,
      cardId: "sigmoid-derivative-cloze",
      action: "suspend",
      now,
    });

    expect((await session(user.userId, null, later(60))).cards).toEqual([]); // paused for the day's queue
    const cram = await cardIds(
      session(user.userId, { mode: "cram", topic: "activations", reschedule: false }, later(60)),
    );
    expect(cram).toEqual(["relu-definition", "zero-centred-mcq", "sigmoid-derivative-at-zero"]);
    const rest = await cardIds(
      session(user.userId, { mode: "cram", topic: "activations", reschedule: false }, later(60), [
        "relu-definition",
      ]),
    );
    expect(rest).toEqual(["zero-centred-mcq", "sigmoid-derivative-at-zero"]);
  });

  it("crams by tag and names an unknown topic or tag with NOT_FOUND", async () => {
    const user = await createTestUser(t.db);
    expect(await cardIds(session(user.userId, { mode: "cram", tag: "relu", reschedule: true }))).toEqual([
      "relu-definition",
    ]);
    const error = await rejectionOf(
      session(user.userId, { mode: "cram", tag: "nope", reschedule: false }),
      AppError,
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toContain('"nope"');
  });

  it("studies ahead only cards due within the chosen days", async () => {
    const user = await createTestUser(t.db);
    // Good then Good: out of learning into review, due some days later.
    await grade(user.userId, "relu-definition", 3, now);
    await grade(user.userId, "relu-definition", 3, later(10));
    const due = (await studyScope(t.db, user.userId).memory("relu-definition"))!.memory.due;
    const daysAway = Math.ceil((due.getTime() - now.getTime()) / 86_400_000);
    expect(daysAway).toBeGreaterThan(1);

    expect(await cardIds(session(user.userId, { mode: "ahead", days: daysAway - 2 }, later(20)))).toEqual([]);
    expect(await cardIds(session(user.userId, { mode: "ahead", days: daysAway + 1 }, later(20)))).toEqual([
      "relu-definition",
    ]);
  });

  it("reviews what was forgotten today until it is recalled, and only the caller's", async () => {
    const user = await createTestUser(t.db);
    const other = await createTestUser(t.db);
    await grade(user.userId, "relu-definition", 1, now);
    await grade(user.userId, "zero-centred-mcq", 3, now);
    await grade(other.userId, "sigmoid-derivative-at-zero", 1, now);

    expect(await cardIds(session(user.userId, { mode: "forgotten" }, later(5)))).toEqual(["relu-definition"]);
    await grade(user.userId, "relu-definition", 3, later(6));
    expect(await cardIds(session(user.userId, { mode: "forgotten" }, later(7)))).toEqual([]);
    // The next study day starts at 04:00: yesterday's failures are not "today".
    expect(await cardIds(session(other.userId, { mode: "forgotten" }, later(60 * 20)))).toEqual([]);
  });
});

describe(`tags in study on ${testDbKind}`, () => {
  it("leaves a paused tag's cards out of the day's queue and brings them back when resumed", async () => {
    const user = await createTestUser(t.db);
    const study = studyScope(t.db, user.userId);
    expect(await cardIds(session(user.userId, null))).toEqual(expect.arrayContaining(allCards));

    await study.setPausedTags(["relu"]);
    expect(await study.pausedTags()).toEqual(["relu"]);
    const queue = await session(user.userId, null);
    expect(queue.cards.map((c) => c.id)).not.toContain("relu-definition");
    expect(queue.counts.new).toBe(3);

    await study.setPausedTags([]);
    expect((await session(user.userId, null)).counts.new).toBe(4);
  });

  it("refuses a tag no card has and changes nothing", async () => {
    const user = await createTestUser(t.db);
    const study = studyScope(t.db, user.userId);
    await study.setPausedTags(["relu"]);
    const error = await rejectionOf(study.setPausedTags(["relu", "made-up"]), AppError);
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toContain('"made-up"');
    expect(await study.pausedTags()).toEqual(["relu"]);
  });
});

describe(`the end of a session on ${testDbKind}`, () => {
  it("announces the next due card even when it is days away", async () => {
    const user = await createTestUser(t.db);
    await studyScope(t.db, user.userId).setPausedTags([]);
    await t.db.userSettings.update({ where: { userId: user.userId }, data: { newCardsPerDay: 1 } });
    await grade(user.userId, "relu-definition", 4, now); // easy: straight to review, days away
    const result = await session(user.userId, null, later(1));
    expect(result.cards).toEqual([]);
    const due = (await studyScope(t.db, user.userId).memory("relu-definition"))!.memory.due;
    // New cards wait for tomorrow's limit, which comes before the review: the summary says so.
    expect(result.nextDue).toEqual(new Date("2026-02-02T04:00:00Z"));
    expect(due.getTime()).toBeGreaterThan(result.nextDue!.getTime());

    await t.db.userSettings.update({ where: { userId: user.userId }, data: { newCardsPerDay: 0 } });
    expect((await session(user.userId, null, later(1))).nextDue).toEqual(due);
  });
});
