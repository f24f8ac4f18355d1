/**
 * `npm run bench:queue`: building the day's queue and fetching the next card
 * (`nextCards`) for a user with 10,000 cards and 1,000,000 review logs, on
 * SQLite (temp file) and PostgreSQL (a fresh database; BENCH_PG_URL or
 * TEST_PG_ADMIN_URL names a cluster, otherwise a private one is started).
 * Prints generation time, the query plans of the queue's bulk reads, and
 * p50/p95/p99/max of nextCards(count 1), nextCards(count 3) and grade + next.
 * Target: p99 < 20 ms on both databases.
 *
 * Options (env): BENCH_LOGS (main user's logs, default 1,000,000),
 * BENCH_ITERATIONS (default 300), BENCH_DB=sqlite|postgresql (default both),
 * BENCH_PLANS=0 to skip the query plans, BENCH_KEEP=1 to keep the databases.
 * `--quick`: a 200-card deck, 2,000 logs, 10 iterations (targets not checked).
 */
import fs from "node:fs";
import os from "node:os";
import { randomUUID } from "node:crypto";
import { Random } from "../lib/compute";
import { createDb, type Db } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { gradeCard } from "../lib/review/grade-card";
import { nextCards, studyDay, type ReviewCard } from "../lib/review/next-cards";
import type { RatingValue } from "../lib/srs/scheduler";
import {
  postgresCluster,
  postgresDatabase,
  sqliteDatabase,
  type BenchDatabase,
  type BenchDbKind,
  withClient,
} from "./support/databases";
import { explainQueue } from "./support/query-plans";
import { formatBytes, ms, summarize, type Summary } from "./support/stats";
import { quick, sized } from "./support/quick";
import {
  FULL_DECK,
  insertDeck,
  insertReviewLogs,
  insertUsersAndStates,
  MAIN_USER,
  QUICK_DECK,
  RETIRED_CARDS,
  TOPICS,
} from "./support/study-data";

const SHAPE = sized(FULL_DECK, QUICK_DECK);
const MAIN_LOGS = Number(process.env.BENCH_LOGS ?? sized(1_000_000, 2_000));
const OTHER_LOGS = Math.round(MAIN_LOGS / 20);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? sized(300, 10));
const WARM_UP = sized(30, 3);
const TARGET_P99_MS = 20;
const kinds: BenchDbKind[] =
  process.env.BENCH_DB === "sqlite" || process.env.BENCH_DB === "postgresql"
    ? [process.env.BENCH_DB]
    : ["sqlite", "postgresql"];

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await fn();
  console.log(`  ${label.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
  return result;
}

async function generate(target: BenchDatabase): Promise<void> {
  const rng = new Random(20261127);
  const now = new Date();
  const { dayStart, nextDayStart } = studyDay(now, "UTC", 4);
  await timed("migrate", () => migrateDatabase(target.url));
  const db = createDb(target.url);
  try {
    const live = (TOPICS * SHAPE.cardsPerTopic).toLocaleString("en");
    const liveIds = await timed(`deck (${live} live + ${RETIRED_CARDS} retired)`, () =>
      insertDeck(db, rng, SHAPE),
    );
    const { users, states } = await timed("users + card states", () =>
      insertUsersAndStates(db, rng, liveIds, now, nextDayStart, SHAPE),
    );
    const logs = await timed(
      `review logs (${(MAIN_LOGS + 5 * OTHER_LOGS).toLocaleString("en")} + today)`,
      () =>
        insertReviewLogs(target.kind, target.url, rng, users, {
          mainLogs: MAIN_LOGS,
          otherLogsPerUser: OTHER_LOGS,
          now,
          dayStart,
        }),
    );
    if (target.kind === "postgresql") {
      // What autovacuum does soon after a bulk load: statistics and the visibility map (index-only scans).
      await timed("VACUUM ANALYZE", () => withClient(target.url, (c) => c.query("VACUUM ANALYZE")));
    }
    console.log(
      `  main user's card states: ${Object.entries(states)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}; ${logs.logs.toLocaleString("en")} logs in all, ${logs.todayLogs} of them today`,
    );
  } finally {
    await db.$disconnect();
  }
}

