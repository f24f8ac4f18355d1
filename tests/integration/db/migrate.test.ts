import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  MigrationError,
  markMigrationRolledBack,
  migrateDatabase,
  migrationsDir,
  openMigrationDriver,
} from "@/lib/db/migrate";
import { rejectionOf } from "../../fixtures/rejection";
import { emptyDatabase, testDbKind, type EmptyDatabase } from "../../fixtures/test-db";

const committed = migrationsDir(testDbKind);
const committedNames = fs
  .readdirSync(committed)
  .filter((n) => fs.statSync(path.join(committed, n)).isDirectory());

/** A copy of the committed migrations plus extra ones, in a temp folder. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gradus-migrations-"));
  fs.cpSync(committed, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function migrationRows(url: string) {
  const driver = await openMigrationDriver(url);
  try {
    return await driver.rows();
  } finally {
    await driver.close();
  }
}

let database: EmptyDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

describe(`migrations on an empty ${testDbKind} database`, () => {
  it("applies every committed migration and records it as Prisma does", async () => {
    database = await emptyDatabase();
    const report = await migrateDatabase(database.url);
    expect(report.applied).toEqual(committedNames);

    const rows = await migrationRows(database.url);
    expect(rows.map((r) => r.migrationName)).toEqual(committedNames);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(committed, row.migrationName, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finishedAt).toBeInstanceOf(Date);
      expect(row.rolledBackAt).toBeNull();
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it("changes nothing when run again", async () => {
    database = await emptyDatabase();
    await migrateDatabase(database.url);
    const before = await migrationRows(database.url);
    const again = await migrateDatabase(database.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(committedNames.length);
    expect(await migrationRows(database.url)).toEqual(before);
  });

  it("applies only the new migration when one is added later", async () => {
    database = await emptyDatabase();
    await migrateDatabase(database.url);
    const dir = migrationsWith({
      "29990101000000_add_note": 'CREATE TABLE "Note" ("id" TEXT NOT NULL PRIMARY KEY);',
    });
    const report = await migrateDatabase(database.url, dir);
    expect(report.applied).toEqual(["29990101000000_add_note"]);
  });

  it("runs concurrent starts one at a time, applying each migration once", async () => {
    database = await emptyDatabase();
    const url = database.url;
    // SQLite serialises through the file lock, PostgreSQL through Prisma's advisory lock.
    const results = await Promise.allSettled([migrateDatabase(url), migrateDatabase(url)]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    expect(fulfilled.length).toBeGreaterThanOrEqual(1);
    const rows = await migrationRows(url);
    expect(rows.map((r) => r.migrationName)).toEqual(committedNames);
  });
});

describe("a migration that fails", () => {
  const broken = {
    "29990101000000_broken": 'CREATE TABLE "Broken" ("id" TEXT NOT NULL PRIMARY KEY);\nTHIS IS NOT SQL;',
  };

  it("stops the runner with the migration's name and the database error", async () => {
    database = await emptyDatabase();
    const dir = migrationsWith(broken);
    const error = await rejectionOf(migrateDatabase(database.url, dir), MigrationError);
    expect(error.code).toBe("FAILED");
    expect(error.message).toContain("29990101000000_broken");
    expect(error.message).toMatch(/syntax error/i);

    const failedRow = (await migrationRows(database.url)).find(
      (r) => r.migrationName === "29990101000000_broken",
    );
    expect(failedRow?.finishedAt).toBeNull();
    expect(failedRow?.logs).toMatch(/syntax error/i);
  });

  it("blocks the next start until it is marked rolled back, then applies the fixed version", async () => {
    database = await emptyDatabase();
    const dir = migrationsWith(broken);
    await expect(migrateDatabase(database.url, dir)).rejects.toThrow(MigrationError);

    const blocked = await rejectionOf(migrateDatabase(database.url, dir), MigrationError);
    expect(blocked.code).toBe("P3009");
    expect(blocked.message).toContain("29990101000000_broken");
    expect(blocked.message).toContain("--rolled-back 29990101000000_broken");

    // The operator repairs the database and the file, then resolves the failed row.
    if (testDbKind === "sqlite") {
      const driver = await openMigrationDriver(database.url);
      await driver.runScript('DROP TABLE IF EXISTS "Broken";');
      await driver.close();
    }
    fs.writeFileSync(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      'CREATE TABLE "Broken" ("id" TEXT NOT NULL PRIMARY KEY);',
    );
    expect(await markMigrationRolledBack(database.url, "29990101000000_broken")).toBe(1);

    const report = await migrateDatabase(database.url, dir);
    expect(report.applied).toEqual(["29990101000000_broken"]);
    const rows = (await migrationRows(database.url)).filter(
      (r) => r.migrationName === "29990101000000_broken",
    );
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.rolledBackAt !== null)).toHaveLength(1);
    expect(rows.filter((r) => r.finishedAt !== null)).toHaveLength(1);
  });
});

describe("a database that Gradus does not manage", () => {
  it("is refused rather than migrated over (P3005)", async () => {
    database = await emptyDatabase();
    const driver = await openMigrationDriver(database.url);
    await driver.runScript('CREATE TABLE "someone_elses" ("id" INTEGER);');
    await driver.close();

    const error = await rejectionOf(migrateDatabase(database.url), MigrationError);
    expect(error.code).toBe("P3005");
    expect(error.message).toContain("someone_elses");
    const check = await openMigrationDriver(database.url);
    expect(await check.hasMigrationsTable()).toBe(false);
    await check.close();
  });
});
