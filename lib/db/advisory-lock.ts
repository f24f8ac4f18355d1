import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseKind } from "@/lib/env";
import { sqlitePathFromUrl } from "./sqlite-path";

/**
 * Gradus's own advisory lock id for start-up (migrate, seed, purge). Not Prisma's
 * migration lock (72707369): the migration runner takes that one itself on its own
 * connection, and PostgreSQL advisory locks are re-entrant only within one session,
 * so holding Prisma's id here would make the runner wait for us forever.
 */
export const PREPARE_LOCK_ID = 72707370;

/** How long a starting instance waits for another one's start-up before giving up. */
const SQLITE_WAIT_MS = 10 * 60_000;

/**
 * Runs `work` while no other process prepares the same database: instances
 * started together (a rolling deploy, an autoscaler, two `npm start`) take
 * turns, so the second one finds the schema migrated and the deck seeded and
 * changes nothing. The lock dies with its holder: PostgreSQL drops a session's
 * advisory locks when the connection closes, and the OS drops SQLite's file
 * lock when the process exits, so a crashed instance never blocks the next.
 */
export async function withPrepareLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  return databaseKind(url) === "postgresql" ? withPostgresLock(url, work) : withSqliteLock(url, work);
}

async function withPostgresLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PREPARE_LOCK_ID]);
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PREPARE_LOCK_ID]);
    }
  } finally {
    await client.end();
  }
}

/**
 * SQLite has no advisory locks, and the database file itself cannot serve: the
 * seeder's own connection must write to it while the lock is held. A sidecar
 * SQLite file does: `BEGIN IMMEDIATE` takes its write lock (other processes wait
 * in the busy handler), and nothing is ever written to it.
 */
async function withSqliteLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const file = `${sqlitePathFromUrl(url)}.prepare-lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lock = new Database(file, { timeout: SQLITE_WAIT_MS });
  try {
    lock.exec("BEGIN IMMEDIATE");
    try {
      return await work();
    } finally {
      lock.exec("ROLLBACK");
    }
  } finally {
    lock.close();
  }
}
