import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedAnkiExport, clearAnkiCache } from "@/lib/content/anki-deck-cache";
import { ankiDownload } from "@/lib/content/anki-download";
import { seedContent } from "@/lib/content/seed";
import { deckVersion } from "@/lib/repo/deck-version";
import { basicCard, writeDeck } from "../../fixtures/content-deck";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
  await seedContent(t.db, writeDeck(), new Date("2026-01-01T00:00:00Z"));
  clearAnkiCache();
});
afterAll(async () => t.close());

describe("the Anki export cache for one deck version", () => {
  it("computes once for ten parallel requests and serves the same bytes", async () => {
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((r) => setTimeout(r, 20));
      return `deck ${computed}`;
    };
    const bodies = await Promise.all(Array.from({ length: 10 }, () => cachedAnkiExport("en", "v1", compute)));
    expect(new Set(bodies)).toEqual(new Set(["deck 1"]));
    expect(await cachedAnkiExport("en", "v1", compute)).toBe("deck 1");
    expect(await cachedAnkiExport("en", "v2", compute)).toBe("deck 2");
    expect(computed).toBe(2);
    clearAnkiCache();
  });

  it("does not keep a failed computation", async () => {
    await expect(cachedAnkiExport("ru", "v1", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cachedAnkiExport("ru", "v1", async () => "ok")).toBe("ok");
    clearAnkiCache();
  });
});

describe(`the Anki download on ${testDbKind}`, () => {
  it("serves the same bytes while the deck is unchanged, and the new text after a deck sync changes a card", async () => {
    const first = await ankiDownload(t.db, "en");
    const again = await ankiDownload(t.db, "en");
    expect(again.version).toBe(first.version);
    const body = await first.body();
    expect(await again.body()).toBe(body);
    expect(body).toContain("gradus-relu-definition");

    const changed = basicCard.replace("What is ReLU?", "What is ReLU? Reworded in this test.");
    expect(changed).not.toBe(basicCard);
    await seedContent(t.db, writeDeck({ "activations/relu-definition.md": changed }), new Date("2026-01-02T00:00:00Z"));
    const after = await ankiDownload(t.db, "en");
    expect(after.version).not.toBe(first.version);
    const newBody = await after.body();
    expect(newBody).not.toBe(body);
    expect(newBody).toContain("Reworded in this test.");
  });

  it("changes version when a card row changes without its content hash (a direct write), so the cache follows the database", async () => {
    const before = await deckVersion(t.db);
    await t.db.card.update({ where: { id: "relu-definition" }, data: { frontEn: "<p>changed in place</p>" } });
    const after = await ankiDownload(t.db, "en");
    expect(after.version).not.toBe(before);
    expect(await after.body()).toContain("changed in place");
  });
});
