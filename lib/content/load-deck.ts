import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { buildCard } from "./build-card";
import { parseFrontMatter, splitFrontMatter } from "./front-matter";
import type { ContentIssue } from "./issues";
import { cardFrontMatterSchema, conceptsSchema, topicSchema, type Concept } from "./schema";
import { parseBody } from "./sections";
import type { Deck, LoadedCard, LoadedTopic } from "./types";

/** Bump when rendering changes, so the seeder re-renders every card. */
export const RENDER_VERSION = "1";

const TOPIC_FILE = "_topic.md";

export type LoadResult = { deck: Deck; concepts: Concept[]; issues: ContentIssue[] };

/** Line of a top-level front-matter key, for problems found after parsing (duplicate ids, unknown references). */
const keyLines = new WeakMap<LoadedCard, (key: string) => number>();
function lineFinder(text: string): (key: string) => number {
  const lines = text.split("\n");
  return (key) => {
    const index = lines.findIndex((l) => l.startsWith(`${key}:`));
    return index >= 0 ? index + 1 : 1;
  };
}

const hashOf = (text: string) =>
  createHash("sha256").update(RENDER_VERSION).update("\0").update(text).digest("hex");

/**
 * Reads the whole content folder and reports every problem at once. The deck
 * is only usable when `issues` is empty.
 */
export function loadDeck(root: string): LoadResult {
  const rel = (file: string) => path.relative(process.cwd(), file) || file;
  const issues: ContentIssue[] = [];
  const topics: LoadedTopic[] = [];
  const cards: LoadedCard[] = [];
  const concepts = loadConcepts(path.join(root, "concepts.yml"), rel, issues);

  const folders = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

  for (const folder of folders) {
    const dir = path.join(root, folder);
    const topicPath = path.join(dir, TOPIC_FILE);
    if (!fs.existsSync(topicPath)) {
      issues.push({ file: rel(dir), line: 1, field: "topic", message: `missing ${TOPIC_FILE}` });
    } else {
      const topic = loadTopic(topicPath, rel(topicPath), folder, issues);
      if (topic) topics.push(topic);
    }
    for (const name of fs
      .readdirSync(dir)
      .filter((n) => n.endsWith(".md") && n !== TOPIC_FILE)
      .sort()) {
      const card = loadCard(path.join(dir, name), rel(path.join(dir, name)), folder, issues);
      if (card) cards.push(card);
    }
  }

  crossCheck(cards, concepts, issues, path.join(root, "concepts.yml"));
  topics.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { deck: { topics, cards }, concepts, issues };
}

function readSplit(file: string, shown: string, issues: ContentIssue[]) {
  const text = fs.readFileSync(file, "utf8");
  const split = splitFrontMatter(text);
  if (!split)
    issues.push({
      file: shown,
      line: 1,
      field: "front matter",
      message: "missing front matter (a --- block at the top)",
    });
  return { text, split };
}

function loadTopic(file: string, shown: string, folder: string, issues: ContentIssue[]): LoadedTopic | null {
  const { text, split } = readSplit(file, shown, issues);
  if (!split) return null;
  const parsed = parseFrontMatter(shown, split, topicSchema);
  issues.push(...parsed.issues);
  if (!parsed.data) return null;
  if (parsed.data.id !== folder) {
    issues.push({
      file: shown,
      line: split.yamlLine,
      field: "id",
      message: `topic id "${parsed.data.id}" must equal its folder name "${folder}"`,
    });
    return null;
  }
  return { ...parsed.data, sourcePath: shown, contentHash: hashOf(text) };
}

function loadCard(file: string, shown: string, folder: string, issues: ContentIssue[]): LoadedCard | null {
  const { text, split } = readSplit(file, shown, issues);
  if (!split) return null;
  const meta = parseFrontMatter(shown, split, cardFrontMatterSchema);
  issues.push(...meta.issues);
  const body = parseBody(shown, split.body, split.bodyLine);
  issues.push(...body.issues);
  if (!meta.data) return null;
  if (meta.data.topic !== folder) {
    issues.push({
      file: shown,
      line: split.yamlLine,
      field: "topic",
      message: `topic "${meta.data.topic}" must equal the folder "${folder}"`,
    });
  }
  const built = buildCard(shown, meta.data, body.body);
  issues.push(...built.issues);
  if (!built.card || body.issues.length > 0) return null;
  const card = { ...built.card, sourcePath: shown, contentHash: hashOf(text) };
  keyLines.set(card, lineFinder(text));
  return card;
}

function loadConcepts(file: string, shown: (f: string) => string, issues: ContentIssue[]): Concept[] {
  const name = shown(file);
  if (!fs.existsSync(file)) {
    issues.push({ file: name, line: 1, field: "concepts", message: "missing concepts.yml" });
    return [];
  }
  const doc = parseDocument(fs.readFileSync(file, "utf8"));
  if (doc.errors.length > 0) {
    issues.push({
      file: name,
      line: 1,
      field: "concepts",
      message: `invalid YAML: ${doc.errors[0]?.message.split("\n")[0]}`,
    });
    return [];
  }
  const parsed = conceptsSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ file: name, line: 1, field: `concepts.${issue.path.join(".")}`, message: issue.message });
    }
    return [];
  }
  return parsed.data;
}

/** Checks that need the whole deck: unique ids, known related ids and concepts, every concept covered. */
function crossCheck(
  cards: LoadedCard[],
  concepts: Concept[],
  issues: ContentIssue[],
  conceptsFile: string,
): void {
  const line = (card: LoadedCard, key: string) => keyLines.get(card)?.(key) ?? 1;
  const byId = new Map<string, LoadedCard>();
  for (const card of cards) {
    const first = byId.get(card.id);
    if (first) {
      issues.push({
        file: card.sourcePath,
        line: line(card, "id"),
        field: "id",
        message: `duplicate id "${card.id}" (also in ${first.sourcePath})`,
      });
    } else byId.set(card.id, card);
  }
  const conceptIds = new Set(concepts.map((c) => c.id));
  const covered = new Set<string>();
  for (const card of cards) {
    for (const id of card.related) {
      if (!byId.has(id))
        issues.push({
          file: card.sourcePath,
          line: line(card, "related"),
          field: "related",
          message: `unknown card id "${id}"`,
        });
      if (id === card.id)
        issues.push({
          file: card.sourcePath,
          line: line(card, "related"),
          field: "related",
          message: "a card cannot be related to itself",
        });
    }
    for (const id of card.concepts) {
      if (!conceptIds.has(id))
        issues.push({
          file: card.sourcePath,
          line: line(card, "concepts"),
          field: "concepts",
          message: `unknown concept "${id}" (not in content/concepts.yml)`,
        });
      covered.add(id);
    }
  }
  if (cards.length > 0 && concepts.length > 0) {
    const findLine = lineFinder(fs.readFileSync(conceptsFile, "utf8").replace(/^- \{ id: /gm, ""));
    for (const concept of concepts.filter((c) => !covered.has(c.id))) {
      issues.push({
        file: path.relative(process.cwd(), conceptsFile),
        line: findLine(`${concept.id},`),
        field: `concepts.${concept.id}`,
        message: "no card covers this concept",
      });
    }
  }
}
