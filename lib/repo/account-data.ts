import type { Db } from "@/lib/db";
import type { ReviewLogRecord } from "@/lib/account/export-format";
import { createPacer } from "@/lib/concurrency/pacer";
import { AppError } from "@/lib/errors";
import { IMPORT_CHUNK_ROWS } from "@/lib/limits";
import { accountImportScope, type ImportHead } from "./account-import";
import { memoryColumns, studyScope } from "./study";
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

export type ImportSource = ImportHead & {
  /** Validated review logs, a chunk at a time (an array is one chunk). */
  reviewLogs: readonly ReviewLogRecord[] | AsyncIterable<readonly ReviewLogRecord[]>;
};

/**
 * Replaces the user's settings, topic choices, card states and review log with an
 * export's, all or nothing, without holding the database for long (the steps are in
 * ./account-import.ts). Cards or topics this deck does not have, and duplicates, are
 * refused with INVALID_INPUT before anything the user sees changes.
 */
export async function importAccount(
  db: Db,
  userId: string,
  source: ImportSource,
  clock: () => Date = () => new Date(),
): Promise<{ cardStates: number; reviewLogs: number }> {
  const [cards, topics] = await Promise.all([
    db.card.findMany({ select: { id: true } }),
    db.topic.findMany({ select: { id: true } }),
  ]);
  const knownCards = new Set(cards.map((c) => c.id));
  checkHead(source, knownCards, new Set(topics.map((t) => t.id)));

  const imports = accountImportScope(db, userId);
  const importId = await imports.begin(clock());
  const pace = createPacer();
  let staged = 0;
  try {
    const seen = new Map<string, number>();
    for await (const chunk of chunks(source.reviewLogs)) {
      chunk.forEach((log, i) => checkLog(log, staged + i, seen, knownCards));
      await imports.stageLogs(importId, staged, chunk);
      staged += chunk.length;
      await imports.heartbeat(importId, clock());
      await pace();
    }
    await imports.commit(importId, source, staged, clock());
  } catch (error) {
    await imports.abandon(importId);
    throw error;
  }
  while (!(await imports.swapStep(importId, clock()))) await pace();
  return { cardStates: source.cardStates.length, reviewLogs: staged };
}

/** Finishes an import of this user's that stopped midway with its process (no-op otherwise). */
export async function finishInterruptedImport(db: Db, userId: string, now: Date): Promise<void> {
  await accountImportScope(db, userId).finishInterrupted(now);
}

async function* chunks<T>(source: readonly T[] | AsyncIterable<readonly T[]>): AsyncIterable<readonly T[]> {
  if (!isArray(source)) {
    yield* source;
    return;
  }
  for (let start = 0; start < source.length; start += IMPORT_CHUNK_ROWS)
    yield source.slice(start, start + IMPORT_CHUNK_ROWS);
}

function isArray<T>(value: readonly T[] | AsyncIterable<readonly T[]>): value is readonly T[] {
  return Array.isArray(value);
}

function checkHead(head: ImportHead, knownCards: Set<string>, knownTopics: Set<string>): void {
  const problems: string[] = [];
  const missing = [
    ...head.cardStates.map((s) => s.cardId).filter((id) => !knownCards.has(id)),
    ...head.topics.map((t) => t.topicId).filter((id) => !knownTopics.has(id)),
  ];
  if (missing.length > 0) {
    problems.push(
      `the export refers to cards or topics this deck does not have: ${[...new Set(missing)].slice(0, 10).join(", ")}${missing.length > 10 ? ", …" : ""}`,
    );
  }
  const twice = (label: string, ids: string[]) => {
    const seen = new Set<string>();
    const repeated = ids.filter((id) => seen.size === seen.add(id).size);
    if (repeated.length > 0) problems.push(`${label} "${repeated[0]}" appears more than once`);
  };
  twice(
    "card state for card",
    head.cardStates.map((s) => s.cardId),
  );
  twice(
    "topic",
    head.topics.map((t) => t.topicId),
  );
  if (problems.length > 0) throw new AppError("INVALID_INPUT", problems.join("; "));
}

function checkLog(
  log: ReviewLogRecord,
  index: number,
  seen: Map<string, number>,
  knownCards: Set<string>,
): void {
  if (!knownCards.has(log.cardId)) {
    throw new AppError(
      "INVALID_INPUT",
      `reviewLogs[${index}]: the export refers to cards or topics this deck does not have: ${log.cardId}`,
    );
  }
  const first = seen.get(log.clientId);
  if (first !== undefined) {
    throw new AppError(
      "INVALID_INPUT",
      `reviewLogs[${index}]: clientId "${log.clientId}" repeats reviewLogs[${first}]; each review must have its own clientId`,
    );
  }
  seen.set(log.clientId, index);
}
