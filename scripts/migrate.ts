/**
 * `npm run db:migrate` applies pending migrations;
 * `npm run db:migrate -- --rolled-back <name>` marks a failed migration as rolled
 * back after you repaired the database by hand (like `prisma migrate resolve`).
 */
import { markMigrationRolledBack, migrateDatabase } from "../lib/db/migrate";
import { EnvError, parseEnv } from "../lib/env";

async function main(): Promise<void> {
  const { DATABASE_URL } = parseEnv(process.env);
  const flag = process.argv.indexOf("--rolled-back");
  if (flag >= 0) {
    const name = process.argv[flag + 1];
    if (!name) throw new Error("--rolled-back needs a migration name");
    const changed = await markMigrationRolledBack(DATABASE_URL, name);
    if (changed === 0) throw new Error(`no failed migration named "${name}"`);
    console.log(`marked "${name}" as rolled back; the next start will apply it again`);
    return;
  }
  const report = await migrateDatabase(DATABASE_URL);
  console.log(`${report.applied.length} applied, ${report.alreadyApplied} already applied`);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.problems.join("\n") : (error as Error).message);
  process.exit(1);
});
