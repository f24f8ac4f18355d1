import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/generated/prisma-sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma-postgresql/client";
import { databaseKind } from "@/lib/env";
import { sqlitePathFromUrl } from "./sqlite-path";

/**
 * Both generated clients expose the same model API (the schemas differ only in
 * provider), so the rest of the app is typed against one of them.
 */
export type Db = SqliteClient;

export function createDb(url: string): Db {
  if (databaseKind(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  const file = sqlitePathFromUrl(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 10_000 }) });
}
