import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentError, loadDeck } from "@/lib/content";
import { seedContent } from "@/lib/content/seed";
import { syncDeck } from "@/lib/repo/sync-deck";
import { basicCard, writeDeck } from "../../fixtures/content-deck";
import { rejectionOf } from "../../fixtures/rejection";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";
import { createTestUser } from "../../fixtures/users";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
});
afterAll(async () => t.close());

const snapshot = async () => ({
  cards: await t.db.card.findMany({ orderBy: { id: "asc" } }),
  topics: await t.db.topic.findMany({ orderBy: { id: "asc" } }),
});

describe(`seeding content into ${testDbKind}`, () => {
  const root = writeDeck();
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));

  it("adds every card and topic the first time", async () => {
    const report = await seedContent(t.db, root, day(1));
    expect(report.cards.add).toHaveLength(4);
    expect(report.topics.add).toEqual(["activations"]);
    const card = await t.db.card.findUniqueOrThrow({ where: { id: "relu-definition" } });
    expect(card.frontEn).toContain("What is ReLU?");
    expect(JSON.parse(card.concepts)).toEqual(["relu"]);
  });

  it("changes nothing when run again", async () => {
    const before = await snapshot();
    const report = await seedContent(t.db, root, day(2));
    expect(report.cards).toMatchObject({ add: [], update: [], retire: [] });
    expect(report.cards.unchanged).toHaveLength(4);
    expect(await snapshot()).toEqual(before);
  });

  it("updates an edited card in place, keeping the user's scheduling state and review log", async () => {
    const user = await createTestUser(t.db);
    await t.db.cardState.create({ data: { userId: user.userId, cardId: "relu-definition", due: day(10), state: 2, reps: 4, stability: 7.5 } });
    await t.db.reviewLog.create({
      data: {
        id: randomUUID(),
        clientId: "c1",
        userId: user.userId,
        cardId: "relu-definition",
        rating: 3,
        state: 1,
        due: day(3),
        stability: 2,
        difficulty: 5,
        elapsedDays: 1,
        lastElapsedDays: 0,
        scheduledDays: 4,
        learningSteps: 0,
        reviewedAt: day(3),
      },
    });

    writeDeck({ "activations/relu-definition.md": basicCard.replace("What is ReLU?", "What does ReLU compute?") }, root);
    const report = await seedContent(t.db, root, day(4));
    expect(report.cards.update).toEqual(["relu-definition"]);
    expect((await t.db.card.findUniqueOrThrow({ where: { id: "relu-definition" } })).frontEn).toContain("What does ReLU compute?");
    expect(await t.db.cardState.findFirst({ where: { userId: user.userId } })).toMatchObject({ reps: 4, stability: 7.5 });
    expect(await t.db.reviewLog.count({ where: { userId: user.userId } })).toBe(1);
  });

  it("retires a removed card, keeping its history, and revives it when the file returns", async () => {
    const user = await createTestUser(t.db);
    await t.db.cardState.create({ data: { userId: user.userId, cardId: "sigmoid-derivative-at-zero", due: day(10) } });
    writeDeck({ "activations/sigmoid-derivative-at-zero.md": null }, root);
    const report = await seedContent(t.db, root, day(5));
    expect(report.cards.retire).toEqual(["sigmoid-derivative-at-zero"]);
    const retired = await t.db.card.findUniqueOrThrow({ where: { id: "sigmoid-derivative-at-zero" } });
    expect(retired.retiredAt?.toISOString()).toBe(day(5).toISOString());
    expect(await t.db.cardState.count({ where: { cardId: "sigmoid-derivative-at-zero" } })).toBe(1);
    expect((await seedContent(t.db, root, day(5))).cards.retire).toEqual([]);

    writeDeck({}, root);
    const revived = await seedContent(t.db, root, day(6));
    expect(revived.cards.update).toEqual(["sigmoid-derivative-at-zero"]);
    expect((await t.db.card.findUniqueOrThrow({ where: { id: "sigmoid-derivative-at-zero" } })).retiredAt).toBeNull();
  });

  it("repairs a row changed behind its back, although its stored hash still matches (tampered card text)", async () => {
    writeDeck({}, root);
    await seedContent(t.db, root, day(6));
    const clean = await snapshot();
    await t.db.card.update({
      where: { id: "relu-definition" },
      data: { frontEn: '<img src=x onerror="alert(1)">', tags: '["injected"]' },
    });
    await t.db.topic.update({ where: { id: "activations" }, data: { titleEn: "<b>defaced</b>" } });

    const report = await seedContent(t.db, root, day(6));
    expect(report.cards.update).toEqual(["relu-definition"]);
    expect(report.topics.update).toEqual(["activations"]);
    const content = ({ cards, topics }: typeof clean) => ({
      cards: cards.map(({ updatedAt: _u, ...card }) => card),
      topics: topics.map(({ updatedAt: _u, ...topic }) => topic),
    });
    expect(content(await snapshot())).toEqual(content(clean));
  });

  it("leaves the database exactly as it was when any content file is invalid", async () => {
    const before = await snapshot();
    writeDeck(
      {
        "activations/relu-definition.md": basicCard.replace("What is ReLU?", "A valid edit"),
        "activations/zero-centred-mcq.md": "---\nid: broken\n---\n",
      },
      root,
    );
    const error = await rejectionOf(seedContent(t.db, root, day(7)), ContentError);
    expect(error.issues.some((i) => i.file.endsWith("zero-centred-mcq.md"))).toBe(true);
    expect(await snapshot()).toEqual(before);
    writeDeck({}, root);
  });

  it("rolls back every write when the database fails in the middle of a sync", async () => {
    const before = await snapshot();
    const { deck } = loadDeck(writeDeck({ "activations/relu-definition.md": basicCard.replace("What is ReLU?", "Edited") }));
    // A card pointing at a topic that does not exist violates a foreign key after other writes were made.
    const bad = { ...deck.cards[0]!, id: "orphan-card", topic: "no-such-topic" };
    const broken = { topics: deck.topics, cards: [...deck.cards, bad] };
    await expect(syncDeck(t.db, broken, day(8))).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});
