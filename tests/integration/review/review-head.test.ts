import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedContent } from "@/lib/content/seed";
import { mostOverdueReviews } from "@/lib/repo/review-head";
import { studyScope } from "@/lib/repo/study";
import { buildQueue, type DueCard } from "@/lib/srs/build-queue";
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
const nextDayStart = new Date("2026-02-02T04:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

/** Puts a card in review state for a user, due at `due` on an interval of `days`. */
async function review(userId: string, cardId: string, due: Date, days: number, extra: object = {}) {
  const data = {
    state: 2,
    due,
    scheduledDays: days,
    stability: days,
    difficulty: 5,
    reps: 3,
    version: 1,
    ...extra,
  };
  await t.db.cardState.upsert({
    where: { userId_cardId: { userId, cardId } },
    create: { userId, cardId, ...data },
    update: data,
  });
}

describe(`the most overdue reviews, ordered in SQL, on ${testDbKind}`, () => {
  it("come in the queue builder's order and leave out what the queue leaves out", async () => {
    const user = await createTestUser(t.db);
    const other = await createTestUser(t.db);
    // Overdue ratios: relu 48h/2d = 1.0, zero 240h/100d = 0.1, cloze 12h/1d = 0.5, at-zero due tonight (< 0).
    await review(user.userId, "relu-definition", hours(-48), 2);
    await review(user.userId, "zero-centred-mcq", hours(-240), 100);
    await review(user.userId, "sigmoid-derivative-cloze", hours(-12), 1);
    await review(user.userId, "sigmoid-derivative-at-zero", hours(8), 3);
    await review(other.userId, "relu-definition", hours(-1000), 1); // another user's: never seen

    const reviews = (take: number, pausedTags: string[] = []) =>
      mostOverdueReviews(t.db, user.userId, { now, nextDayStart, pausedTags, take });
    const head = async (take: number, pausedTags: string[] = []) => (await reviews(take, pausedTags)).head;
    const order = [
      "relu-definition",
      "sigmoid-derivative-cloze",
      "zero-centred-mcq",
      "sigmoid-derivative-at-zero",
    ];
    expect((await head(10)).map((c) => c.cardId)).toEqual(order);
    expect((await head(2)).map((c) => c.cardId)).toEqual(order.slice(0, 2));
    // The total counts every due review, not just those returned.
    expect((await reviews(2)).total).toBe(4);
    expect((await reviews(2, ["relu"])).total).toBe(3);

    // The same order as the pure queue builder gives over every due card.
    const all = await studyScope(t.db, user.userId).queueInputs({
      now,
      dayStart: new Date("2026-02-01T04:00:00Z"),
      nextDayStart,
      newLimit: 0,
    });
    const js = buildQueue({
      now,
      nextDayStart,
      due: all.due as DueCard[],
      fresh: [],
      limits: { newCardsPerDay: 0, reviewsPerDay: 100 },
      doneToday: { newCards: 0, reviews: 0 },
    });
    expect(js.map((e) => e.cardId)).toEqual(order);
    const first = (await head(1))[0]!;
    expect(first).toEqual(all.due.find((c) => c.cardId === "relu-definition"));

    // Paused tag, suspended, buried and paused topic are left out, as in the day's queue.
    expect((await head(10, ["relu"])).map((c) => c.cardId)).toEqual(order.slice(1));
    await review(user.userId, "sigmoid-derivative-cloze", hours(-12), 1, { suspended: true });
    await review(user.userId, "zero-centred-mcq", hours(-240), 100, { buriedUntil: nextDayStart });
    expect((await head(10)).map((c) => c.cardId)).toEqual(["relu-definition", "sigmoid-derivative-at-zero"]);
    await studyScope(t.db, user.userId).setTopicPaused("activations", true);
    expect(await reviews(10)).toEqual({ head: [], total: 0 });
  });
});
