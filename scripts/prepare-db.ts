/** Migrate the configured database and seed the content; used by `npm start`, `npm run dev` and e2e. */
import { pathToFileURL } from "node:url";
import { migrateDatabase } from "../lib/db/migrate";
import { databaseKind, EnvError, parseEnv, type Env } from "../lib/env";
import { sessionSecret } from "../lib/auth/secret";

export async function prepareDatabase(config: Env): Promise<void> {
  // Fails early (e.g. PostgreSQL in production without SESSION_SECRET) instead of at the first sign-in.
  sessionSecret();
  const report = await migrateDatabase(config.DATABASE_URL);
  for (const warning of report.warnings) console.warn(`migrate: warning: ${warning}`);
  console.log(
    `migrate (${databaseKind(config.DATABASE_URL)}): ${report.applied.length} applied` +
      (report.applied.length ? ` (${report.applied.join(", ")})` : "") +
      `, ${report.alreadyApplied} already applied`,
  );
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
