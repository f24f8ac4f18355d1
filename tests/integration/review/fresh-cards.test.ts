import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedContent } from "@/lib/content/seed";
import { studyScope } from "@/lib/repo/study";
import { applyCardAction } from "@/lib/review/card-action";
import { gradeCard } from "@/lib/review/grade-card";
import { nextCards } from "@/lib/review/next-cards";
import { undoReview } from "@/lib/review/undo-review";
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
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const newCards = async (userId: string, when: Date) =>
  (await nextCards({ db: t.db, userId, now: when, locale: "en", count: 5 })).cards
    .filter((c) => c.kind === "new")
    .map((c) => c.id);

async function grade(userId: string, cardId: string, when: Date) {
  const version = (await studyScope(t.db, userId).memory(cardId))?.version ?? 0;
  await gradeCard({
    db: t.db,
    userId,
    cardId,
    rating: 4,
    clientId: randomUUID(),
    expectedVersion: version,
    durationMs: 1000,
    now: when,
  });
}

// New cards are remembered per process between calls (lib/repo/fresh-cards.ts); these
// check that the remembered list never shows a card that is no longer new, nor hides one
// that became new again through any of the paths that can do that.
describe(`the day's new cards, reused between calls, on ${testDbKind}`, () => {
  it("drop a card once it is graded and bring it back when that first grade is undone", async () => {
    const user = await createTestUser(t.db);
    const all = await newCards(user.userId, now);
    expect(all).toHaveLength(4);
    await grade(user.userId, all[0]!, at(1));
    expect(await newCards(user.userId, at(2))).toEqual(all.slice(1));
    await undoReview({ db: t.db, userId: user.userId });
    expect(await newCards(user.userId, at(3))).toEqual(all);
  });

  it("bring back a reset card and an unsuspended new card, and follow topic pauses", async () => {
    const user = await createTestUser(t.db);
    const all = await newCards(user.userId, now);
    await grade(user.userId, all[1]!, at(1));
    await applyCardAction({ db: t.db, userId: user.userId, cardId: all[2]!, action: "suspend", now: at(2) });
    expect(await newCards(user.userId, at(3))).toEqual([all[0], all[3]]);

    await applyCardAction({ db: t.db, userId: user.userId, cardId: all[1]!, action: "reset", now: at(4) });
    await applyCardAction({
      db: t.db,
      userId: user.userId,
      cardId: all[2]!,
      action: "unsuspend",
      now: at(4),
    });
    expect(await newCards(user.userId, at(5))).toEqual(all);

    const study = studyScope(t.db, user.userId);
    await study.setTopicPaused("activations", true);
    expect(await newCards(user.userId, at(6))).toEqual([]);
    await study.setTopicPaused("activations", false);
    expect(await newCards(user.userId, at(7))).toEqual(all);
  });

  it("bring back a buried new card as soon as the next study day starts", async () => {
    const user = await createTestUser(t.db);
    // The day starts at 04:00 UTC for this user: bury a card minutes before that.
    const evening = (minute: number) => new Date(Date.UTC(2026, 1, 2, 3, minute));
    const all = await newCards(user.userId, evening(57));
    await applyCardAction({
      db: t.db,
      userId: user.userId,
      cardId: all[0]!,
      action: "bury",
      now: evening(58),
    });
    expect(await newCards(user.userId, evening(59))).toEqual(all.slice(1));
    expect(await newCards(user.userId, new Date(Date.UTC(2026, 1, 2, 4, 1)))).toEqual(all);
  });

  it("keep users apart", async () => {
    const alice = await createTestUser(t.db);
    const bob = await createTestUser(t.db);
    const all = await newCards(alice.userId, now);
    await newCards(bob.userId, now);
    await grade(alice.userId, all[0]!, at(1));
    expect(await newCards(bob.userId, at(2))).toEqual(all);
  });
});
