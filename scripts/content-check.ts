/** `npm run content:check`: validate every content file; print each problem as path:line: field: message. */
import path from "node:path";
import { formatIssues, loadDeck } from "../lib/content";

const root = path.resolve(process.argv[2] ?? "content");
const started = performance.now();
const { deck, concepts, issues } = loadDeck(root);
const ms = Math.round(performance.now() - started);

if (issues.length > 0) {
  console.error(formatIssues(issues));
  console.error(`\n${issues.length} problem(s) in ${path.relative(process.cwd(), root) || "."}`);
  process.exit(1);
}
const byType = deck.cards.reduce<Record<string, number>>(
  (acc, c) => ({ ...acc, [c.type]: (acc[c.type] ?? 0) + 1 }),
  {},
);
console.log(
  `content ok: ${deck.topics.length} topics, ${deck.cards.length} cards (${Object.entries(byType)
    .map(([t, n]) => `${n} ${t}`)
    .join(", ")}), ${concepts.length} concepts, checked in ${ms} ms`,
);
