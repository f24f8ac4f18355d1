import fs from "node:fs";
import { migrateDatabase } from "./lib/db/migrate";
import { createDb } from "./lib/db/client";
import { importAccountFile } from "./lib/account/import-account-file";
import { randomUUID } from "node:crypto";
const url = "file:/tmp/limits-scratch/t.db";
fs.rmSync("/tmp/limits-scratch/t.db", { force: true });
await migrateDatabase(url);
const db = createDb(url);
await db.topic.create({ data: { id: "t", position: 0, titleRu: "a", titleEn: "b", contentHash: "h" } });
await db.card.create({ data: { id: "c", topicId: "t", type: "basic", frontRu: "a", backRu: "b", frontEn: "c", backEn: "d", sourcePath: "p", contentHash: "h" } });
const userId = randomUUID();
await db.user.create({ data: { id: userId, email: "a@x", passwordHash: "x", settings: { create: {} } } });
const N = Number(process.argv[2] ?? 20000);
const now = new Date(Date.now() - 86400000).toISOString();
const logs = Array.from({ length: N }, (_, i) => ({ clientId: `c${i}`, cardId: "c", rating: 3, state: 2, due: now, stability: 1.5, difficulty: 5.5, elapsedDays: 1, lastElapsedDays: 1, scheduledDays: 3, learningSteps: 0, reviewedAt: now, durationMs: 1000, previous: null }));
const doc = { format: "gradus-account", version: 1, exportedAt: now, preferences: { locale: "en", theme: "system" }, study: { desiredRetention: 0.9, maximumInterval: 36500, newCardsPerDay: 20, reviewsPerDay: 200, learningSteps: ["1m"], relearningSteps: ["10m"], fuzz: true, dayStartHour: 4, timeZone: "UTC", fsrsParams: null }, topics: [], pausedTags: [], cardStates: [], reviewLogs: logs };
const bodies = [0,1].map(() => new TextEncoder().encode(JSON.stringify(doc, null, 2)));
let maxGap = 0; let last = performance.now();
const gaps: number[] = []; const iv = setInterval(() => { const t = performance.now(); gaps.push(t - last - 5); maxGap = Math.max(maxGap, t - last - 5); last = t; }, 5);
for (let k = 0; k < 2; k++) {
  const t = performance.now();
  await importAccountFile({ db, userId, body: bodies[k]! });
  console.log("import", N, (performance.now() - t).toFixed(0), "ms; max event-loop gap", maxGap.toFixed(0));
  gaps.sort((a,b)=>b-a); console.log("top gaps", gaps.slice(0,8).map(g=>g.toFixed(0)).join(" ")); gaps.length = 0; maxGap = 0;
}
clearInterval(iv);
