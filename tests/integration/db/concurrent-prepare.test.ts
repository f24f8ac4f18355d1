import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDeck } from "@/lib/content";
import { createDb } from "@/lib/db/client";
import { emptyDatabase, testDbKind, type EmptyDatabase } from "../../fixtures/test-db";

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const deck = loadDeck("content").deck;

type Run = { code: number | null; output: string };

/** `scripts/prepare-db.ts` as `npm start` runs it, in its own process. */
function prepare(url: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsxCli, "scripts/prepare-db.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        SESSION_SECRET: "concurrent-prepare-secret-0123456789",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** The "N added" of the seed line's cards part; null when the run printed no seed line. */
function cardsAdded(output: string): number | null {
  const match = /seed: cards: (\d+) added/.exec(output);
  return match ? Number(match[1]) : null;
}

let database: EmptyDatabase;
let runs: Run[];
beforeAll(async () => {
  database = await emptyDatabase();
  runs = await Promise.all([prepare(database.url), prepare(database.url), prepare(database.url)]);
}, 300_000);
afterAll(async () => database.drop());

describe(`three instances preparing one empty ${testDbKind} database at once`, () => {
  // Regression: the second instance died in the seeder with
  // "Unique constraint failed on the constraint: Topic_pkey".
  it("all succeed", () => {
    for (const run of runs) expect(run.code, run.output).toBe(0);
  });

  it("seed the deck once: one instance adds every card, the others find them unchanged", () => {
    const added = runs.map((run) => cardsAdded(run.output)).sort((a, b) => (b ?? -1) - (a ?? -1));
    expect(added).toEqual([deck.cards.length, 0, 0]);
  });

  it("apply each migration once", () => {
    const applied = runs.map((run) => /migrate \(\w+\): (\d+) applied/.exec(run.output)?.[1]);
    expect(applied.filter((n) => n !== "0")).toHaveLength(1);
  });

  it("leave exactly the deck's cards and topics in the database", async () => {
    const db = createDb(database.url);
    try {
      expect(await db.card.count()).toBe(deck.cards.length);
      expect(await db.topic.count()).toBe(deck.topics.length);
    } finally {
      await db.$disconnect();
    }
  });
});
