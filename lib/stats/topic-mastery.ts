import { states, type CardMemory, type Scheduler } from "@/lib/srs/scheduler";

export type MasteryTopic = { id: string; title: string; cardCount: number };
export type MasteryCard = { topicId: string; memory: CardMemory };

export type TopicMastery = {
  id: string;
  title: string;
  /** Live cards in the topic. */
  cards: number;
  /** Of those, cards this user has studied (not new). */
  studied: number;
  /** studied / cards (0 for a topic without cards). */
  coverage: number;
  /** Mean probability of recall now over all the topic's cards; an unstudied card counts 0. */
  mastery: number;
};

export type MasteryReport = {
  /** In the order given (content order). */
  topics: TopicMastery[];
  /**
   * The started topic with the lowest mastery, or null if none was started: a
   * topic not yet begun is reported as "not started" rather than as weak.
   */
  weakest: string | null;
};

/**
 * Per-topic mastery: how much of each interview area the user would recall now.
 * `cards` are the user's state rows of live cards; the topics' `cardCount`
 * includes the cards never studied.
 */
export function topicMastery(
  topics: readonly MasteryTopic[],
  cards: readonly MasteryCard[],
  scheduler: Pick<Scheduler, "retrievability">,
  now: Date,
): MasteryReport {
  const sums = new Map<string, { recall: number; studied: number }>();
  for (const { topicId, memory } of cards) {
    if (memory.state === states.new) continue;
    const sum = sums.get(topicId) ?? { recall: 0, studied: 0 };
    sum.recall += scheduler.retrievability(memory, now);
    sum.studied++;
    sums.set(topicId, sum);
  }
  const rows = topics.map((topic): TopicMastery => {
    const sum = sums.get(topic.id) ?? { recall: 0, studied: 0 };
    const cardsInTopic = Math.max(topic.cardCount, sum.studied);
    return {
      id: topic.id,
      title: topic.title,
      cards: cardsInTopic,
      studied: sum.studied,
      coverage: cardsInTopic === 0 ? 0 : sum.studied / cardsInTopic,
      mastery: cardsInTopic === 0 ? 0 : sum.recall / cardsInTopic,
    };
  });
  let weakest: TopicMastery | null = null;
  for (const row of rows) {
    if (row.studied > 0 && (weakest === null || row.mastery < weakest.mastery)) weakest = row;
  }
  return { topics: rows, weakest: weakest?.id ?? null };
}
