import pg from "pg";
import type { MigrationDriver, MigrationRow } from "./types";

// The advisory lock id Prisma Migrate itself takes, so our runner and a
// `prisma migrate deploy` never run at the same time.
const PRISMA_ADVISORY_LOCK = 72707369;

type RawRow = {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
};

export async function postgresMigrationDriver(url: string): Promise<MigrationDriver> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();

  return {
    kind: "postgresql",
    async lock() {
      await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    },
    async unlock() {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]);
    },
    async hasMigrationsTable() {
      const res = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
      return res.rows[0]?.present === true;
    },
    async otherTables() {
      const res = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'",
      );
      return res.rows.map((r) => r.table_name);
    },
    async createMigrationsTable() {
      await client.query(`CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`);
    },
    async rows() {
      const res = await client.query<RawRow>(
        "SELECT id, migration_name, checksum, finished_at, rolled_back_at, logs FROM _prisma_migrations ORDER BY started_at, migration_name",
      );
      return res.rows.map((r): MigrationRow => ({
        id: r.id,
        migrationName: r.migration_name,
        checksum: r.checksum,
        finishedAt: r.finished_at,
        rolledBackAt: r.rolled_back_at,
        logs: r.logs,
      }));
    },
    async insertStarted({ id, migrationName, checksum }) {
      await client.query(
        "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)",
        [id, checksum, migrationName],
      );
    },
    // A multi-statement simple query runs as one implicit transaction in
    // PostgreSQL: a failing migration leaves no half-applied schema behind.
    async runScript(sql) {
      await client.query(sql);
    },
    async markFinished(id) {
      await client.query(
        "UPDATE _prisma_migrations SET finished_at = now(), applied_steps_count = applied_steps_count + 1 WHERE id = $1",
        [id],
      );
    },
    async markFailed(id, logs) {
      await client.query("UPDATE _prisma_migrations SET logs = $1 WHERE id = $2", [logs, id]);
    },
    async markRolledBack(migrationName) {
      const res = await client.query(
        "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL",
        [migrationName],
      );
      return res.rowCount ?? 0;
    },
    async close() {
      await client.end();
    },
  };
}
