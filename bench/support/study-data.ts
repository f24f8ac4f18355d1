/**
 * A synthetic study history at the scale the speed targets name: a deck of
 * 10,000 live cards over 20 topics, one heavy user with a state row for most
 * of them and 1,000,000 review logs over three years, and a few other users so
 * every query has to stay inside its user. Deterministic for a given seed.
 *
 * The deck, users and card states go through Prisma (tens of thousands of
 * rows); the review logs are written with the raw driver in big transactions,
 * in the exact formats the Prisma adapters use, because a million rows through
 * the ORM would take minutes.
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import type { Random } from "../../lib/compute";
import type { Db } from "../../lib/db/client";
import { sqlitePathFromUrl } from "../../lib/db/sqlite-path";
import { snapshotOf } from "../../lib/srs/memory-schema";
import type { CardMemory, StateValue } from "../../lib/srs/scheduler";
import type { BenchDbKind } from "./databases";

/** How big the synthetic deck is; `quick` keeps the same mix at 1/50 of the size, for `--quick` runs. */
export type DeckShape = {
  cardsPerTopic: number;
  /** The main user has worked through the deck in topic order this far. */
  studiedPrefix: number;
  otherUserCards: number;
};
export const FULL_DECK: DeckShape = { cardsPerTopic: 500, studiedPrefix: 9_400, otherUserCards: 2_000 };
export const QUICK_DECK: DeckShape = { cardsPerTopic: 10, studiedPrefix: 190, otherUserCards: 40 };

export const TOPICS = 20;
export const RETIRED_CARDS = 100;
export const MAIN_USER = "bench-main-user";
const PAUSED_TOPICS = [7, 19]; // one fully studied, one not yet started
const OTHER_USERS = 5;
const DAY = 86_400_000;
const YEARS = 3;

export type StudyDataOptions = { mainLogs: number; otherLogsPerUser: number; now: Date; dayStart: Date };
export type StudyDataReport = {
  cards: number;
  states: Record<string, number>;
  logs: number;
  todayLogs: number;
  dueNow: number;
  timings: Record<string, number>;
};

const cardId = (topic: number, index: number) =>
  `t${String(topic).padStart(2, "0")}-c${String(index).padStart(4, "0")}`;
const topicId = (topic: number) => `topic-${String(topic).padStart(2, "0")}`;

function html(rng: Random, words: number): string {
  const vocab = [
    "gradient",
    "loss",
    "weight",
    "bias",
    "layer",
    "softmax",
    "ReLU",
    "batch",
    "momentum",
    "variance",
  ];
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(vocab[rng.int(vocab.length)]!);
  // Rendered KaTeX is most of a real card's bytes; a fixed-size stand-in keeps rows realistic.
  const tex = `<span class="katex"><span class="katex-mathml"><math><mi>x</mi><mo>=</mo><mn>${rng.int(100)}</mn></math></span>${'<span class="mord">x</span>'.repeat(12)}</span>`;
  return `<p>${parts.join(" ")} ${tex}</p>`;
}

/** createMany in batches inside one transaction (one commit instead of one per statement). */
async function inBatches<T>(
  db: Db,
  rows: T[],
  size: number,
  write: (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0], batch: T[]) => Promise<unknown>,
): Promise<void> {
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < rows.length; i += size) await write(tx, rows.slice(i, i + size));
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

