import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import type { AccountExport } from "@/lib/account/export-format";
import { AppError } from "@/lib/errors";
import { memoryColumns, memoryData, reviewLogData, studyScope } from "./study";
import { userScope } from "./user-scope";

const stateColumns = {
  cardId: true,
  ...memoryColumns,
  suspended: true,
  buriedUntil: true,
  flagged: true,
} as const;

const logColumns = {
  clientId: true,
  cardId: true,
  rating: true,
  state: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  lastElapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reviewedAt: true,
  durationMs: true,
  previous: true,
} as const;

/** Everything the user owns, ready for JSON (dates stay Date; JSON.stringify writes ISO strings). */
export async function exportAccount(db: Db, userId: string, now: Date) {
  const [preferences, study, pausedTags, topics, cardStates, reviewLogs] = await Promise.all([
    userScope(db, userId).preferences(),
    studyScope(db, userId).settings(),
    studyScope(db, userId).pausedTags(),
    db.userTopic.findMany({
      where: { userId },
      select: { topicId: true, paused: true },
      orderBy: { topicId: "asc" },
    }),
    db.cardState.findMany({ where: { userId }, select: stateColumns, orderBy: { cardId: "asc" } }),
    db.reviewLog.findMany({
      where: { userId },
      select: logColumns,
      orderBy: [{ reviewedAt: "asc" }, { clientId: "asc" }],
    }),
  ]);
  return {
    format: "gradus-account" as const,
    version: 1 as const,
    exportedAt: now,
    preferences,
    study,
    topics,
    pausedTags,
    cardStates,
    reviewLogs,
  };
}

/**
 * Replaces the user's settings, topic choices, card states and review log with
 * an export's, in one transaction. Cards or topics this deck does not have are
 * refused up front (nothing is written), so an import never half-applies.
 */
export async function importAccount(
  db: Db,
  userId: string,
  data: AccountExport,
): Promise<{ cardStates: number; reviewLogs: number }> {
  const cardIds = [
    ...new Set([...data.cardStates.map((s) => s.cardId), ...data.reviewLogs.map((l) => l.cardId)]),
  ];
  const known = new Set(
    (await db.card.findMany({ where: { id: { in: cardIds } }, select: { id: true } })).map((c) => c.id),
  );
  const missing = cardIds.filter((id) => !known.has(id));
  const topicIds = data.topics.map((t) => t.topicId);
  const knownTopics = new Set(
    (await db.topic.findMany({ where: { id: { in: topicIds } }, select: { id: true } })).map((t) => t.id),
  );
  const missingTopics = topicIds.filter((id) => !knownTopics.has(id));
  if (missing.length > 0 || missingTopics.length > 0) {
    throw new AppError(
      "INVALID_INPUT",
      `the export refers to cards or topics this deck does not have: ${[...missing, ...missingTopics].slice(0, 10).join(", ")}${missing.length + missingTopics.length > 10 ? ", …" : ""}`,
    );
  }
  await db.$transaction(
    async (tx) => {
      await tx.reviewLog.deleteMany({ where: { userId } });
      await tx.cardState.deleteMany({ where: { userId } });
      await tx.userTopic.deleteMany({ where: { userId } });
      await tx.userSettings.update({
        where: { userId },
        data: {
          locale: data.preferences.locale,
          theme: data.preferences.theme,
          desiredRetention: data.study.desiredRetention,
          maximumInterval: data.study.maximumInterval,
          newCardsPerDay: data.study.newCardsPerDay,
          reviewsPerDay: data.study.reviewsPerDay,
          learningSteps: JSON.stringify(data.study.learningSteps),
          relearningSteps: JSON.stringify(data.study.relearningSteps),
          fuzz: data.study.fuzz,
          dayStartHour: data.study.dayStartHour,
          timeZone: data.study.timeZone,
          fsrsParams: data.study.fsrsParams ? JSON.stringify(data.study.fsrsParams) : null,
          pausedTags: JSON.stringify(data.pausedTags),
          studyEpoch: { increment: 1 }, // every card's state was replaced
        },
      });
      // Column by column: never spread imported data into a write (lib/repo/study/memory-columns.ts).
      if (data.topics.length)
        await tx.userTopic.createMany({
          data: data.topics.map((t) => ({ userId, topicId: t.topicId, paused: t.paused })),
        });
      if (data.cardStates.length)
        await tx.cardState.createMany({
          data: data.cardStates.map((s) => ({
            userId,
            cardId: s.cardId,
            ...memoryData(s),
            suspended: s.suspended,
            buriedUntil: s.buriedUntil,
            flagged: s.flagged,
            version: s.version,
          })),
        });
      if (data.reviewLogs.length) {
        await tx.reviewLog.createMany({
          data: data.reviewLogs.map((l) => ({
            id: randomUUID(),
            userId,
            clientId: l.clientId,
            cardId: l.cardId,
            ...reviewLogData(l),
            durationMs: l.durationMs,
            previous: l.previous,
          })),
        });
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { cardStates: data.cardStates.length, reviewLogs: data.reviewLogs.length };
}
