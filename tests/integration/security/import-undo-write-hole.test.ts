/**
 * Regression: "a crafted import followed by Undo writes anywhere" (issue 11).
 * A review log's `previous` snapshot used to be parsed and spread into
 * `cardState.update({ data })`, where Prisma executes nested relation writes.
 * Each attack shape from the report is tried twice: through the import schema
 * (refused up front) and stored straight into the database, as an import made
 * before the fix would have left it (undo refuses it and writes nothing).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountExportSchema } from "@/lib/account/export-format";
import { seedContent } from "@/lib/content/seed";
import { AppError } from "@/lib/errors";
import { exportAccount } from "@/lib/repo/account-data";
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

const day = (n: number, minutes = 0) => new Date(Date.UTC(2026, 1, n, 9, minutes));

/** A user who graded relu-definition twice, so the latest log carries a `previous` snapshot. */
async function userWithTwoReviews() {
  const user = await createTestUser(t.db);
  for (const [version, now] of [
    [0, day(1)],
    [1, day(1, 10)],
  ] as const) {
    await gradeCard({
      db: t.db,
      userId: user.userId,
      cardId: "relu-definition",
      rating: ratings.good,
      clientId: randomUUID(),
      expectedVersion: version,
      durationMs: 2000,
      now,
    });
  }
  return user;
}

/** The user's latest log's snapshot with extra keys merged in: the crafted `previous`. */
async function craftedPrevious(userId: string, extra: Record<string, unknown>): Promise<string> {
  const last = await t.db.reviewLog.findFirstOrThrow({
    where: { userId },
    orderBy: { reviewedAt: "desc" },
    select: { previous: true },
  });
  return JSON.stringify({ ...(JSON.parse(last.previous!) as object), ...extra });
}

async function storePrevious(userId: string, previous: string): Promise<void> {
  const last = await t.db.reviewLog.findFirstOrThrow({
    where: { userId },
    orderBy: { reviewedAt: "desc" },
    select: { id: true },
  });
  await t.db.reviewLog.update({ where: { id: last.id }, data: { previous } });
}

type Attack = { name: string; extra: (victim: { userId: string; email: string }) => Record<string, unknown> };

const attacks: Attack[] = [
  {
    name: "rewrite a shared card's text (stored XSS)",
    extra: () => ({ card: { update: { frontEn: '<img src=x onerror="alert(1)">' } } }),
  },
  {
    name: "delete other users' history through the card",
    extra: () => ({ card: { update: { reviews: { deleteMany: {} } } } }),
  },
  { name: "move the row onto another user", extra: (victim) => ({ userId: victim.userId }) },
  {
    name: "probe another user's password hash",
    extra: (victim) => ({
      user: { connect: { email: victim.email, passwordHash: { startsWith: "scrypt" } } },
    }),
  },
];

describe(`a crafted undo snapshot on ${testDbKind}`, () => {
  for (const attack of attacks) {
    it(`is refused by the import schema: ${attack.name}`, async () => {
      const attacker = await userWithTwoReviews();
      const victim = await createTestUser(t.db);
      const exported = JSON.parse(JSON.stringify(await exportAccount(t.db, attacker.userId, new Date())));
      const logs = exported.reviewLogs as { previous: string | null }[];
      const index = logs.findIndex((l) => l.previous !== null);
      logs[index]!.previous = await craftedPrevious(attacker.userId, attack.extra(victim));

      const result = accountExportSchema.safeParse(exported);
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join("."))).toContain(`reviewLogs.${index}.previous`);
    });

    it(`is refused by undo, which writes nothing: ${attack.name}`, async () => {
      const attacker = await userWithTwoReviews();
      const victim = await userWithTwoReviews();
      const cardBefore = await t.db.card.findUniqueOrThrow({ where: { id: "relu-definition" } });
      const victimLogs = await t.db.reviewLog.count({ where: { userId: victim.userId } });
      const stateBefore = await t.db.cardState.findUniqueOrThrow({
        where: { userId_cardId: { userId: attacker.userId, cardId: "relu-definition" } },
      });
      const logsBefore = await t.db.reviewLog.count({ where: { userId: attacker.userId } });
      await storePrevious(attacker.userId, await craftedPrevious(attacker.userId, attack.extra(victim)));

      const error = await rejectionOf(undoReview({ db: t.db, userId: attacker.userId }), AppError);
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toContain("cannot be undone");

      expect(await t.db.card.findUniqueOrThrow({ where: { id: "relu-definition" } })).toEqual(cardBefore);
      expect(await t.db.reviewLog.count({ where: { userId: victim.userId } })).toBe(victimLogs);
      expect(
        await t.db.cardState.findUniqueOrThrow({
          where: { userId_cardId: { userId: attacker.userId, cardId: "relu-definition" } },
        }),
      ).toEqual(stateBefore);
      expect(await t.db.reviewLog.count({ where: { userId: attacker.userId } })).toBe(logsBefore);
    });
  }

  it("gives no password-hash oracle: a right and a wrong prefix are answered alike", async () => {
    const attacker = await userWithTwoReviews();
    const victim = await createTestUser(t.db);
    const hash = (await t.db.user.findUniqueOrThrow({ where: { id: victim.userId } })).passwordHash;
    const answers = [];
    for (const prefix of [hash.slice(0, 8), "zzzzzzzz"]) {
      await storePrevious(
        attacker.userId,
        await craftedPrevious(attacker.userId, {
          user: { connect: { email: victim.email, passwordHash: { startsWith: prefix } } },
        }),
      );
      const error = await rejectionOf(undoReview({ db: t.db, userId: attacker.userId }), AppError);
      answers.push([error.code, error.message]);
    }
    expect(answers[0]).toEqual(answers[1]);
  });

  it("refuses a snapshot whose values FSRS cannot use (a studied card with stability 0)", async () => {
    const user = await userWithTwoReviews();
    await storePrevious(user.userId, await craftedPrevious(user.userId, { state: 2, stability: 0 }));
    const error = await rejectionOf(undoReview({ db: t.db, userId: user.userId }), AppError);
    expect(error.code).toBe("CONFLICT");
  });

  it("still undoes a genuine snapshot exactly", async () => {
    const user = await userWithTwoReviews();
    const first = await t.db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.userId, cardId: "relu-definition" } },
    });
    expect(first.version).toBe(2);
    expect(await undoReview({ db: t.db, userId: user.userId })).toEqual({ cardId: "relu-definition" });
    const restored = await t.db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.userId, cardId: "relu-definition" } },
    });
    expect(restored.reps).toBe(1);
    expect(restored.lastReview).toEqual(day(1));
    expect(restored.userId).toBe(user.userId);
  });
});
