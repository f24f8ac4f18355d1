/**
 * `npm run bench:grading`: POST /api/review/grade under load against the
 * production server, once on SQLite and once on PostgreSQL (a fresh database;
 * BENCH_PG_URL or TEST_PG_ADMIN_URL names a cluster, otherwise a private one
 * is started). Runs `next build` first when .next is missing or stale.
 *
 * 200 users with sessions made directly in the database; autocannon with 50
 * connections, each request grading a distinct (user, never-studied card) pair
 * at version 0 with a fresh clientId, and 10% re-sending an earlier request's
 * exact body (same user, same clientId), which must come back 200 "duplicate".
 * Afterwards the database must hold exactly one review log per clientId and
 * one card state at version 1 per graded pair. Exits non-zero otherwise.
 * One continuous run: the figures are those of requests sent after the first
 * 5 s (warm-up), as the bench's own clock saw them.
 *
 * Options (env): BENCH_DURATION (seconds, default 25), BENCH_CONNECTIONS (50),
 * BENCH_USERS (200), BENCH_TIMEOUT (per-request seconds, 30), BENCH_DB=sqlite|postgresql
 * (default both), BENCH_PORT (the server's port; default a free one).
 * `--quick`: 20 users, 10 connections, 2 s measured (figures only, for `npm test`).
 *
 * The server runs with bench/support/server-probe.mjs; after each run the bench
 * prints what its slowest requests overlapped (GC, event-loop stalls, SQLite
 * lock waits and holds): the evidence for what makes the tail.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { hashSessionToken, newSessionToken, SESSION_COOKIE, SESSION_TTL_MS } from "../lib/auth/session-token";
import { createDb, type Db } from "../lib/db/client";
import { createSession } from "../lib/repo/sessions";
import { Random } from "../lib/compute";
import { postgresCluster, postgresDatabase, sqliteDatabase, type BenchDbKind } from "./support/databases";
import { sized } from "./support/quick";
import { ensureBuild, startServer } from "./support/server";
import { tailEvidence } from "./support/tail-evidence";

const DURATION = Number(process.env.BENCH_DURATION ?? sized(25, 2));
const WARM_UP = sized(5, 1);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? sized(50, 10));
const USERS = Number(process.env.BENCH_USERS ?? sized(200, 20));
const DUPLICATE_SHARE = 0.1;
const REQUEST_TIMEOUT_S = Number(process.env.BENCH_TIMEOUT ?? 30);
const kinds: BenchDbKind[] =
  process.env.BENCH_DB === "sqlite" || process.env.BENCH_DB === "postgresql"
    ? [process.env.BENCH_DB]
    : ["sqlite", "postgresql"];

type Sent = { userIndex: number; cardId: string; clientId: string; body: string };
type LoadUser = { id: string; cookie: string };

async function createUsers(db: Db): Promise<LoadUser[]> {
  const now = new Date();
  const users: LoadUser[] = [];
  for (let i = 0; i < USERS; i++) {
    const id = randomUUID();
    await db.user.create({
      data: { id, email: `load-${i}@example.com`, passwordHash: "not-a-real-hash", settings: { create: {} } },
    });
    const token = newSessionToken();
    await createSession(db, {
      userId: id,
      tokenHash: hashSessionToken(token),
      userAgent: "autocannon",
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      now,
    });
    users.push({ id, cookie: `${SESSION_COOKIE}=${token}` });
  }
  return users;
}

/** Hands out request bodies: the next unused (user, card) pair, or now and then an earlier body again. */
function requestSource(users: LoadUser[], cardIds: string[]) {
  const rng = new Random(42);
  const sent: Sent[] = [];
  let nextPair = 0;
  const pairs = users.length * cardIds.length;
  return {
    sent,
    next(): Sent & { duplicate: boolean } {
      if ((sent.length > 0 && rng.uniform() < DUPLICATE_SHARE) || nextPair >= pairs) {
        return { ...sent[rng.int(sent.length)]!, duplicate: true };
      }
      // Consecutive requests go to different users, so concurrent requests rarely share a user.
      const userIndex = nextPair % users.length;
      const cardId = cardIds[Math.floor(nextPair / users.length)]!;
      nextPair++;
      const clientId = randomUUID();
      const body = JSON.stringify({
        clientId,
        cardId,
        rating: 1 + rng.int(4),
        version: 0,
        durationMs: 4_000,
      });
      const entry = { userIndex, cardId, clientId, body };
      sent.push(entry);
      return { ...entry, duplicate: false };
    },
  };
}

