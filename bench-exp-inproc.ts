// Experiment (not committed): the grading path in-process, 50 concurrent workers, no HTTP/Next.
import { randomUUID } from "node:crypto";
import diagnostics from "node:diagnostics_channel";
import fs from "node:fs";
import { PerformanceObserver } from "node:perf_hooks";
import { createDb } from "./lib/db/client";
import { migrateDatabase } from "./lib/db/migrate";
import { gradeCard } from "./lib/review/grade-card";
import { resolveSession } from "./lib/auth/resolve-session";
import { createSession } from "./lib/repo/sessions";
import { hashSessionToken, newSessionToken, SESSION_TTL_MS } from "./lib/auth/session-token";
import { Random } from "./lib/compute";
import { insertDeck, QUICK_DECK } from "./bench/support/study-data";

const dir = fs.mkdtempSync("/tmp/bench-exp/db-");
const url = `file:${dir}/x.db`;
await migrateDatabase(url);
const db = createDb(url);
const ids = await insertDeck(db, new Random(1), { ...QUICK_DECK, cardsPerTopic: 10 });
const users: { id: string; token: string }[] = [];
for (let i = 0; i < 200; i++) {
  const id = randomUUID();
  await db.user.create({ data: { id, email: `u${i}@x.com`, passwordHash: "x", settings: { create: {} } } });
  const token = newSessionToken();
  await createSession(db, { userId: id, tokenHash: hashSessionToken(token), userAgent: "x", expiresAt: new Date(Date.now() + SESSION_TTL_MS), now: new Date() });
  users.push({ id, token });
}
const stalls: { at: number; ms: number; cpu: number; wait: number }[] = [];
const gcs: number[] = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.duration > 20) gcs.push(e.duration); }).observe({ entryTypes: ["gc"] });
const sched = () => fs.readFileSync("/proc/thread-self/schedstat", "utf8").split(" ").map(Number);
let last = performance.now(); let lastS = sched();
setInterval(() => { const now = performance.now(); const s = sched(); if (now - last > 110) stalls.push({ at: now, ms: now - last - 10, cpu: (s[0]! - lastS[0]!) / 1e6, wait: (s[1]! - lastS[1]!) / 1e6 }); last = now; lastS = s; }, 10).unref();
const longLocks: string[] = [];
diagnostics.subscribe("gradus:sqlite-lock", (m) => { const e = m as { waitedMs: number; heldMs: number; operation: string; sql: string; queuedAhead: number }; if (e.heldMs > 100 || e.waitedMs > 1000) longLocks.push(`${e.operation} wait ${e.waitedMs.toFixed(0)} held ${e.heldMs.toFixed(0)} q ${e.queuedAhead} ${e.sql.slice(0, 30)}`); });

let pair = 0;
const lat: number[] = [];
const end = performance.now() + Number(process.env.DUR ?? 20) * 1000;
const t0 = performance.now();
async function worker() {
  while (performance.now() < end) {
    const p = pair++;
    const u = users[p % users.length]!;
    const cardId = ids[Math.floor(p / users.length) % ids.length]!;
    const s = performance.now();
    const session = await resolveSession(db, u.token, new Date());
    await gradeCard({ db, userId: session!.userId, cardId, rating: 3, clientId: randomUUID(), expectedVersion: 0, durationMs: 1000, now: new Date() });
    lat.push(performance.now() - s);
  }
}
await Promise.all(Array.from({ length: 50 }, worker));
lat.sort((a, b) => a - b);
const q = (p: number) => lat[Math.floor(p * (lat.length - 1))]!.toFixed(0);
console.log(`n ${lat.length} in ${((performance.now() - t0) / 1000).toFixed(1)} s: p50 ${q(0.5)} p99 ${q(0.99)} max ${q(1)}`);
console.log(`gc>20ms ${gcs.length} max ${Math.max(0, ...gcs).toFixed(0)}; stalls ${stalls.length}:`, stalls.sort((a, b) => b.ms - a.ms).slice(0, 5).map((s) => `${s.ms.toFixed(0)} (cpu ${s.cpu.toFixed(0)} waitcpu ${s.wait.toFixed(0)})`).join(", "));
console.log(longLocks.slice(0, 15).join("\n"));
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
