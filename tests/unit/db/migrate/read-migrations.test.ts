import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readMigrations } from "@/lib/db/migrate/read-migrations";

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gradus-read-migrations-"));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function addMigration(name: string, sql: string | Buffer): void {
  fs.mkdirSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

describe("readMigrations with several migration folders", () => {
  it("returns them sorted by folder name, whatever the creation order", () => {
    addMigration("20260301000000_c", "SELECT 3;");
    addMigration("20260101000000_a", "SELECT 1;");
    addMigration("20260201000000_b", "SELECT 2;");
    expect(readMigrations(dir).map((m) => m.name)).toEqual([
      "20260101000000_a",
      "20260201000000_b",
      "20260301000000_c",
    ]);
  });

  it("returns each folder's SQL text", () => {
    addMigration("20260101000000_a", 'CREATE TABLE "User" (id TEXT);\n');
    expect(readMigrations(dir)[0]?.sql).toBe('CREATE TABLE "User" (id TEXT);\n');
  });

  it("ignores plain files such as migration_lock.toml", () => {
    fs.writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "sqlite"\n');
    addMigration("20260101000000_a", "SELECT 1;");
    expect(readMigrations(dir).map((m) => m.name)).toEqual(["20260101000000_a"]);
  });
});

describe("readMigrations checksums", () => {
  it("is the SHA-256 hex of the file bytes (known vector: 'abc')", () => {
    addMigration("20260101000000_a", "abc");
    expect(readMigrations(dir)[0]?.checksum).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("hashes the raw bytes, so a BOM or CRLF changes the checksum", () => {
    addMigration("20260101000000_lf", "SELECT 1;\n");
    addMigration("20260102000000_crlf", "SELECT 1;\r\n");
    addMigration(
      "20260103000000_bom",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("SELECT 1;\n")]),
    );
    const checksums = readMigrations(dir).map((m) => m.checksum);
    expect(new Set(checksums).size).toBe(3);
  });
});

describe("readMigrations with a broken folder", () => {
  it("throws naming the migration folder that has no migration.sql", () => {
    addMigration("20260101000000_a", "SELECT 1;");
    fs.mkdirSync(path.join(dir, "20260201000000_empty"));
    expect(() => readMigrations(dir)).toThrow("20260201000000_empty");
  });

  it("throws naming the migrations directory when it does not exist", () => {
    const missing = path.join(dir, "nope");
    expect(() => readMigrations(missing)).toThrow(missing);
  });
});

describe("readMigrations with an empty directory", () => {
  it("returns no migrations", () => {
    expect(readMigrations(dir)).toEqual([]);
  });
});