type Tally = {
  recorded: number;
  duplicate: number;
  other: Map<string, number>;
  answered: Set<string>;
  /** Per clientId: when the bench sent it and how long the answer took, as the client saw it. */
  latency: Map<string, { at: number; ms: number }>;
  /** Every answer: when its request was sent, how long it took, and what it was. */
  samples: { at: number; ms: number; answer: "recorded" | "duplicate" | "other" }[];
};

function run(
  origin: string,
  users: LoadUser[],
  source: ReturnType<typeof requestSource>,
  tally: Tally,
  duration: number,
): Promise<autocannon.Result> {
  return autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration,
    // A slow answer is a latency figure, not an error: autocannon's default of 10 s would count
    // SQLite's long tail on a busy 2-core machine as failures although every such grade is recorded.
    timeout: REQUEST_TIMEOUT_S,
    requests: [
      {
        method: "POST",
        path: "/api/review/grade",
        setupRequest: (request, context) => {
          const next = source.next();
          Object.assign(context, { clientId: next.clientId, sentAt: Date.now() });
          return {
            ...request,
            headers: {
              "content-type": "application/json",
              origin,
              cookie: users[next.userIndex]!.cookie,
              // Lets the server probe's timeline name the request (bench/support/tail-evidence.ts).
              "x-bench-id": next.clientId,
            },
            body: next.body,
          };
        },
        onResponse: (status, body, context) => {
          const { clientId, sentAt } = context as { clientId: string; sentAt: number };
          tally.answered.add(clientId);
          const latency = { at: sentAt, ms: Date.now() - sentAt };
          tally.latency.set(clientId, latency);
          let parsed: { status?: string; error?: string } = {};
          try {
            parsed = JSON.parse(body) as typeof parsed;
          } catch {
            parsed = { error: "non-JSON answer" };
          }
          if (status === 201 && parsed.status === "recorded") {
            tally.recorded++;
            tally.samples.push({ ...latency, answer: "recorded" });
          } else if (status === 200 && parsed.status === "duplicate") {
            tally.duplicate++;
            tally.samples.push({ ...latency, answer: "duplicate" });
          } else {
            tally.samples.push({ ...latency, answer: "other" });
            const key = `${status} ${parsed.error ?? parsed.status ?? ""}`;
            tally.other.set(key, (tally.other.get(key) ?? 0) + 1);
          }
        },
      },
    ],
  });
}

/** Nearest-rank percentiles (whole ms) of the measured answers, and their rate. */
function latencyFigures(ms: number[], seconds: number) {
  const sorted = [...ms].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  return {
    seconds,
    perSecond: sorted.length / seconds,
    p50: rank(0.5),
    p97_5: rank(0.975),
    p99: rank(0.99),
    max: sorted.at(-1) ?? 0,
  };
}

const tail = (text: string, lines: number) => text.split("\n").slice(-lines).join("\n");

type Check = { ok: boolean; lines: string[] };

/** Exactly once: every answered clientId has one log, nothing unsent was logged, every state is at version 1. */
async function checkExactlyOnce(
  db: Db,
  sent: Sent[],
  answered: Set<string>,
  users: LoadUser[],
): Promise<Check> {
  const logs = await db.reviewLog.findMany({ select: { userId: true, clientId: true, cardId: true } });
  const sentByClient = new Map(sent.map((s) => [s.clientId, s]));
  const seen = new Map<string, number>();
  let foreign = 0;
  for (const log of logs) {
    seen.set(log.clientId, (seen.get(log.clientId) ?? 0) + 1);
    const s = sentByClient.get(log.clientId);
    if (!s || users[s.userIndex]!.id !== log.userId || s.cardId !== log.cardId) foreign++;
  }
  const twice = [...seen.values()].filter((n) => n > 1).length;
  const missing = [...answered].filter((id) => !seen.has(id)).length;
  const states = await db.cardState.count();
  const notVersionOne = await db.cardState.count({ where: { version: { not: 1 } } });
  const ok = twice === 0 && missing === 0 && foreign === 0 && notVersionOne === 0 && states === logs.length;
  return {
    ok,
    lines: [
      `distinct clientIds sent ${sent.length}, answered ${answered.size}; review logs ${logs.length}`,
      `clientIds logged twice ${twice}; answered but not logged ${missing}; logs not matching a sent request ${foreign}`,
      `card states ${states} (one per log expected), not at version 1: ${notVersionOne}`,
    ],
  };
}

