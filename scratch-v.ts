import { accountExportSchema, reviewLogRecord } from "./lib/account/export-format";
const now = new Date(Date.now() - 86400000).toISOString();
const logs = Array.from({ length: 1000 }, (_, i) => ({ clientId: `c${i}`, cardId: "c", rating: 3, state: 2, due: now, stability: 1.5, difficulty: 5.5, elapsedDays: 1, lastElapsedDays: 1, scheduledDays: 3, learningSteps: 0, reviewedAt: now, durationMs: 1000, previous: null }));
const base = { format: "gradus-account", version: 1, exportedAt: now, preferences: { locale: "en", theme: "system" }, study: { desiredRetention: 0.9, maximumInterval: 36500, newCardsPerDay: 20, reviewsPerDay: 200, learningSteps: ["1m"], relearningSteps: ["10m"], fuzz: true, dayStartHour: 4, timeZone: "UTC", fsrsParams: null }, topics: [], pausedTags: [], cardStates: [] };
for (let k = 0; k < 5; k++) {
let t = performance.now();
accountExportSchema.parse({ ...base, reviewLogs: [] });
const a = performance.now() - t;
t = performance.now();
accountExportSchema.parse({ ...base, reviewLogs: logs });
const b = performance.now() - t;
t = performance.now();
for (const l of logs) reviewLogRecord.parse(l);
console.log("head", a.toFixed(1), "head+1000", b.toFixed(1), "1000 elems", (performance.now() - t).toFixed(1));
}
