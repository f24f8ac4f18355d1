import { z } from "zod";
import type { Db } from "@/lib/db";
import type { RenderedOption, Source } from "@/lib/content";
import type { Locale } from "@/lib/settings/preferences";

/** Read side of the deck (not user data): topics, card lists with search, one card. */

export type TopicSummary = { id: string; title: string; description: string; cardCount: number };
export type CardListItem = { id: string; type: string; difficulty: number; frontHtml: string };
export type CardView = {
  id: string;
  topicId: string;
  topicTitle: string;
  type: "basic" | "cloze" | "mcq" | "numeric";
  difficulty: number;
  tags: string[];
  frontHtml: string;
  backHtml: string;
  revealedHtml: string | null;
  options: RenderedOption[];
  numeric: { answer: number; tolerance: number; unit: string } | null;
  sources: Source[];
  related: { id: string; frontHtml: string }[];
  example: { id: string; params: Record<string, unknown> } | null;
};

const extraSchema = z.object({
  revealed: z.string().optional(),
  options: z
    .array(z.object({ html: z.string(), correct: z.boolean(), whyHtml: z.string().nullable() }))
    .optional(),
  unit: z.string().optional(),
  numeric: z.object({ answer: z.number(), tolerance: z.number() }).optional(),
});
const stringList = z.array(z.string());
const sourceList = z.array(
  z.union([
    z.object({ doc: z.string(), section: z.string() }),
    z.object({ title: z.string(), url: z.string() }),
  ]),
);

const live = { retiredAt: null };
const isRu = (locale: Locale) => locale === "ru";

export async function listTopics(db: Db, locale: Locale): Promise<TopicSummary[]> {
  const rows = await db.topic.findMany({
    where: live,
    orderBy: [{ position: "asc" }, { id: "asc" }],
    include: { _count: { select: { cards: { where: live } } } },
  });
  return rows.map((t) => ({
    id: t.id,
    title: isRu(locale) ? t.titleRu : t.titleEn,
    description: isRu(locale) ? t.descriptionRu : t.descriptionEn,
    cardCount: t._count.cards,
  }));
}

/** Every tag of the live deck with how many cards carry it, most used first. */
export async function listTags(db: Db): Promise<{ tag: string; count: number }[]> {
  const cards = await db.card.findMany({ where: live, select: { tags: true } });
  const counts = new Map<string, number>();
  for (const card of cards) {
    for (const tag of stringList.parse(JSON.parse(card.tags))) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export async function findTopic(
  db: Db,
  id: string,
  locale: Locale,
): Promise<Omit<TopicSummary, "cardCount"> | null> {
  const t = await db.topic.findFirst({ where: { id, ...live } });
  if (!t) return null;
  return {
    id: t.id,
    title: isRu(locale) ? t.titleRu : t.titleEn,
    description: isRu(locale) ? t.descriptionRu : t.descriptionEn,
  };
}

/** Every word of the query must occur in the card's searchable text (both languages, TeX commands as words). */
function searchFilter(query: string | undefined) {
  const words = (query ?? "")
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.map((word) => ({ searchText: { contains: word } }));
}

export async function listCards(
  db: Db,
  options: { topicId?: string; query?: string; locale: Locale; limit?: number },
): Promise<CardListItem[]> {
  const rows = await db.card.findMany({
    where: {
      ...live,
      ...(options.topicId ? { topicId: options.topicId } : {}),
      AND: searchFilter(options.query),
    },
    orderBy: [{ difficulty: "asc" }, { id: "asc" }],
    take: options.limit ?? 500,
    select: { id: true, type: true, difficulty: true, frontRu: true, frontEn: true },
  });
  return rows.map((c) => ({
    id: c.id,
    type: c.type,
    difficulty: c.difficulty,
    frontHtml: isRu(options.locale) ? c.frontRu : c.frontEn,
  }));
}

/** `withRelated: false` skips the related cards' query (the review screen does not show them). */
export async function findCard(
  db: Db,
  id: string,
  locale: Locale,
  options: { withRelated?: boolean } = {},
): Promise<CardView | null> {
  const c = await cardWithTopic(db, id);
  if (!c) return null;
  const relatedIds = stringList.parse(JSON.parse(c.related));
  const related =
    options.withRelated === false
      ? []
      : await db.card.findMany({
          where: { id: { in: relatedIds }, ...live },
          select: { id: true, frontRu: true, frontEn: true },
        });
  return toCardView(c, locale, related);
}

/** Several live cards by id, in the order asked (unknown or retired ones left out), without related cards. */
export async function findCards(db: Db, ids: readonly string[], locale: Locale): Promise<CardView[]> {
  if (ids.length === 0) return [];
  const rows = await db.card.findMany({ where: { id: { in: [...ids] }, ...live }, include: { topic: true } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toCardView(row, locale, [])] : [];
  });
}

/** Every live card in content order (topic, difficulty, id), as the card page shows it but without related cards. */
export async function listCardViews(db: Db, locale: Locale): Promise<CardView[]> {
  const rows = await db.card.findMany({
    where: live,
    include: { topic: true },
    orderBy: [{ topic: { position: "asc" } }, { difficulty: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => toCardView(row, locale, []));
}

type CardRow = NonNullable<Awaited<ReturnType<typeof cardWithTopic>>>;
const cardWithTopic = (db: Db, id: string) =>
  db.card.findFirst({ where: { id, ...live }, include: { topic: true } });
type RelatedRow = { id: string; frontRu: string; frontEn: string };

function toCardView(c: CardRow, locale: Locale, related: RelatedRow[]): CardView {
  const ru = isRu(locale);
  const extra = extraSchema.parse(JSON.parse(ru ? c.extraRu : c.extraEn));
  const relatedIds = stringList.parse(JSON.parse(c.related));
  return {
    id: c.id,
    topicId: c.topicId,
    topicTitle: ru ? c.topic.titleRu : c.topic.titleEn,
    type: c.type as CardView["type"],
    difficulty: c.difficulty,
    tags: stringList.parse(JSON.parse(c.tags)),
    frontHtml: ru ? c.frontRu : c.frontEn,
    backHtml: ru ? c.backRu : c.backEn,
    revealedHtml: extra.revealed ?? null,
    options: extra.options ?? [],
    numeric: extra.numeric ? { ...extra.numeric, unit: extra.unit ?? "" } : null,
    sources: sourceList.parse(JSON.parse(c.sources)) as Source[],
    related: relatedIds
      .map((rid) => related.find((r) => r.id === rid))
      .filter((r) => r !== undefined)
      .map((r) => ({ id: r.id, frontHtml: ru ? r.frontRu : r.frontEn })),
    example: c.example ? (JSON.parse(c.example) as CardView["example"]) : null,
  };
}
