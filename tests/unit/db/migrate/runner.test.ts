import { describe, expect, it } from "vitest";
import type { LocalMigration } from "@/lib/db/migrate/read-migrations";
import { applyMigrations, MigrationError } from "@/lib/db/migrate/runner";
import type { MigrationDriver, MigrationRow } from "@/lib/db/migrate/types";

/**
 * An in-memory MigrationDriver: the migrations table is an array of rows, "running" a
 * script records it (or throws if it contains FAIL), and every call is logged in order.
 */
class FakeDriver implements MigrationDriver {
  readonly kind = "sqlite" as const;
  readonly calls: string[] = [];
  readonly executed: string[] = [];
  table: MigrationRow[] | null = null;
  otherTableNames: string[] = [];
  failWith: string | null = null;

  async lock() {
    this.calls.push("lock");
  }
  async unlock() {
    this.calls.push("unlock");
  }
  async hasMigrationsTable() {
    return this.table !== null;
  }
  async otherTables() {
    return [...this.otherTableNames];
  }
  async createMigrationsTable() {
    this.calls.push("createMigrationsTable");
    this.table = [];
  }
  async rows() {
    return this.requireTable().map((row) => ({ ...row }));
  }
  async insertStarted(row: { id: string; migrationName: string; checksum: string }) {
    this.calls.push(`insertStarted ${row.migrationName}`);
    this.requireTable().push({ ...row, finishedAt: null, rolledBackAt: null, logs: null });
  }
  async runScript(sql: string) {
    if (this.failWith !== null && sql.includes("FAIL")) throw new Error(this.failWith);
    this.executed.push(sql);
  }
  async markFinished(id: string) {
    this.row(id).finishedAt = new Date();
  }
  async markFailed(id: string, logs: string) {
    this.row(id).logs = logs;
  }
  async markRolledBack(migrationName: string) {
    const rows = this.requireTable().filter(
      (r) => r.migrationName === migrationName && r.finishedAt === null && r.rolledBackAt === null,
    );
    for (const row of rows) row.rolledBackAt = new Date();
    return rows.length;
  }
  async close() {}

  private requireTable(): MigrationRow[] {
    if (!this.table) throw new Error("no migrations table");
    return this.table;
  }
  private row(id: string): MigrationRow {
    const row = this.requireTable().find((r) => r.id === id);
    if (!row) throw new Error(`no row ${id}`);
    return row;
  }
}

const migration = (name: string, sql = `-- ${name}`, checksum = `sum-${name}`): LocalMigration => ({
  name,
  sql,
  checksum,
});

const m1 = migration("20260101000000_init");
const m2 = migration("20260201000000_cards");
const m3 = migration("20260301000000_reviews");

async function migrationErrorOf(promise: Promise<unknown>): Promise<MigrationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MigrationError);
    return error as MigrationError;
  }
  throw new Error("expected applyMigrations to fail");
}

describe("applyMigrations on an empty database", () => {
  it("creates the migrations table and applies every migration in order", async () => {
    const driver = new FakeDriver();
    const report = await applyMigrations(driver, [m1, m2, m3]);
    expect(driver.calls).toContain("createMigrationsTable");
    expect(driver.executed).toEqual([m1.sql, m2.sql, m3.sql]);
    expect(report).toEqual({ applied: [m1.name, m2.name, m3.name], alreadyApplied: 0, warnings: [] });
  });

  it("records each migration as finished with its checksum", async () => {
    const driver = new FakeDriver();
    await applyMigrations(driver, [m1, m2]);
    expect(driver.table?.map((r) => [r.migrationName, r.checksum, r.finishedAt !== null])).toEqual([
      [m1.name, m1.checksum, true],
      [m2.name, m2.checksum, true],
    ]);
  });

  it("holds the lock for the whole run", async () => {
    const driver = new FakeDriver();
    await applyMigrations(driver, [m1]);
    expect(driver.calls[0]).toBe("lock");
    expect(driver.calls.at(-1)).toBe("unlock");
    expect(driver.calls.filter((c) => c === "lock")).toHaveLength(1);
    expect(driver.calls.filter((c) => c === "unlock")).toHaveLength(1);
  });
});

describe("applyMigrations on an up-to-date database", () => {
  it("applies nothing the second time", async () => {
    const driver = new FakeDriver();
    await applyMigrations(driver, [m1, m2]);
    const executedBefore = driver.executed.length;
    const report = await applyMigrations(driver, [m1, m2]);
    expect(driver.executed).toHaveLength(executedBefore);
    expect(report).toEqual({ applied: [], alreadyApplied: 2, warnings: [] });
  });

  it("applies only the new migration when one is added", async () => {
    const driver = new FakeDriver();
    await applyMigrations(driver, [m1, m2]);
    const report = await applyMigrations(driver, [m1, m2, m3]);
    expect(report.applied).toEqual([m3.name]);
    expect(driver.executed).toEqual([m1.sql, m2.sql, m3.sql]);
  });
});

