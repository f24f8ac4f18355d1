/** Migrate the configured database and seed the content; used by `npm start`, `npm run dev` and e2e. */
import { pathToFileURL } from "node:url";
import { migrateDatabase } from "../lib/db/migrate";
import { databaseKind, EnvError, parseEnv, type Env } from "../lib/env";
import { sessionSecret } from "../lib/auth/secret";
import { formatIssues, ContentError } from "../lib/content";
import { describeSync, seedContent } from "../lib/content/seed";
import { withPrepareLock } from "../lib/db/advisory-lock";
import { createDb } from "../lib/db/client";
import { deleteExpiredSessions } from "../lib/repo/sessions";

/**
 * Migrates, seeds and purges under one lock per database, so instances started
 * at the same time take turns: the first one does the work, the others find it
 * done (their seed reports everything unchanged) instead of racing to insert
 * the same rows.
 */
export async function prepareDatabase(config: Env): Promise<void> {
  // Fails early (e.g. PostgreSQL in production without SESSION_SECRET) instead of at the first sign-in.
  sessionSecret();
  await withPrepareLock(config.DATABASE_URL, () => prepareLocked(config.DATABASE_URL));
}

async function prepareLocked(url: string): Promise<void> {
  const report = await migrateDatabase(url);
  for (const warning of report.warnings) console.warn(`migrate: warning: ${warning}`);
  console.log(
    `migrate (${databaseKind(url)}): ${report.applied.length} applied` +
      (report.applied.length ? ` (${report.applied.join(", ")})` : "") +
      `, ${report.alreadyApplied} already applied`,
  );
  await seedLocked(url);
  await purgeExpiredSessions(url);
}

/** Expired sessions are useless rows; start-up is a cheap moment to drop them. */
async function purgeExpiredSessions(url: string): Promise<void> {
  const db = createDb(url);
  try {
    const removed = await deleteExpiredSessions(db, new Date());
    if (removed > 0) console.log(`sessions: ${removed} expired removed`);
  } finally {
    await db.$disconnect();
  }
}

/** Loads content/ into the database; content problems are printed one per line and stop start-up. */
export async function seed(url: string): Promise<void> {
  await withPrepareLock(url, () => seedLocked(url));
}

async function seedLocked(url: string): Promise<void> {
  const db = createDb(url);
  try {
    const started = performance.now();
    const report = await seedContent(db, "content", new Date());
    console.log(`seed: ${describeSync(report)} (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    if (error instanceof ContentError) {
      throw new Error(
        `content has ${error.issues.length} problem(s); the database was not changed:\n${formatIssues(error.issues)}`,
      );
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  Promise.resolve()
    .then(() => prepareDatabase(parseEnv(process.env)))
    .catch((error: unknown) => {
      console.error(
        error instanceof EnvError ? error.problems.join("\n") : `prepare failed: ${(error as Error).message}`,
      );
      process.exit(1);
    });
}