const pickRating = (rng: Random): RatingValue => {
  const u = rng.uniform();
  return u < 0.1 ? 1 : u < 0.15 ? 2 : u < 0.95 ? 3 : 4;
};

/** The machine's 1-minute load average: these timings are only comparable at similar load. */
const load = () => os.loadavg()[0]!.toFixed(1);

async function sample(fn: () => Promise<void>): Promise<Summary> {
  for (let i = 0; i < WARM_UP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

async function measure(db: Db): Promise<Record<string, Summary>> {
  const call = (count: number) => nextCards({ db, userId: MAIN_USER, now: new Date(), locale: "en", count });
  const first = await call(3);
  console.log(
    `  queue now: ${first.counts.learning} learning, ${first.counts.review} review, ${first.counts.new} new`,
  );
  console.log(`  timing on ${os.cpus().length} cores, load average ${load()} at the start`);
  const results: Record<string, Summary> = {};
  results["nextCards(count 1)"] = await sample(async () => void (await call(1)));
  results["nextCards(count 3)"] = await sample(async () => void (await call(3)));

  // What one click costs: grade the card on screen, then fetch the next one.
  const rng = new Random(7);
  let head: ReviewCard | undefined = (await call(1)).cards[0];
  results["grade + nextCards(count 1)"] = await sample(async () => {
    if (!head) throw new Error("the queue ran empty during the grading run");
    await gradeCard({
      db,
      userId: MAIN_USER,
      cardId: head.id,
      rating: pickRating(rng),
      clientId: randomUUID(),
      expectedVersion: head.version,
      durationMs: 5_000,
      now: new Date(),
    });
    head = (await call(1)).cards[0];
  });
  console.log(`  load average ${load()} at the end`);
  return results;
}

function sqliteSize(file: string): number {
  return [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

async function runOne(kind: BenchDbKind, adminUrl: () => Promise<string>): Promise<Record<string, Summary>> {
  console.log(`\n== ${kind} ==`);
  const target =
    kind === "sqlite" ? sqliteDatabase("queue") : await postgresDatabase(await adminUrl(), "queue");
  try {
    const t0 = performance.now();
    await generate(target);
    console.log(`  generation total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if ("file" in target)
      console.log(`  SQLite file size: ${formatBytes(sqliteSize(target.file as string))}`);
    if (process.env.BENCH_PLANS !== "0") {
      const plans = await explainQueue(kind, target.url, (db) =>
        nextCards({ db, userId: MAIN_USER, now: new Date(), locale: "en", count: 1 }),
      );
      console.log(plans.map((l) => `  ${l}`).join("\n"));
    }
    const db = createDb(target.url);
    try {
      return await measure(db);
    } finally {
      await db.$disconnect();
    }
  } finally {
    if (process.env.BENCH_KEEP === "1") console.log(`  kept: ${target.url}`);
    else await target.drop();
  }
}

let cluster: Awaited<ReturnType<typeof postgresCluster>> | undefined;
const adminUrl = async () => (cluster ??= await postgresCluster()).adminUrl;
const all: Record<string, Record<string, Summary>> = {};
try {
  for (const kind of kinds) all[kind] = await runOne(kind, adminUrl);
} finally {
  cluster?.stop();
}

console.log(
  `\n${ITERATIONS} timed iterations after ${WARM_UP} warm-up, main user with ${MAIN_LOGS.toLocaleString("en")} logs`,
);
console.log(
  `${"database".padEnd(11)} ${"operation".padEnd(28)} ${"p50".padStart(9)} ${"p95".padStart(9)} ${"p99".padStart(9)} ${"max".padStart(9)}`,
);
let failed = false;
for (const [kind, results] of Object.entries(all)) {
  for (const [label, s] of Object.entries(results)) {
    const miss = !quick && s.p99 >= TARGET_P99_MS;
    failed ||= miss;
    console.log(
      `${kind.padEnd(11)} ${label.padEnd(28)} ${ms(s.p50).padStart(9)} ${ms(s.p95).padStart(9)} ${ms(s.p99).padStart(9)} ${ms(s.max).padStart(9)}${miss ? `  (p99 over the ${TARGET_P99_MS} ms target)` : ""}`,
    );
  }
}
if (quick) console.log("quick run: tiny data, the p99 target is not checked");
if (failed) process.exitCode = 1;
