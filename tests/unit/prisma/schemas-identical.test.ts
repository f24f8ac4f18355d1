import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const kinds = ["sqlite", "postgresql"] as const;
type Kind = (typeof kinds)[number];

const schemaLines = (kind: Kind) =>
  fs.readFileSync(path.join(root, "prisma", kind, "schema.prisma"), "utf8").split(/\r?\n/);
const migrationsDir = (kind: Kind) => path.join(root, "prisma", kind, "migrations");

/** Index of the single line matching `setting` inside the block opened by `header`. */
function lineInBlock(lines: string[], header: RegExp, setting: RegExp): number {
  const start = lines.findIndex((line) => header.test(line));
  expect(start, `block ${header} not found`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && /^\s*}\s*$/.test(line));
  expect(end, `block ${header} not closed`).toBeGreaterThan(start);
  const hits = lines.map((line, i) => i).filter((i) => i > start && i < end && setting.test(lines[i]!));
  expect(hits, `lines matching ${setting} in block ${header}`).toHaveLength(1);
  return hits[0]!;
}

function quotedValue(line: string): string | undefined {
  return /=\s*"([^"]*)"/.exec(line)?.[1];
}

function parts(kind: Kind) {
  const lines = schemaLines(kind);
  const output = lineInBlock(lines, /^\s*generator\s+client\s*{/, /^\s*output\s*=/);
  const provider = lineInBlock(lines, /^\s*datasource\s+db\s*{/, /^\s*provider\s*=/);
  return {
    output: quotedValue(lines[output]!),
    provider: quotedValue(lines[provider]!),
    rest: lines.filter((_, i) => i !== output && i !== provider),
  };
}

describe("the SQLite and PostgreSQL Prisma schemas", () => {
  it("declare the providers sqlite and postgresql", () => {
    expect(parts("sqlite").provider).toBe("sqlite");
    expect(parts("postgresql").provider).toBe("postgresql");
  });

  it("generate their clients into different folders", () => {
    expect(parts("sqlite").output).toBeDefined();
    expect(parts("sqlite").output).not.toBe(parts("postgresql").output);
  });

  it("are identical apart from the generator output and datasource provider lines", () => {
    expect(parts("postgresql").rest).toEqual(parts("sqlite").rest);
  });
});

describe("the migrations folders", () => {
  it.each(kinds)("for %s has a migration_lock.toml naming its provider", (kind) => {
    const lock = fs.readFileSync(path.join(migrationsDir(kind), "migration_lock.toml"), "utf8");
    expect(/^\s*provider\s*=\s*"([^"]+)"/m.exec(lock)?.[1]).toBe(kind);
  });

  const migrationNames = (kind: Kind) =>
    fs
      .readdirSync(migrationsDir(kind), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();

  it("hold the same migration names for both providers", () => {
    expect(migrationNames("sqlite").length).toBeGreaterThan(0);
    expect(migrationNames("postgresql")).toEqual(migrationNames("sqlite"));
  });

  it.each(kinds)("for %s gives every migration a non-empty migration.sql", (kind) => {
    for (const name of migrationNames(kind)) {
      const file = path.join(migrationsDir(kind), name, "migration.sql");
      expect(fs.existsSync(file), file).toBe(true);
      expect(fs.readFileSync(file, "utf8").trim(), file).not.toBe("");
    }
  });
});
