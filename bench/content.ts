/**
 * `npm run bench:content`: how long checking and seeding take for the deck in
 * content/ and for a synthetic deck 20× its size (every card copied with new
 * ids), on a fresh SQLite file. Prints figures and the ratio per card.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadDeck } from "../lib/content";
import { createDb } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { syncDeck } from "../lib/repo/sync-deck";

const COPIES = 20;

function syntheticDeck(source: string, copies: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "gradus-bench-deck-"));
  fs.copyFileSync(path.join(source, "concepts.yml"), path.join(root, "concepts.yml"));
  for (const topic of fs.readdirSync(source, { withFileTypes: true }).filter((e) => e.isDirectory())) {
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

const source = path.resolve("content");
const base = await measure("deck", source);
const big = syntheticDeck(source, COPIES);
const scaled = await measure(`synthetic ×${COPIES}`, big);
fs.rmSync(big, { recursive: true, force: true });
const perCard = (r: typeof base) => (r.checkMs + r.seedMs) / r.cards;
console.log(
  `check+seed per card: ×${COPIES} deck / deck = ${(perCard(scaled) / perCard(base)).toFixed(2)} (1.00 = linear)`,
);