export async function insertDeck(db: Db, rng: Random, shape: DeckShape = FULL_DECK): Promise<string[]> {
  const now = new Date();
  await db.topic.createMany({
    data: Array.from({ length: TOPICS }, (_, t) => ({
      id: topicId(t),
      position: t,
      titleRu: `Тема ${t}`,
      titleEn: `Topic ${t}`,
      descriptionEn: html(rng, 20),
      descriptionRu: html(rng, 20),
      contentHash: randomUUID(),
    })),
  });
  const liveIds: string[] = [];
  const rows = [];
  for (let t = 0; t < TOPICS; t++) {
    for (let i = 0; i < shape.cardsPerTopic + RETIRED_CARDS / TOPICS; i++) {
      const retired = i >= shape.cardsPerTopic;
      const id = cardId(t, i);
      if (!retired) liveIds.push(id);
      rows.push({
        id,
        topicId: topicId(t),
        type: "basic",
        difficulty: 1 + rng.int(5),
        tags: JSON.stringify(["synthetic", `t${t}`]),
        concepts: JSON.stringify([`concept-${rng.int(200)}`]),
        frontRu: html(rng, 15),
        backRu: html(rng, 60),
        frontEn: html(rng, 15),
        backEn: html(rng, 60),
        sources: JSON.stringify([
          { title: "Deep Learning, ch. 6", url: "https://www.deeplearningbook.org/" },
        ]),
        related: JSON.stringify([cardId(t, (i + 1) % shape.cardsPerTopic)]),
        searchText: `synthetic card ${id}`,
        sourcePath: `content/${topicId(t)}/${id}.md`,
        contentHash: randomUUID(),
        retiredAt: retired ? now : null,
      });
    }
  }
  await inBatches(db, rows, 1_000, (tx, batch) => tx.card.createMany({ data: batch }));
  return liveIds;
}

type StateRow = CardMemory & {
  userId: string;
  cardId: string;
  suspended: boolean;
  buriedUntil: Date | null;
  flagged: boolean;
  version: number;
};

/** A card state in a realistic mix: mostly reviews spread around now, some (re)learning, a few set aside. */
function stateRow(rng: Random, userId: string, id: string, now: Date, nextDayStart: Date): StateRow {
  const r = rng.uniform();
  const scheduledDays = Math.max(1, Math.round(Math.exp(rng.uniform() * Math.log(365))));
  let due: Date;
  const u = rng.uniform();
  if (u < 0.08)
    due = new Date(now.getTime() - rng.uniform() * 30 * DAY); // overdue backlog
  else if (u < 0.1) due = new Date(now.getTime() + rng.uniform() * (nextDayStart.getTime() - now.getTime()));
  else due = new Date(now.getTime() + (1 + rng.uniform() * 400) * DAY);
  let state: StateValue = 2;
  if (r >= 0.03 && r < 0.035) state = 1;
  else if (r >= 0.035 && r < 0.04) state = 3;
  else if (r >= 0.04 && r < 0.05) state = 0; // flagged or unsuspended before its first review
  if (state === 1 || state === 3) due = new Date(now.getTime() + (rng.uniform() - 0.7) * 3_600_000);
  const reps = state === 0 ? 0 : 1 + rng.int(40);
  return {
    userId,
    cardId: id,
    state,
    due: state === 0 ? now : due,
    stability: state === 0 ? 0 : scheduledDays * (0.8 + rng.uniform() * 0.6),
    difficulty: state === 0 ? 0 : 1 + rng.uniform() * 9,
    elapsedDays: state === 0 ? 0 : scheduledDays,
    scheduledDays: state === 2 ? scheduledDays : 0,
    learningSteps: state === 1 ? rng.int(2) : 0,
    reps,
    lapses: state === 0 ? 0 : Math.floor(rng.uniform() ** 4 * 12),
    lastReview: state === 0 ? null : new Date(due.getTime() - scheduledDays * DAY),
    suspended: r < 0.02,
    buriedUntil: r >= 0.02 && r < 0.03 ? nextDayStart : null,
    flagged: state === 0 || rng.uniform() < 0.01,
    version: reps + 1,
  };
}

export type Users = { main: string; others: string[]; studied: Map<string, string[]> };

