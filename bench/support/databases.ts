/**
 * Throwaway databases for the benches: a SQLite file in a temp directory, and
 * a fresh database in a PostgreSQL cluster — the one at BENCH_PG_URL (or
 * TEST_PG_ADMIN_URL) when given, otherwise a private cluster started for the
 * run (scripts/test-support/postgres.ts), so a clean machine can run them too.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startPostgres, type PgCluster } from "../../scripts/test-support/postgres";

export type BenchDbKind = "sqlite" | "postgresql";
export type BenchDatabase = { kind: BenchDbKind; url: string; drop: () => Promise<void> };

export function sqliteDatabase(label: string): BenchDatabase & { file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gradus-bench-${label}-`));
  const file = path.join(dir, "bench.db");
  return {
    kind: "sqlite",
    url: `file:${file}`,
    file,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The admin URL of a cluster to create databases in; `stop` is a no-op for a cluster we did not start. */
export async function postgresCluster(): Promise<{ adminUrl: string; stop: () => void }> {
  const given = process.env.BENCH_PG_URL || process.env.TEST_PG_ADMIN_URL;
  if (given) return { adminUrl: given, stop: () => {} };
  console.log("postgres: no BENCH_PG_URL given, starting a private cluster…");
  const cluster: PgCluster = await startPostgres();
  return { adminUrl: cluster.url, stop: cluster.stop };
}

export async function postgresDatabase(adminUrl: string, label: string): Promise<BenchDatabase> {
  const name = `gradus_bench_${label}_${randomBytes(4).toString("hex")}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: "postgresql",
    url: url.toString(),
    drop: () =>
      withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
