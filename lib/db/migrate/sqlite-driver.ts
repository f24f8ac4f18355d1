import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { MigrationDriver, MigrationRow } from "./types";

type RawRow = {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: number | string | null;
  rolled_back_at: number | string | null;
  logs: string | null;
};

// Prisma stores these SQLite timestamps as Unix milliseconds.
const toDate = (v: number | string | null) =>
  v === null ? null : new Date(typeof v === "string" ? v : Number(v));

export function sqliteMigrationDriver(file: string): MigrationDriver {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  // WAL survives restarts in the file itself; committed data is safe if the server is killed.
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");

  return {
    kind: "sqlite",
    // A single machine owns a SQLite file; the runner holds it only during start-up.
    async lock() {},
    async unlock() {},
    async hasMigrationsTable() {
      return (
        db
          .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
          .get() !== undefined
      );
    },
    async otherTables() {
      const rows = db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
        )
        .all() as { name: string }[];
      return rows.map((r) => r.name);
    },
    async createMigrationsTable() {
      db.exec(`CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`);
    },
    async rows() {
      const raw = db
        .prepare(
          'SELECT id, migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at, migration_name',
        )
        .all() as RawRow[];
      return raw.map((r): MigrationRow => ({
        id: r.id,
        migrationName: r.migration_name,
        checksum: r.checksum,
        finishedAt: toDate(r.finished_at),
        rolledBackAt: toDate(r.rolled_back_at),
        logs: r.logs,
      }));
    },
    async insertStarted({ id, migrationName, checksum }) {
      db.prepare(
        'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)',
      ).run(id, checksum, migrationName, Date.now());
    },
    // Not wrapped in a transaction: Prisma's table-redefinition migrations need
    // PRAGMA foreign_keys=OFF, which is a no-op inside one.
    async runScript(sql) {
      db.exec(sql);
    },
    async markFinished(id) {
      db.prepare(
        'UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = applied_steps_count + 1 WHERE id = ?',
      ).run(Date.now(), id);
    },
    async markFailed(id, logs) {
      db.prepare('UPDATE "_prisma_migrations" SET logs = ? WHERE id = ?').run(logs, id);
    },
    async markRolledBack(migrationName) {
      return db
        .prepare(
          'UPDATE "_prisma_migrations" SET rolled_back_at = ? WHERE migration_name = ? AND finished_at IS NULL AND rolled_back_at IS NULL',
        )
        .run(Date.now(), migrationName).changes;
    },
    async close() {
      db.close();
    },
  };
}
