import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountExportSchema, reviewLogCsv } from "@/lib/account/export-format";
import { seedContent } from "@/lib/content/seed";
import { AppError } from "@/lib/errors";
import { exportAccount, importAccount } from "@/lib/repo/account-data";
import { studyScope } from "@/lib/repo/study";
import { gradeCard } from "@/lib/review/grade-card";
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

/** A user with history: three cards graded over two days, settings changed, a topic and a tag paused. */
async function userWithHistory() {
  const user = await createTestUser(t.db, { locale: "ru" });
  const day = (n: number, minutes = 0) => new Date(Date.UTC(2026, 1, n, 9, minutes));
  const grade = (cardId: string, rating: 1 | 2 | 3 | 4, version: number, now: Date) =>
    gradeCard({
      db: t.db,
      userId: user.userId,
      cardId,
      rating,
      clientId: randomUUID(),
      expectedVersion: version,
      durationMs: 3000 + version,
      now,
    });
  await grade("relu-definition", ratings.good, 0, day(1));
  await grade("relu-definition", ratings.good, 1, day(1, 10));
  await grade("relu-definition", ratings.again, 2, day(3));
  await grade("zero-centred-mcq", ratings.easy, 0, day(2));
  await grade("sigmoid-derivative-at-zero", ratings.hard, 0, day(2, 5));
  await t.db.userSettings.update({
    where: { userId: user.userId },
    data: { desiredRetention: 0.85, newCardsPerDay: 7, timeZone: "Europe/Moscow" },
  });
  await t.db.userTopic.create({ data: { userId: user.userId, topicId: "activations", paused: true } });
  await studyScope(t.db, user.userId).setPausedTags(["relu"]);
  return user;
}

const strip = ({ exportedAt: _e, ...rest }: Awaited<ReturnType<typeof exportAccount>>) => rest;

describe(`export and import on ${testDbKind}`, () => {
  it("round-trips: importing an export into another account makes it identical", async () => {
    const alice = await userWithHistory();
    const exported = await exportAccount(t.db, alice.userId, new Date());
    expect(exported.reviewLogs).toHaveLength(5);
    expect(exported.cardStates).toHaveLength(3);
    expect(exported.pausedTags).toEqual(["relu"]);

    // Through JSON text, as a download and an upload would go.
    const parsed = accountExportSchema.parse(JSON.parse(JSON.stringify(exported)));
    const bob = await createTestUser(t.db);
    expect(await importAccount(t.db, bob.userId, parsed)).toEqual({ cardStates: 3, reviewLogs: 5 });
    expect(strip(await exportAccount(t.db, bob.userId, new Date()))).toEqual(strip(exported));
    // Alice is untouched.
    expect(strip(await exportAccount(t.db, alice.userId, new Date()))).toEqual(strip(exported));
  });

  it("refuses an export that names cards this deck lacks, writing nothing", async () => {
    const alice = await userWithHistory();
    const exported = accountExportSchema.parse(
      JSON.parse(JSON.stringify(await exportAccount(t.db, alice.userId, new Date()))),
    );
    const bob = await userWithHistory();
    const before = strip(await exportAccount(t.db, bob.userId, new Date()));
    const foreign = {
      ...exported,
      cardStates: [...exported.cardStates, { ...exported.cardStates[0]!, cardId: "not-in-this-deck" }],
    };
    const error = await rejectionOf(importAccount(t.db, bob.userId, foreign), AppError);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain("not-in-this-deck");
    expect(strip(await exportAccount(t.db, bob.userId, new Date()))).toEqual(before);
  });

  it("writes the review log as CSV with the columns FSRS tools read", async () => {
    const alice = await userWithHistory();
    const csv = reviewLogCsv((await exportAccount(t.db, alice.userId, new Date())).reviewLogs);
    const [header, first] = csv.trim().split("\n");
    expect(header).toBe("card_id,review_time,review_rating,review_state,review_duration");
    expect(first).toBe(`relu-definition,${Date.UTC(2026, 1, 1, 9, 0)},3,0,3000`);
    expect(csv.trim().split("\n")).toHaveLength(6);
  });
});
