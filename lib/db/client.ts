import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/generated/prisma-sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma-postgresql/client";
import { databaseKind } from "@/lib/env";
import { serializedSqlite } from "./serialized-sqlite";
import { sqlitePathFromUrl } from "./sqlite-path";

/**
 * Both generated clients expose the same model API (the schemas differ only in
 * provider), so the rest of the app is typed against one of them.
 */
export type Db = SqliteClient;

// Which database each client talks to, for the few raw queries whose SQL differs.
// On globalThis like the client itself, so a dev hot reload of this module keeps it.
const registry = globalThis as unknown as { gradusDbKinds?: WeakMap<Db, "sqlite" | "postgresql"> };
const kinds = (registry.gradusDbKinds ??= new WeakMap());

export function createDb(url: string): Db {
  if (databaseKind(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    const client = new PostgresClient({ adapter }) as unknown as Db;
    kinds.set(client, "postgresql");
    return client;
  }
  const file = sqlitePathFromUrl(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const client = new SqliteClient({
    adapter: serializedSqlite(new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 10_000 })),
  });
  kinds.set(client, "sqlite");
  return client;
}

/** The SQL dialect of a client made by createDb. */
export function dialectOf(db: Db): "sqlite" | "postgresql" {
  const kind = kinds.get(db);
  if (!kind) throw new Error("dialectOf: this client was not made by createDb");
  return kind;
}
