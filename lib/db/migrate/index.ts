import path from "node:path";
import { databaseKind } from "@/lib/env";
import { sqlitePathFromUrl } from "../sqlite-path";
import { postgresMigrationDriver } from "./postgres-driver";
import { readMigrations } from "./read-migrations";
import { applyMigrations, type MigrationReport } from "./runner";
import { sqliteMigrationDriver } from "./sqlite-driver";
import type { MigrationDriver } from "./types";

export { MigrationError } from "./runner";
export type { MigrationReport } from "./runner";

export function migrationsDir(kind: "sqlite" | "postgresql", root: string = process.cwd()): string {
  return path.join(root, "prisma", kind, "migrations");
}

export async function openMigrationDriver(url: string): Promise<MigrationDriver> {
  return databaseKind(url) === "postgresql"
    ? postgresMigrationDriver(url)
    : sqliteMigrationDriver(sqlitePathFromUrl(url));
}

/** Applies the committed migrations for the database that `url` names. */
export async function migrateDatabase(url: string, dir?: string): Promise<MigrationReport> {
  const driver = await openMigrationDriver(url);
  try {
    return await applyMigrations(driver, readMigrations(dir ?? migrationsDir(driver.kind)));
  } finally {
    await driver.close();
  }
}

/** Offline equivalent of `prisma migrate resolve --rolled-back <name>`. */
export async function markMigrationRolledBack(url: string, name: string): Promise<number> {
  const driver = await openMigrationDriver(url);
  try {
    return await driver.markRolledBack(name);
  } finally {
    await driver.close();
  }
}