describe("applyMigrations when an applied migration was edited afterwards", () => {
  it("warns, naming it, and does not re-run it", async () => {
    const driver = new FakeDriver();
    await applyMigrations(driver, [m1, m2]);
    const edited = migration(m1.name, "-- edited", "a-different-checksum");
    const report = await applyMigrations(driver, [edited, m2]);
    expect(report.applied).toEqual([]);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toContain(m1.name);
    expect(driver.executed).not.toContain("-- edited");
  });
});

describe("applyMigrations when a migration script fails", () => {
  const bad = migration("20260201000000_broken", "FAIL here");
  const failingDriver = () => {
    const driver = new FakeDriver();
    driver.failWith = 'near "FAIL": syntax error\nat line 1 of the script';
    return driver;
  };

  it("throws MigrationError FAILED naming the migration and the error's first line", async () => {
    const error = await migrationErrorOf(applyMigrations(failingDriver(), [m1, bad, m3]));
    expect(error.code).toBe("FAILED");
    expect(error.migrationName).toBe(bad.name);
    expect(error.message).toContain(bad.name);
    expect(error.message).toContain('near "FAIL": syntax error');
  });

  it("keeps earlier migrations, stops before later ones", async () => {
    const driver = failingDriver();
    await migrationErrorOf(applyMigrations(driver, [m1, bad, m3]));
    expect(driver.executed).toEqual([m1.sql]);
    expect(driver.table?.map((r) => r.migrationName)).toEqual([m1.name, bad.name]);
  });

  it("leaves the failed row unfinished, not rolled back, with the full error in its logs", async () => {
    const driver = failingDriver();
    await migrationErrorOf(applyMigrations(driver, [m1, bad, m3]));
    const row = driver.table?.find((r) => r.migrationName === bad.name);
    expect(row).toMatchObject({ finishedAt: null, rolledBackAt: null });
    expect(row?.logs).toContain('near "FAIL": syntax error');
    expect(row?.logs).toContain("at line 1 of the script");
  });

  it("still unlocks", async () => {
    const driver = failingDriver();
    await migrationErrorOf(applyMigrations(driver, [m1, bad]));
    expect(driver.calls[0]).toBe("lock");
    expect(driver.calls.at(-1)).toBe("unlock");
  });

  it("blocks the next run with P3009 naming the failed migration, applying nothing", async () => {
    const driver = failingDriver();
    await migrationErrorOf(applyMigrations(driver, [m1, bad, m3]));
    driver.failWith = null; // even if the script were fixed, the failed row must be resolved first
    const executedBefore = driver.executed.length;
    const error = await migrationErrorOf(applyMigrations(driver, [m1, bad, m3]));
    expect(error.code).toBe("P3009");
    expect(error.migrationName).toBe(bad.name);
    expect(error.message).toContain(bad.name);
    expect(error.message).toContain('near "FAIL": syntax error');
    expect(driver.executed).toHaveLength(executedBefore);
    expect(driver.calls.at(-1)).toBe("unlock");
  });

  it("applies the migration again once it is marked rolled back", async () => {
    const driver = failingDriver();
    await migrationErrorOf(applyMigrations(driver, [m1, bad, m3]));
    driver.failWith = null;
    expect(await driver.markRolledBack(bad.name)).toBe(1);
    const report = await applyMigrations(driver, [m1, bad, m3]);
    expect(report.applied).toEqual([bad.name, m3.name]);
    expect(report.alreadyApplied).toBe(1);
    expect(driver.executed).toEqual([m1.sql, bad.sql, m3.sql]);
  });
});

describe("applyMigrations on a database holding other tables but no migrations table", () => {
  it("refuses with P3005 naming the tables, creating and running nothing", async () => {
    const driver = new FakeDriver();
    driver.otherTableNames = ["customers", "orders"];
    const error = await migrationErrorOf(applyMigrations(driver, [m1]));
    expect(error.code).toBe("P3005");
    expect(error.message).toContain("customers");
    expect(driver.table).toBeNull();
    expect(driver.executed).toEqual([]);
    expect(driver.calls).not.toContain("createMigrationsTable");
  });

  it("still unlocks", async () => {
    const driver = new FakeDriver();
    driver.otherTableNames = ["customers"];
    await migrationErrorOf(applyMigrations(driver, [m1]));
    expect(driver.calls).toEqual(["lock", "unlock"]);
  });
});
