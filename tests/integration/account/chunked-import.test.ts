import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { accountExportSchema, type ReviewLogRecord } from "@/lib/account/export-format";
import { importAccountFile } from "@/lib/account/import-account-file";
import { AppError } from "@/lib/errors";
import { IMPORT_CHUNK_ROWS, IMPORT_STALE_MS } from "@/lib/limits";
import { exportAccount, finishInterruptedImport, importAccount } from "@/lib/repo/account-data";
import { accountImportScope } from "@/lib/repo/account-import";
import { rejectionOf } from "../../fixtures/rejection";
import { giveHistory } from "../../fixtures/review-history";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";
import { createTestUser } from "../../fixtures/users";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
});
afterAll(async () => t.close());

type Exported = Awaited<ReturnType<typeof exportAccount>>;
const strip = ({ exportedAt: _e, ...rest }: Exported) => rest;
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));
const snapshotOf = async (userId: string) => strip(await exportAccount(t.db, userId, new Date()));

/** A user whose history spans several import chunks. */
async function userWithLongHistory(reviews: number, seed: number) {
  const user = await createTestUser(t.db);
  await giveHistory(t.db, user.userId, { reviews, seed, cards: 1500 });
  return { ...user, exported: await exportAccount(t.db, user.userId, new Date()) };
}

