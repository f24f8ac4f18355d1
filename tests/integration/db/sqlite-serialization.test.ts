import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";
import { createTestUser } from "../../fixtures/users";

// SQLite shares one connection among all requests (lib/db/serialized-sqlite.ts);
// PostgreSQL gives each transaction its own connection from the pool.
describe.runIf(testDbKind === "sqlite")("one SQLite connection shared by concurrent requests", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await migratedDatabase();
  });
  afterAll(async () => t.close());

  it("keeps a write made during another request's transaction when that transaction rolls back", async () => {
    const alice = await createTestUser(t.db);
    const bob = await createTestUser(t.db);
    let inside!: () => void;
    const transactionOpen = new Promise<void>((resolve) => (inside = resolve));
    let finish!: () => void;
    const mayFinish = new Promise<void>((resolve) => (finish = resolve));

    // Request 1: a transaction that writes, waits, then fails (as a refused grade does).
    const failing = t.db
      .$transaction(async (tx) => {
        await tx.userSettings.update({ where: { userId: alice.userId }, data: { newCardsPerDay: 1 } });
        inside();
        await mayFinish;
        throw new Error("refused");
      })
      .catch((error: Error) => error.message);

    // Request 2, meanwhile: an unrelated plain write, and a read that must not see request 1's row.
    // (Prisma queries are lazy: `.then` sends them now, while request 1 is still open.)
    await transactionOpen;
    const write = t.db.loginThrottle
      .create({
        data: { key: `test-${bob.userId}`, failures: 1, windowStart: new Date() },
      })
      .then((row) => row);
    const read = t.db.$queryRaw<{ n: number }[]>`
      SELECT "newCardsPerDay" AS n FROM "UserSettings" WHERE "userId" = ${alice.userId}`.then((rows) => rows);
    setTimeout(finish, 50);

    expect(await failing).toBe("refused");
    await write;
    expect(Number((await read)[0]!.n)).toBe(20); // not request 1's uncommitted 1
    expect(await t.db.loginThrottle.count({ where: { key: `test-${bob.userId}` } })).toBe(1); // not rolled back with it
    const settings = await t.db.userSettings.findUniqueOrThrow({ where: { userId: alice.userId } });
    expect(settings.newCardsPerDay).toBe(20);
  });

  // bench:grading's multi-second maximum on SQLite: better-sqlite3 answers synchronously, so a
  // request's statements ran back to back without the event loop ever turning, and a busy server
  // accepted new connections and read new requests only between whole requests.
  it("regression: lets the event loop turn between statements, so a busy server still polls its sockets", async () => {
    let done = 0;
    let doneWhenTheLoopTurned = -1;
    setImmediate(() => (doneWhenTheLoopTurned = done));
    for (let i = 0; i < 30; i++) {
      await t.db.user.count();
      done++;
    }
    expect(doneWhenTheLoopTurned).toBeGreaterThanOrEqual(0);
    expect(doneWhenTheLoopTurned).toBeLessThan(3);
  });
});
