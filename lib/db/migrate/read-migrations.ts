import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type LocalMigration = { name: string; sql: string; checksum: string };

/** Reads `<dir>/<timestamp>_<name>/migration.sql` in name order, as Prisma does. */
export function readMigrations(dir: string): LocalMigration[] {
  if (!fs.existsSync(dir)) throw new Error(`migrations folder ${dir} does not exist`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!fs.existsSync(file)) throw new Error(`migration ${name} has no migration.sql`);
      const content = fs.readFileSync(file);
      return {
        name,
        sql: content.toString("utf8"),
        checksum: createHash("sha256").update(content).digest("hex"),
      };
    });
}