export async function insertUsersAndStates(
  db: Db,
  rng: Random,
  liveIds: string[],
  now: Date,
  nextDayStart: Date,
  shape: DeckShape = FULL_DECK,
): Promise<{ users: Users; states: Record<string, number> }> {
  const others = Array.from({ length: OTHER_USERS }, (_, i) => `bench-other-user-${i}`);
  for (const id of [MAIN_USER, ...others]) {
    await db.user.create({
      data: {
        id,
        email: `${id}@example.com`,
        passwordHash: "not-a-real-hash",
        // A user with ~900 reviews a day over three years sets a high review limit.
        settings: { create: id === MAIN_USER ? { reviewsPerDay: 1_000, newCardsPerDay: 30 } : {} },
      },
    });
  }
  await db.userTopic.createMany({
    data: [
      ...PAUSED_TOPICS.map((t) => ({ userId: MAIN_USER, topicId: topicId(t), paused: true })),
      { userId: MAIN_USER, topicId: topicId(0), paused: false },
      ...others.map((userId) => ({ userId, topicId: topicId(1), paused: true })),
    ],
  });
  const states: Record<string, number> = {};
  const studied = new Map<string, string[]>();
  const rows: StateRow[] = [];
  const mainIds = [...liveIds.slice(0, shape.studiedPrefix)];
  for (let t = 0; t < TOPICS; t++) mainIds.push(cardId(t, shape.cardsPerTopic)); // states on retired cards too
  studied.set(MAIN_USER, mainIds);
  for (const id of mainIds) {
    const row = stateRow(rng, MAIN_USER, id, now, nextDayStart);
    rows.push(row);
    const label = row.suspended
      ? "suspended"
      : row.buriedUntil
        ? "buried"
        : ["new (with row)", "learning", "review", "relearning"][row.state]!;
    states[label] = (states[label] ?? 0) + 1;
  }
  states["new (no row)"] = liveIds.length - shape.studiedPrefix;
  for (const userId of others) {
    const ids = liveIds.slice(0, shape.otherUserCards);
    studied.set(userId, ids);
    for (const id of ids) rows.push(stateRow(rng, userId, id, now, nextDayStart));
  }
  await inBatches(db, rows, 1_000, (tx, batch) => tx.cardState.createMany({ data: batch }));
  return { users: { main: MAIN_USER, others, studied }, states };
}

const LOG_COLUMNS = [
  "id",
  "clientId",
  "userId",
  "cardId",
  "rating",
  "state",
  "due",
  "stability",
  "difficulty",
  "elapsedDays",
  "lastElapsedDays",
  "scheduledDays",
  "learningSteps",
  "reviewedAt",
  "durationMs",
  "previous",
] as const;
type LogRow = [
  string,
  string,
  string,
  string,
  number,
  number,
  Date,
  number,
  number,
  number,
  number,
  number,
  number,
  Date,
  number,
  string | null,
];

function logRow(rng: Random, userId: string, card: string, reviewedAt: Date, state: StateValue): LogRow {
  const scheduledDays = state === 2 ? 1 + rng.int(200) : 0;
  const previous: CardMemory = {
    state,
    due: reviewedAt,
    stability: scheduledDays * 1.1,
    difficulty: 1 + rng.uniform() * 9,
    elapsedDays: scheduledDays,
    scheduledDays,
    learningSteps: 0,
    reps: 1 + rng.int(30),
    lapses: rng.int(3),
    lastReview: new Date(reviewedAt.getTime() - scheduledDays * DAY),
  };
  return [
    randomUUID(),
    randomUUID(),
    userId,
    card,
    1 + rng.int(4),
    state,
    reviewedAt,
    previous.stability,
    previous.difficulty,
    scheduledDays,
    scheduledDays,
    scheduledDays,
    0,
    reviewedAt,
    2_000 + rng.int(20_000),
    state === 0 ? null : snapshotOf(previous),
  ];
}

function randomState(rng: Random): StateValue {
  const u = rng.uniform();
  return u < 0.02 ? 0 : u < 0.08 ? 1 : u < 0.11 ? 3 : 2;
}

/** Writes batches of review logs with the raw driver; `close` commits and disconnects. */
type LogWriter = { write: (rows: LogRow[]) => Promise<void>; close: () => Promise<void> };

function sqliteLogWriter(url: string): LogWriter {
  const sqlite = new Database(sqlitePathFromUrl(url));
  sqlite.pragma("journal_mode = WAL");
  // Bulk load only: random UUID keys touch pages all over two big indexes, so give them cache,
  // and skip fsync (the file is thrown away after the bench).
  sqlite.pragma("cache_size = -262144");
  sqlite.pragma("synchronous = OFF");
  // What @prisma/adapter-better-sqlite3 writes for a DateTime by default.
  const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
  const insert = sqlite.prepare(
    `INSERT INTO "ReviewLog" (${LOG_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${LOG_COLUMNS.map(() => "?").join(", ")})`,
  );
  const batch = sqlite.transaction((rows: LogRow[]) => {
    for (const row of rows) insert.run(row.map((v) => (v instanceof Date ? iso(v) : v)));
  });
  return {
    write: async (rows) => batch(rows),
    close: async () => {
      sqlite.pragma("wal_checkpoint(TRUNCATE)");
      sqlite.close();
    },
  };
}

