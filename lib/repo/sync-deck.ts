import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import type { Deck, LoadedCard, LoadedTopic } from "@/lib/content";
import { planSync, type SyncPlan } from "@/lib/content/plan-sync";

export type SyncReport = { topics: SyncPlan; cards: SyncPlan };

function topicRow(topic: LoadedTopic) {
  return {
    position: topic.order,
    titleRu: topic.title.ru,
    titleEn: topic.title.en,
    descriptionRu: topic.description.ru,
    descriptionEn: topic.description.en,
    contentHash: topic.contentHash,
    retiredAt: null,
  };
}

function cardRow(card: LoadedCard) {
  const extra = (side: LoadedCard["ru"]) =>
    JSON.stringify({
      revealed: side.revealed,
      options: side.options,
      unit: side.unit,
      numeric: card.numeric ?? undefined,
    });
  return {
    topicId: card.topic,
    type: card.type,
    difficulty: card.difficulty,
    tags: JSON.stringify(card.tags),
    concepts: JSON.stringify(card.concepts),
    frontRu: card.ru.front,
    backRu: card.ru.back,
    frontEn: card.en.front,
    backEn: card.en.back,
    extraRu: extra(card.ru),
    extraEn: extra(card.en),
    sources: JSON.stringify(card.sources),
    related: JSON.stringify(card.related),
    example: card.example ? JSON.stringify(card.example) : null,
    searchText: card.searchText,
    sourcePath: card.sourcePath,
    contentHash: card.contentHash,
    retiredAt: null,
  };
}

/**
 * A digest of exactly the columns the sync writes. Rows are compared by what
 * they hold, not by their stored `contentHash`: a row changed behind the
 * seeder's back (a tampered card text) no longer matches its source and is
 * rewritten, whatever hash it still carries.
 */
function digest(row: Record<string, unknown>, columns: readonly string[]): string {
  const hash = createHash("sha256");
  for (const column of columns) hash.update(`${column}\0${JSON.stringify(row[column] ?? null)}\0`);
  return hash.digest("hex");
}

/** Every column topicRow / cardRow write but retiredAt (`satisfies` keeps the lists complete). */
type Written<F extends (...args: never[]) => object> = Exclude<keyof ReturnType<F>, "retiredAt">;
const topicSelect = {
  position: true,
  titleRu: true,
  titleEn: true,
  descriptionRu: true,
  descriptionEn: true,
  contentHash: true,
} as const satisfies Record<Written<typeof topicRow>, true>;
const cardSelect = {
  topicId: true,
  type: true,
  difficulty: true,
  tags: true,
  concepts: true,
  frontRu: true,
  backRu: true,
  frontEn: true,
  backEn: true,
  extraRu: true,
  extraEn: true,
  sources: true,
  related: true,
  example: true,
  searchText: true,
  sourcePath: true,
  contentHash: true,
} as const satisfies Record<Written<typeof cardRow>, true>;
const topicColumns = Object.keys(topicSelect);
const cardColumns = Object.keys(cardSelect);

/**
 * Makes the database match a validated deck in one transaction: new cards are
 * inserted, changed ones updated in place by id (users' states and logs point
 * at the id, so they survive), removed ones retired, never deleted. A stored
 * row that differs from what its source renders in any written column is
 * repaired.
 */
export async function syncDeck(db: Db, deck: Deck, now: Date): Promise<SyncReport> {
  return db.$transaction(
    async (tx) => {
      const stored = <R extends { id: string; retiredAt: Date | null }>(rows: R[], columns: string[]) =>
        rows.map((r) => ({ id: r.id, retiredAt: r.retiredAt, contentHash: digest(r, columns) }));
      const always = { id: true, retiredAt: true } as const;
      const topicPlan = planSync(
        stored(await tx.topic.findMany({ select: { ...always, ...topicSelect } }), topicColumns),
        deck.topics.map((t) => ({ id: t.id, contentHash: digest(topicRow(t), topicColumns) })),
      );
      const cardPlan = planSync(
        stored(await tx.card.findMany({ select: { ...always, ...cardSelect } }), cardColumns),
        deck.cards.map((c) => ({ id: c.id, contentHash: digest(cardRow(c), cardColumns) })),
      );
      const topics = new Map(deck.topics.map((t) => [t.id, t]));
      const cards = new Map(deck.cards.map((c) => [c.id, c]));

      for (const id of topicPlan.add) await tx.topic.create({ data: { id, ...topicRow(topics.get(id)!) } });
      for (const id of topicPlan.update)
        await tx.topic.update({ where: { id }, data: topicRow(topics.get(id)!) });

      if (cardPlan.add.length > 0) {
        await tx.card.createMany({
          data: cardPlan.add.map((id) => ({
            id,
            ...cardRow(cards.get(id)!),
            createdAt: now,
            updatedAt: now,
          })),
        });
      }
      for (const id of cardPlan.update)
        await tx.card.update({ where: { id }, data: { ...cardRow(cards.get(id)!), updatedAt: now } });
      if (cardPlan.retire.length > 0) {
        await tx.card.updateMany({ where: { id: { in: cardPlan.retire } }, data: { retiredAt: now } });
      }
      if (topicPlan.retire.length > 0) {
        await tx.topic.updateMany({ where: { id: { in: topicPlan.retire } }, data: { retiredAt: now } });
      }
      return { topics: topicPlan, cards: cardPlan };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