async function runOne(kind: BenchDbKind, adminUrl: () => Promise<string>) {
  console.log(`\n== ${kind} ==`);
  const target =
    kind === "sqlite" ? sqliteDatabase("grading") : await postgresDatabase(await adminUrl(), "grading");
  const probeFile = path.join(os.tmpdir(), `gradus-bench-probe-${process.pid}-${kind}.jsonl`);
  const server = await startServer(target.url, { probeFile }).catch(async (error: unknown) => {
    await target.drop();
    throw error;
  });
  const db = createDb(target.url);
  try {
    const users = await createUsers(db);
    const cardIds = (await db.card.findMany({ where: { retiredAt: null }, select: { id: true } })).map(
      (c) => c.id,
    );
    console.log(
      `  ${users.length} users with sessions, ${cardIds.length} cards: ${users.length * cardIds.length} pairs`,
    );
    const source = requestSource(users, cardIds);
    const tally: Tally = {
      recorded: 0,
      duplicate: 0,
      other: new Map(),
      answered: new Set(),
      latency: new Map(),
      samples: [],
    };
    // One continuous run; figures count the requests sent after the warm-up. (Two autocannon runs
    // measured a burst the bench made itself: 50 new connections while the server still worked
    // through the 50 requests the warm-up run had abandoned.)
    const runStart = Date.now();
    const result = await run(server.origin, users, source, tally, WARM_UP + DURATION);
    const measuredFrom = runStart + WARM_UP * 1000;
    const measuredTo = Date.now();
    // Let requests autocannon abandoned at the deadline finish on the server before counting.
    await new Promise((r) => setTimeout(r, sized(2_000, 500)));
    const check = await checkExactlyOnce(db, source.sent, tally.answered, users);
    const other = [...tally.other].map(([k, v]) => `${k}: ${v}`).join(", ") || "none";
    const measured = tally.samples.filter((x) => x.at >= measuredFrom);
    const figures = latencyFigures(
      measured.map((x) => x.ms),
      (measuredTo - measuredFrom) / 1000,
    );
    console.log(
      `  measured ${figures.seconds.toFixed(1)} s: ${figures.perSecond.toFixed(0)} req/s, ` +
        `latency p50 ${figures.p50} ms, p97.5 ${figures.p97_5} ms, p99 ${figures.p99} ms, max ${figures.max} ms`,
    );
    const count = (answer: string) => measured.filter((x) => x.answer === answer).length;
    console.log(
      `  responses: ${count("recorded")} recorded (201), ${count("duplicate")} duplicate (200); ` +
        `whole run: non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}, other answers ${other}`,
    );
    for (const line of check.lines) console.log(`  ${line}`);
    // The probe writes every 250 ms: give it a beat, then read what the slowest requests ran into.
    await new Promise((r) => setTimeout(r, 300));
    for (const line of tailEvidence(probeFile, measuredFrom, measuredTo, tally.latency))
      console.log(`  ${line}`);
    const clean = check.ok && result.non2xx === 0 && result.errors === 0 && tally.other.size === 0;
    console.log(`  exactly-once check: ${clean ? "passed" : "FAILED"}`);
    if (!clean) console.log(`  server log (tail):\n${tail(fs.readFileSync(server.logFile, "utf8"), 40)}`);
    return { kind, result, figures, clean };
  } finally {
    await db.$disconnect();
    await server.stop();
    await target.drop();
    if (process.env.BENCH_KEEP === "1") console.log(`  kept: ${probeFile}`);
    else fs.rmSync(probeFile, { force: true });
  }
}

ensureBuild();
let cluster: Awaited<ReturnType<typeof postgresCluster>> | undefined;
const adminUrl = async () => (cluster ??= await postgresCluster()).adminUrl;
const results = [];
try {
  for (const kind of kinds) results.push(await runOne(kind, adminUrl));
} finally {
  cluster?.stop();
}
console.log(
  `\n${CONNECTIONS} connections, ${USERS} users, ${DURATION} s measured after ${WARM_UP} s warm-up`,
);
console.log("database     req/s   p50   p97.5   p99    max  non-2xx  errors  exactly once");
for (const { kind, result, figures, clean } of results) {
  console.log(
    `${kind.padEnd(11)} ${figures.perSecond.toFixed(0).padStart(6)} ${String(figures.p50).padStart(5)} ${String(figures.p97_5).padStart(7)} ${String(figures.p99).padStart(5)} ${String(figures.max).padStart(6)} ${String(result.non2xx).padStart(8)} ${String(result.errors).padStart(7)}  ${clean ? "yes" : "NO"}`,
  );
}
if (results.some((r) => !r.clean)) process.exitCode = 1;