async function postgresLogWriter(url: string): Promise<LogWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const types = [
    "text",
    "text",
    "text",
    "text",
    "int",
    "int",
    "timestamp(3)",
    "float8",
    "float8",
    "int",
    "int",
    "int",
    "int",
    "timestamp(3)",
    "int",
    "text",
  ];
  // One array parameter per column, unnested server-side: one round trip per batch.
  const sql =
    `INSERT INTO "ReviewLog" (${LOG_COLUMNS.map((c) => `"${c}"`).join(", ")}) ` +
    `SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`;
  return {
    write: async (rows) => {
      const columns = LOG_COLUMNS.map((_, i) =>
        rows.map((r) => (r[i] instanceof Date ? (r[i] as Date).toISOString() : r[i])),
      );
      await client.query("BEGIN");
      await client.query(sql, columns);
      await client.query("COMMIT");
    },
    close: () => client.end(),
  };
}

/**
 * Review history: `mainLogs` for the main user and `otherLogsPerUser` for each
 * other user, interleaved in time over three years up to the start of today,
 * then today's reviews so far (which the queue's daily limits count).
 */
export async function insertReviewLogs(
  kind: BenchDbKind,
  url: string,
  rng: Random,
  users: Users,
  options: StudyDataOptions,
): Promise<{ logs: number; todayLogs: number }> {
  const writer = kind === "sqlite" ? sqliteLogWriter(url) : await postgresLogWriter(url);
  const plan = [
    { userId: users.main, count: options.mainLogs },
    ...users.others.map((userId) => ({ userId, count: options.otherLogsPerUser })),
  ];
  const total = plan.reduce((s, p) => s + p.count, 0);
  const start = options.dayStart.getTime() - YEARS * 365 * DAY;
  const span = options.dayStart.getTime() - 1 - start;
  const remaining = plan.map((p) => p.count);
  let written = 0;
  const BATCH = 20_000;
  try {
    while (written < total) {
      const rows: LogRow[] = [];
      for (let i = 0; i < BATCH && written < total; i++, written++) {
        // Pick the user in proportion to what is left, so users interleave in time.
        let pick = rng.int(total - written);
        let u = 0;
        while (pick >= remaining[u]!) pick -= remaining[u++]!;
        remaining[u]!--;
        const cards = users.studied.get(plan[u]!.userId)!;
        const at = new Date(start + Math.floor((written / total) * span));
        rows.push(logRow(rng, plan[u]!.userId, cards[rng.int(cards.length)]!, at, randomState(rng)));
      }
      await writer.write(rows);
    }
    // Today so far: the main user has done 300 reviews and 20 new cards; the others a few each.
    const today: LogRow[] = [];
    const sinceDayStart = () =>
      new Date(
        options.dayStart.getTime() + rng.uniform() * (options.now.getTime() - options.dayStart.getTime()),
      );
    const mainCards = users.studied.get(users.main)!;
    for (let i = 0; i < 300; i++)
      today.push(logRow(rng, users.main, mainCards[rng.int(mainCards.length)]!, sinceDayStart(), 2));
    for (let i = 0; i < 20; i++)
      today.push(logRow(rng, users.main, mainCards[rng.int(mainCards.length)]!, sinceDayStart(), 0));
    for (const userId of users.others) {
      const cards = users.studied.get(userId)!;
      for (let i = 0; i < 50; i++)
        today.push(logRow(rng, userId, cards[rng.int(cards.length)]!, sinceDayStart(), randomState(rng)));
    }
    await writer.write(today);
    return { logs: total + today.length, todayLogs: today.length };
  } finally {
    await writer.close();
  }
}
