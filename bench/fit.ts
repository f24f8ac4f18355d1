/**
 * `npm run bench:fit`: how long fitting personal FSRS parameters takes for histories of
 * 10,000 and 100,000 reviews. A synthetic learner (lib/srs/simulate-reviews, seeded)
 * remembers with known "true" parameters while being scheduled with the defaults; the
 * history then goes through the same path as a real job: conversion to FSRS sequences
 * (main thread), then item building, training and scoring on the worker thread.
 * Prints the time of each step, the longest stall of the main thread's event loop
 * while the worker ran, and the log loss / RMSE of the defaults, the fitted and the
 * true parameters on the history.
 * Sizes: the first argument (comma-separated), or 2,000 under `--quick`.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fitParameters } from "../lib/optimizer/fit-parameters";
import { countTrainingItems, packSequences, toCardSequences } from "../lib/srs/fsrs-items";
import { defaultFsrsParams } from "../lib/srs/scheduler";
import { simulateReviews } from "../lib/srs/simulate-reviews";
import { quick } from "./support/quick";

const TRUE_PARAMS = [
  0.6, 2.0, 4.5, 14.0, 6.0, 0.6, 2.2, 0.02, 1.6, 0.2, 1.0, 1.8, 0.08, 0.35, 1.9, 0.4, 2.3, 0.6, 0.1, 0.06,
  0.25,
];
const sizesArgument = process.argv.slice(2).find((a) => !a.startsWith("--"));
const SIZES = (sizesArgument ?? (quick ? "2000" : "10000,100000")).split(",").map(Number);

const ms = (x: number) => `${Math.round(x)} ms`;

async function run(reviews: number) {
  const events = simulateReviews({
    seed: 42,
    trueParams: TRUE_PARAMS,
    reviews,
    newCardsPerDay: Math.max(10, Math.round(reviews / 1500)),
    start: new Date("2025-01-01T00:00:00Z"),
  });
  const cards = new Set(events.map((e) => e.cardId)).size;

  const t0 = performance.now();
  const sequences = toCardSequences(events, { timeZone: "Europe/Moscow", dayStartHour: 4 });
  const history = packSequences(sequences);
  const convertMs = performance.now() - t0;
  const items = countTrainingItems(sequences);

  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const t1 = performance.now();
  const outcome = await fitParameters({
    history,
    fit: true,
    evaluateWith: [defaultFsrsParams, TRUE_PARAMS],
    relearningSteps: 1,
  });
  const workerMs = performance.now() - t1;
  delay.disable();
  const [defaults, truth, fitted] = outcome.metrics;
  return {
    reviews: events.length,
    cards,
    items,
    convertMs,
    ...outcome.timings,
    workerMs,
    maxStallMs: delay.max / 1e6,
    defaults: defaults!,
    fitted: fitted!,
    truth: truth!,
  };
}

const rows = [];
for (const size of SIZES) rows.push(await run(size));

const table: Record<string, string[]> = {
  "reviews (cards)": rows.map((r) => `${r.reviews} (${r.cards})`),
  "training items": rows.map((r) => String(r.items)),
  "convert logs → sequences (main)": rows.map((r) => ms(r.convertMs)),
  "build binding items (worker)": rows.map((r) => ms(r.buildMs)),
  "fit parameters (worker)": rows.map((r) => ms(r.fitMs)),
  "evaluate 3 vectors (worker)": rows.map((r) => ms(r.evaluateMs)),
  "worker total, incl. start": rows.map((r) => ms(r.workerMs)),
  "max main-thread stall meanwhile": rows.map((r) => ms(r.maxStallMs)),
  "log loss: defaults": rows.map((r) => r.defaults.logLoss.toFixed(4)),
  "log loss: fitted": rows.map((r) => r.fitted.logLoss.toFixed(4)),
  "log loss: true parameters": rows.map((r) => r.truth.logLoss.toFixed(4)),
  "RMSE(bins): defaults": rows.map((r) => r.defaults.rmseBins.toFixed(4)),
  "RMSE(bins): fitted": rows.map((r) => r.fitted.rmseBins.toFixed(4)),
  "RMSE(bins): true parameters": rows.map((r) => r.truth.rmseBins.toFixed(4)),
};
const width = Math.max(...Object.keys(table).map((k) => k.length));
console.log(`${"".padEnd(width)}  ${SIZES.map((s) => `${s}`.padStart(16)).join("")}`);
for (const [label, values] of Object.entries(table)) {
  console.log(`${label.padEnd(width)}  ${values.map((v) => v.padStart(16)).join("")}`);
}
if (rows.length === 2) {
  const [a, b] = rows as [(typeof rows)[0], (typeof rows)[0]];
  console.log(`\nfit time ratio ${b.reviews}/${a.reviews} reviews: ${(b.fitMs / a.fitMs).toFixed(1)}×`);
}
