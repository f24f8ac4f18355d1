/**
 * `npm run bench:content`: how long checking and seeding take for the deck in
 * content/ and for a synthetic deck 20× its size (every card copied with new
 * ids), on a fresh SQLite file. Prints figures and the ratio per card.
 * `--quick`: one topic of the deck and a ×2 copy of it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadDeck } from "../lib/content";
import { createDb } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { syncDeck } from "../lib/repo/sync-deck";

import { quick, sized } from "./support/quick";

const COPIES = sized(20, 2);

/** The deck's topic folders; under `--quick` only the first, whose cards relate only to each other. */
function topicsOf(source: string): fs.Dirent[] {
  const all = fs.readdirSync(source, { withFileTypes: true }).filter((e) => e.isDirectory());
  return quick ? all.slice(0, 1) : all;
}

/** concepts.yml, cut to the concepts the given topics' cards name (every concept must have a card). */
function conceptsOf(source: string, topics: fs.Dirent[]): string {
  const text = fs.readFileSync(path.join(source, "concepts.yml"), "utf8");
  if (!quick) return text;
  const named = new Set<string>();
  for (const topic of topics) {
    for (const file of fs.readdirSync(path.join(source, topic.name))) {
      const card = fs.readFileSync(path.join(source, topic.name, file), "utf8");
      for (const id of /^concepts: \[(.*)\]$/m.exec(card)?.[1]?.split(",") ?? []) named.add(id.trim());
    }
  }
  return text
    .split("\n")
    .filter((line) => !line.startsWith("- { id: ") || named.has(/^- \{ id: ([^,]+),/.exec(line)?.[1] ?? ""))
    .join("\n");
}

function syntheticDeck(source: string, copies: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "gradus-bench-deck-"));
  const topics = topicsOf(source);
  fs.writeFileSync(path.join(root, "concepts.yml"), conceptsOf(source, topics));
  for (const topic of topics) {
    const from = path.join(source, topic.name);
    const to = path.join(root, topic.name);
    fs.mkdirSync(to);
    fs.copyFileSync(path.join(from, "_topic.md"), path.join(to, "_topic.md"));
    for (const file of fs.readdirSync(from).filter((f) => f !== "_topic.md")) {
      const text = fs.readFileSync(path.join(from, file), "utf8");
      for (let copy = 0; copy < copies; copy++) {
        // Suffix the card's own id and its related ids, so every copy is a consistent deck.
        const renamed = text.replace(/^id: (.+)$/m, `id: $1-c${copy}`).replace(
          /^related: \[(.*)\]$/m,
          (_m, list: string) =>
            `related: [${list
              .split(",")
              .map((id) => id.trim())
              .filter(Boolean)
              .map((id) => `${id}-c${copy}`)
              .join(", ")}]`,
        );
        fs.writeFileSync(path.join(to, file.replace(/\.md$/, `-c${copy}.md`)), renamed);
      }
    }
  }
  return root;
}

async function measure(
  label: string,
  root: string,
): Promise<{ cards: number; checkMs: number; seedMs: number }> {
  const t0 = performance.now();
  const { deck, issues } = loadDeck(root);
  const checkMs = performance.now() - t0;
  if (issues.length > 0)
    throw new Error(`${label}: ${issues.length} content problems, first: ${issues[0]?.message}`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gradus-bench-db-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrateDatabase(url);
  const db = createDb(url);
  const t1 = performance.now();
  await syncDeck(db, deck, new Date());
  const seedMs = performance.now() - t1;
  const t2 = performance.now();
  await syncDeck(db, deck, new Date());
  const reseedMs = performance.now() - t2;
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });

  const cards = deck.cards.length;
  console.log(
    `${label.padEnd(22)} ${String(cards).padStart(5)} cards  check ${checkMs.toFixed(0).padStart(6)} ms (${(checkMs / cards).toFixed(2)} ms/card)` +
      `  seed ${seedMs.toFixed(0).padStart(6)} ms  re-seed (no change) ${reseedMs.toFixed(0).padStart(5)} ms`,
  );
  return { cards, checkMs, seedMs };
}

/** Under `--quick`, a copy of the deck's first topic; else the deck itself. */
function baseDeck(): { root: string; cleanUp: () => void } {
  const content = path.resolve("content");
  if (!quick) return { root: content, cleanUp: () => {} };
  const root = syntheticDeck(content, 1);
  return { root, cleanUp: () => fs.rmSync(root, { recursive: true, force: true }) };
}

const { root: source, cleanUp } = baseDeck();
const base = await measure(quick ? "first topic" : "deck", source);
const big = syntheticDeck(source, COPIES);
const scaled = await measure(`synthetic ×${COPIES}`, big);
fs.rmSync(big, { recursive: true, force: true });
cleanUp();
const perCard = (r: typeof base) => (r.checkMs + r.seedMs) / r.cards;
console.log(
  `check+seed per card: ×${COPIES} deck / deck = ${(perCard(scaled) / perCard(base)).toFixed(2)} (1.00 = linear)`,
);