describe(`a chunked import on ${testDbKind}`, () => {
  let source: Awaited<ReturnType<typeof userWithLongHistory>>;
  beforeAll(async () => {
    source = await userWithLongHistory(IMPORT_CHUNK_ROWS * 2 + 500, 11);
  });

  it("round-trips a history of several chunks exactly, through the uploaded bytes", async () => {
    expect(source.exported.reviewLogs.length).toBe(IMPORT_CHUNK_ROWS * 2 + 500);
    const target = await createTestUser(t.db);
    const result = await importAccountFile({
      db: t.db,
      userId: target.userId,
      body: bytesOf(source.exported),
    });
    expect(result).toEqual({
      cardStates: source.exported.cardStates.length,
      reviewLogs: source.exported.reviewLogs.length,
    });
    expect(await snapshotOf(target.userId)).toEqual(strip(source.exported));
    // Nothing is left in staging and the account's import lock is free.
    expect(await t.db.stagedReviewLog.count()).toBe(0);
    expect(await t.db.accountImport.count({ where: { activeKey: target.userId } })).toBe(0);
  });

  it("replaces a previous history completely (no old review survives the swap)", async () => {
    const target = await userWithLongHistory(1_200, 12);
    await importAccountFile({ db: t.db, userId: target.userId, body: bytesOf(source.exported) });
    expect(await snapshotOf(target.userId)).toEqual(strip(source.exported));
  });

  it("leaves the old data untouched when a row after two written chunks is invalid, and says which row", async () => {
    const target = await userWithLongHistory(300, 13);
    const before = await snapshotOf(target.userId);
    const bad = IMPORT_CHUNK_ROWS * 2 + 17;
    const json = JSON.parse(JSON.stringify(source.exported)) as { reviewLogs: { rating: number }[] };
    json.reviewLogs[bad]!.rating = 7;
    const error = await rejectionOf(
      importAccountFile({ db: t.db, userId: target.userId, body: bytesOf(json) }),
      ZodError,
    );
    expect(error.issues[0]?.path).toEqual(["reviewLogs", bad, "rating"]);
    expect(await snapshotOf(target.userId)).toEqual(before);
    expect(await t.db.stagedReviewLog.count()).toBe(0);
    // The lock was released: the next import goes through.
    await importAccountFile({ db: t.db, userId: target.userId, body: bytesOf(source.exported) });
    expect(await snapshotOf(target.userId)).toEqual(strip(source.exported));
  });

  it("refuses a clientId repeated across chunks, naming both rows, and changes nothing", async () => {
    const target = await userWithLongHistory(300, 14);
    const before = await snapshotOf(target.userId);
    const json = JSON.parse(JSON.stringify(source.exported)) as { reviewLogs: { clientId: string }[] };
    const repeat = IMPORT_CHUNK_ROWS + 3;
    json.reviewLogs[repeat]!.clientId = json.reviewLogs[5]!.clientId;
    const error = await rejectionOf(
      importAccountFile({ db: t.db, userId: target.userId, body: bytesOf(json) }),
      AppError,
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain(`reviewLogs[${repeat}]`);
    expect(error.message).toContain("reviewLogs[5]");
    expect(await snapshotOf(target.userId)).toEqual(before);
  });

  it("refuses an export whose review log is missing or not a list, as the schema words it", async () => {
    const target = await createTestUser(t.db);
    const { reviewLogs: _logs, ...withoutLogs } = source.exported;
    for (const body of [withoutLogs, { ...withoutLogs, reviewLogs: "none" }]) {
      const error = await rejectionOf(
        importAccountFile({ db: t.db, userId: target.userId, body: bytesOf(body) }),
        ZodError,
      );
      expect(error.issues[0]?.path).toEqual(["reviewLogs"]);
    }
    expect((await snapshotOf(target.userId)).reviewLogs).toEqual([]);
  });

  it("answers a body that is not JSON with INVALID_INPUT quoting the parser", async () => {
    const target = await createTestUser(t.db);
    const error = await rejectionOf(
      importAccountFile({ db: t.db, userId: target.userId, body: new TextEncoder().encode('{"format": ') }),
      AppError,
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/^body is not valid JSON: /);
  });

  it("lets only one of two concurrent imports of the same account run; the other is a CONFLICT and writes nothing", async () => {
    const target = await createTestUser(t.db);
    const other = await userWithLongHistory(400, 15);
    const first = accountExportSchema.parse(JSON.parse(JSON.stringify(source.exported)));
    const second = accountExportSchema.parse(JSON.parse(JSON.stringify(other.exported)));
    // The first import stays in the middle of its review log until released.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reachedGate!: () => void;
    const atGate = new Promise<void>((resolve) => (reachedGate = resolve));
    async function* slowLogs(): AsyncIterable<ReviewLogRecord[]> {
      yield first.reviewLogs.slice(0, IMPORT_CHUNK_ROWS);
      reachedGate();
      await gate;
      yield first.reviewLogs.slice(IMPORT_CHUNK_ROWS);
    }
    const running = importAccount(t.db, target.userId, { ...first, reviewLogs: slowLogs() });
    await atGate;
    const refused = await rejectionOf(importAccount(t.db, target.userId, second), AppError);
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/already running/);
    release();
    await running;
    expect(await snapshotOf(target.userId)).toEqual(strip(source.exported));
  });

  it("finishes an import whose process died after its commit (on the account's next export)", async () => {
    const target = await userWithLongHistory(IMPORT_CHUNK_ROWS + 200, 16);
    const data = accountExportSchema.parse(JSON.parse(JSON.stringify(source.exported)));
    const started = new Date();
    const imports = accountImportScope(t.db, target.userId);
    const id = await imports.begin(started);
    await imports.stageLogs(id, 0, data.reviewLogs);
    await imports.commit(id, data, data.reviewLogs.length, started);
    await imports.swapStep(id, started); // one chunk of old reviews deleted, then the process "dies"
    expect(await t.db.accountImport.count({ where: { id, activeKey: target.userId } })).toBe(1);

    // Still alive by its heartbeat: left alone.
    await finishInterruptedImport(t.db, target.userId, new Date(started.getTime() + 1000));
    expect((await t.db.accountImport.findUniqueOrThrow({ where: { id } })).status).toBe("deleting");

    await finishInterruptedImport(t.db, target.userId, new Date(started.getTime() + IMPORT_STALE_MS + 1));
    expect(await snapshotOf(target.userId)).toEqual(strip(source.exported));
    expect((await t.db.accountImport.findUniqueOrThrow({ where: { id } })).status).toBe("done");
  });
});
