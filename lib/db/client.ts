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

/** One statement Prisma sent, as its query log event reports it (params as a JSON array). */
export type QueryEvent = { query: string; params: string; duration: number };

export type CreateDbOptions = {
  /**
   * Called with every statement the client sends. For tools that need the SQL
   * (the query-plan bench): they get a client of the app's own kind, so code
   * that asks for its dialect works on it like on any other.
   */
  onQuery?: (event: QueryEvent) => void;
};

// Which database each client talks to, for the few raw queries whose SQL differs.
// On globalThis like the client itself, so a dev hot reload of this module keeps it.
const registry = globalThis as unknown as { gradusDbKinds?: WeakMap<Db, "sqlite" | "postgresql"> };
const kinds = (registry.gradusDbKinds ??= new WeakMap());

export function createDb(url: string, options: CreateDbOptions = {}): Db {
  const log = options.onQuery ? [{ emit: "event" as const, level: "query" as const }] : undefined;
  let client: Db;
  if (databaseKind(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    client = new PostgresClient({ adapter, log }) as unknown as Db;
    kinds.set(client, "postgresql");
  } else {
    const file = sqlitePathFromUrl(url);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    client = new SqliteClient({
      adapter: serializedSqlite(new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 10_000 })),
      log,
    }) as unknown as Db;
    kinds.set(client, "sqlite");
  }
  if (options.onQuery) (client as unknown as QueryLogging).$on("query", options.onQuery);
  return client;
}

type QueryLogging = { $on: (event: "query", callback: (event: QueryEvent) => void) => void };

/** The SQL dialect of a client made by createDb. */
export function dialectOf(db: Db): "sqlite" | "postgresql" {
  const kind = kinds.get(db);
  if (!kind)
    throw new Error(
      "dialectOf: this client was not made by createDb (make every client there; pass onQuery to record its SQL)",
    );
  return kind;
}
