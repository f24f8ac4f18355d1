/**
 * "In study" is defined once (lib/repo/study/in-study.ts) in two forms, a
 * Prisma `where` and raw SQL; both must pick exactly the same card states,
 * and the home page's due count must be what the queue serves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialectOf } from "@/lib/db/client";
import { scheduledFor, scheduledSql } from "@/lib/repo/study";
import { dueNowCount } from "@/lib/review/due-now";
import { nextCards } from "@/lib/review/next-cards";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";
import { createTestUser } from "../../fixtures/users";

let t: TestDatabase;
const now = new Date("2026-04-10T12:00:00.000Z");
const hour = 3_600_000;

/** Two topics of cards; each card id says why it is (or is not) in study for the user below. */
const cards: { id: string; topic: string; tags: string[]; retired?: boolean }[] = [
  { id: "review-due", topic: "open", tags: ["a"] },
  { id: "learning-due", topic: "open", tags: [] },
  { id: "relearning-due", topic: "open", tags: [] },
  { id: "review-later", topic: "open", tags: [] },
  { id: "new-with-row", topic: "open", tags: [] },
  { id: "suspended", topic: "open", tags: [] },
  { id: "buried-until-later", topic: "open", tags: [] },
  { id: "buried-until-earlier", topic: "open", tags: [] },
  { id: "paused-topic", topic: "paused", tags: [] },
  { id: "paused-tag", topic: "open", tags: ["b", "paused-tag"] },
  { id: "tag-lookalike", topic: "open", tags: ["not-paused-tag"] },
  { id: "retired", topic: "open", tags: [], retired: true },
  { id: "other-user-only", topic: "open", tags: [] },
];

beforeAll(async () => {
  t = await migratedDatabase();
  for (const [position, id] of ["open", "paused"].entries()) {
    await t.db.topic.create({ data: { id, position, titleRu: id, titleEn: id, contentHash: id } });
  }
  await t.db.card.createMany({
    data: cards.map((c) => ({
      id: c.id,
      topicId: c.topic,
      type: "basic",
      tags: JSON.stringify(c.tags),
      frontRu: c.id,
      backRu: c.id,
      frontEn: c.id,
      backEn: c.id,
      sourcePath: `content/${c.topic}/${c.id}.md`,
      contentHash: c.id,
      retiredAt: c.retired ? now : null,
    })),
  });
});
afterAll(async () => t.close());

async function giveStates(userId: string, ids: string[]) {
  const state = (id: string) =>
    id.startsWith("learning") ? 1 : id.startsWith("relearning") ? 3 : id === "new-with-row" ? 0 : 2;
  await t.db.cardState.createMany({
    data: ids.map((cardId) => ({
      userId,
      cardId,
      state: state(cardId),
      due: new Date(now.getTime() + (cardId === "review-later" ? 48 : -1) * hour),
      stability: 3,
      difficulty: 5,
      scheduledDays: 3,
      reps: 2,
      lastReview: new Date(now.getTime() - 72 * hour),
      suspended: cardId === "suspended",
      buriedUntil:
        cardId === "buried-until-later"
          ? new Date(now.getTime() + hour)
          : cardId === "buried-until-earlier"
            ? new Date(now.getTime() - hour)
            : null,
      version: 2,
    })),
  });
}

describe(`the "in study" rule on ${testDbKind}`, () => {
  it("selects the same card states in its Prisma and SQL forms, and exactly the expected ones", async () => {
    const user = await createTestUser(t.db);
    const other = await createTestUser(t.db);
    await giveStates(
      user.userId,
      cards.map((c) => c.id).filter((id) => id !== "other-user-only"),
    );
    await giveStates(other.userId, ["other-user-only", "review-due"]);
    await t.db.userTopic.create({ data: { userId: user.userId, topicId: "paused", paused: true } });
    const pausedTags = ["paused-tag"];

    const viaPrisma = (
      await t.db.cardState.findMany({
        where: scheduledFor(user.userId, now, pausedTags),
        select: { cardId: true },
      })
    )
      .map((r) => r.cardId)
      .sort();
    const viaSql = (
      await t.db.$queryRaw<{ cardId: string }[]>`
        SELECT cs."cardId" FROM "CardState" cs JOIN "Card" c ON c."id" = cs."cardId"
        WHERE ${scheduledSql(dialectOf(t.db), user.userId, now, pausedTags)}`
    )
      .map((r) => r.cardId)
      .sort();

    expect(viaSql).toEqual(viaPrisma);
    expect(viaPrisma).toEqual(
      [
        "review-due",
        "learning-due",
        "relearning-due",
        "review-later",
        "buried-until-earlier",
        "tag-lookalike",
      ].sort(),
    );
  });

  it("makes the home page's due count what the queue serves", async () => {
    const user = await createTestUser(t.db);
    await giveStates(user.userId, [
      "review-due",
      "learning-due",
      "suspended",
      "buried-until-later",
      "paused-topic",
    ]);
    await t.db.userTopic.create({ data: { userId: user.userId, topicId: "paused", paused: true } });

    const queue = await nextCards({ db: t.db, userId: user.userId, now, locale: "en", count: 50 });
    const served = queue.cards.filter((c) => c.kind !== "new").map((c) => c.id);
    expect(served.sort()).toEqual(["learning-due", "review-due"]);
    expect(await dueNowCount({ db: t.db, userId: user.userId, now })).toBe(served.length);
  });
});
