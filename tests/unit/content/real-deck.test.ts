import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssues, loadDeck } from "@/lib/content";

// The committed deck itself: valid, big enough, and covering every concept of the sources.
describe("the deck in content/", () => {
  const { deck, concepts, issues } = loadDeck(path.resolve("content"));

  it("has no content problems", () => {
    expect(formatIssues(issues)).toBe("");
  });

  it("has at least 150 cards with a mix of all four types", () => {
    const count = (type: string) => deck.cards.filter((c) => c.type === type).length;
    expect(deck.cards.length).toBeGreaterThanOrEqual(150);
    expect(count("mcq")).toBeGreaterThanOrEqual(25);
    expect(count("numeric")).toBeGreaterThanOrEqual(20);
    expect(count("cloze")).toBeGreaterThan(0);
    expect(count("basic")).toBeGreaterThan(0);
  });

  it("covers every concept of concepts.yml, and names no other", () => {
    const named = new Set(deck.cards.flatMap((c) => c.concepts));
    expect(concepts.filter((c) => !named.has(c.id)).map((c) => c.id)).toEqual([]);
    const known = new Set(concepts.map((c) => c.id));
    expect([...named].filter((id) => !known.has(id))).toEqual([]);
  });

  it("cites a seed document on every card", () => {
    expect(deck.cards.filter((c) => !c.sources.some((s) => "doc" in s)).map((c) => c.id)).toEqual([]);
  });
}, 60_000);
