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
 * Makes the database match a validated deck in one transaction: new cards are
 * inserted, changed ones updated in place by id (users' states and logs point
 * at the id, so they survive), removed ones retired, never deleted.
 */
export async function syncDeck(db: Db, deck: Deck, now: Date): Promise<SyncReport> {
  return db.$transaction(
    async (tx) => {
      const topicPlan = planSync(
        await tx.topic.findMany({ select: { id: true, contentHash: true, retiredAt: true } }),
        deck.topics,
      );
      const cardPlan = planSync(
        await tx.card.findMany({ select: { id: true, contentHash: true, retiredAt: true } }),
        deck.cards,
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
