import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CustomStudy } from "@/lib/srs/custom-study";
import type { CardMemory } from "@/lib/srs/scheduler";
import { cardInStudy, hasTag, memoryColumns, scheduledFor, toMemory } from "./study";

/** A card that may enter a custom session, with this user's memory of it (null = never studied). */
export type CustomRow = { cardId: string; memory: CardMemory | null; order: number; failedAt?: Date };

const DAY_MS = 86_400_000;

const contentOrder = [{ topic: { position: "asc" } }, { difficulty: "asc" }, { id: "asc" }] as const;

/**
 * The candidates of a custom session for one user. Suspended cards never
 * take part; a cram session may pick a paused topic or tag on purpose, the
 * other modes respect pauses like the day's queue does.
 */
export async function customCandidates(
  db: Db,
  userId: string,
  study: CustomStudy,
  window: { now: Date; dayStart: Date; nextDayStart: Date; pausedTags: string[] },
): Promise<CustomRow[]> {
  if (study.mode === "cram") return cramCandidates(db, userId, study);

  if (study.mode === "ahead") {
    const rows = await db.cardState.findMany({
      where: {
        ...scheduledFor(userId, window.now, window.pausedTags),
        due: { lt: new Date(window.nextDayStart.getTime() + study.days * DAY_MS) },
      },
      select: { cardId: true, ...memoryColumns },
      orderBy: [{ due: "asc" }, { cardId: "asc" }],
    });
    return rows.map(({ cardId, ...row }, order) => ({ cardId, memory: toMemory(row), order }));
  }

  // forgotten: the latest grade of the day was Again.
  const logs = await db.reviewLog.findMany({
    where: { userId, reviewedAt: { gte: window.dayStart } },
    orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
    select: { cardId: true, rating: true, reviewedAt: true },
  });
  const latest = new Map<string, { rating: number; at: Date }>();
  for (const log of logs) latest.set(log.cardId, { rating: log.rating, at: log.reviewedAt });
  const failed = [...latest].filter(([, l]) => l.rating === 1);
  if (failed.length === 0) return [];
  const states = await db.cardState.findMany({
    where: {
      userId,
      cardId: { in: failed.map(([id]) => id) },
      suspended: false,
      card: cardInStudy(userId, window.pausedTags),
    },
    select: { cardId: true, ...memoryColumns },
  });
  return states.map(({ cardId, ...row }, order) => ({
    cardId,
    memory: toMemory(row),
    order,
    failedAt: latest.get(cardId)!.at,
  }));
}

async function cramCandidates(
  db: Db,
  userId: string,
  study: Extract<CustomStudy, { mode: "cram" }>,
): Promise<CustomRow[]> {
  const where = { retiredAt: null, ...(study.topic ? { topicId: study.topic } : hasTag(study.tag!)) };
  const cards = await db.card.findMany({
    where,
    orderBy: [...contentOrder],
    select: { id: true, cardStates: { where: { userId }, select: { suspended: true, ...memoryColumns } } },
  });
  if (cards.length === 0) {
    throw new AppError(
      "NOT_FOUND",
      study.topic ? `topic "${study.topic}" has no cards` : `no card is tagged "${study.tag}"`,
    );
  }
  return cards.flatMap((card, order): CustomRow[] => {
    const state = card.cardStates[0];
    if (state?.suspended) return [];
    if (!state) return [{ cardId: card.id, memory: null, order }];
    const { suspended: _suspended, ...row } = state;
    return [{ cardId: card.id, memory: toMemory(row), order }];
  });
}
