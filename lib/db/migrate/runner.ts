import { randomUUID } from "node:crypto";
import type { LocalMigration } from "./read-migrations";
import type { MigrationDriver } from "./types";

/** Raised for every condition that must stop start-up; the message says what to do. */
export class MigrationError extends Error {
  constructor(
    readonly code: "P3005" | "P3009" | "FAILED",
    message: string,
    readonly migrationName?: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

export type MigrationReport = { applied: string[]; alreadyApplied: number; warnings: string[] };

/**
 * Applies pending migrations the way `prisma migrate deploy` does, keeping
 * `_prisma_migrations` compatible so Prisma's own CLI agrees with it later.
 */
export async function applyMigrations(
  driver: MigrationDriver,
  migrations: LocalMigration[],
): Promise<MigrationReport> {
  await driver.lock();
  try {
    await ensureMigrationsTable(driver);
    const rows = await driver.rows();

    const failed = rows.find((r) => r.finishedAt === null && r.rolledBackAt === null);
    if (failed) {
      throw new MigrationError(
        "P3009",
        `migration "${failed.migrationName}" failed earlier and blocks further migrations.\n` +
          `  error: ${firstLine(failed.logs ?? "unknown error")}\n` +
          `  fix the database by hand, then mark it rolled back: npm run db:migrate -- --rolled-back ${failed.migrationName}`,
        failed.migrationName,
      );
    }

    const finished = new Map(rows.filter((r) => r.finishedAt !== null).map((r) => [r.migrationName, r]));
    const warnings = migrations
      .filter((m) => finished.has(m.name) && finished.get(m.name)?.checksum !== m.checksum)
      .map((m) => `migration "${m.name}" was edited after it was applied (checksum differs)`);

    const applied: string[] = [];
    for (const migration of migrations.filter((m) => !finished.has(m.name))) {
      await applyOne(driver, migration);
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: finished.size, warnings };
  } finally {
    await driver.unlock();
  }
}

async function ensureMigrationsTable(driver: MigrationDriver): Promise<void> {
  if (await driver.hasMigrationsTable()) return;
  const others = await driver.otherTables();
  if (others.length > 0) {
    throw new MigrationError(
      "P3005",
      `the database is not empty and is not managed by Gradus migrations (found tables: ${others.slice(0, 5).join(", ")}). ` +
        `Point DATABASE_URL at an empty database.`,
    );
  }
  await driver.createMigrationsTable();
}

async function applyOne(driver: MigrationDriver, migration: LocalMigration): Promise<void> {
  const id = randomUUID();
  await driver.insertStarted({ id, migrationName: migration.name, checksum: migration.checksum });
  try {
    await driver.runScript(migration.sql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await driver.markFailed(id, message);
    throw new MigrationError(
      "FAILED",
      `migration "${migration.name}" failed: ${firstLine(message)}`,
      migration.name,
    );
  }
  await driver.markFinished(id);
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
