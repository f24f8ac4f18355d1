// The one place that calls the FSRS binding (fsrs-rs for Node, loaded by fsrs-binding.mjs), run as
// a worker thread by fit-parameters.ts. Plain JavaScript on purpose: a worker runs a
// file from disk, outside the Next bundle and outside vitest's TypeScript transform.
//
// Why a thread at all: building the binding's items, handing them to computeParameters
// (which clones them on the calling thread) and evaluate() are synchronous, about
// 1.5 s together for 100,000 reviews. Off the main thread the server keeps answering.
//
// In (workerData): { history: PackedHistory (see lib/srs/fsrs-items.ts), fit: boolean,
//   evaluateWith: number[][], relearningSteps: number }
// Out (messages): { type: "progress", fraction } … then { type: "done", fitted, metrics, timings }
//   where metrics[i] scores evaluateWith[i], the fitted parameters come last, and timings
//   are milliseconds spent building items, training and evaluating.
import { parentPort, workerData } from "node:worker_threads";
import { requireFsrsBinding } from "./fsrs-binding.mjs";

// Throws with a plain reason on a machine without the binding; fitParameters rejects with it.
const { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } = requireFsrsBinding();

const { history, fit, evaluateWith, relearningSteps } = workerData;

/** Items in the order their last review happened: fsrs-rs weights items by position (recency). */
function buildItems() {
  const ends = [];
  for (let s = 0; s + 1 < history.starts.length; s++) {
    for (let i = history.starts[s]; i < history.starts[s + 1]; i++) {
      if (history.train[i]) ends.push({ s, i });
    }
  }
  ends.sort((a, b) => history.times[a.i] - history.times[b.i]);
  const reviews = new Map();
  const train = [];
  const scored = [];
  for (const { s, i } of ends) {
    let list = reviews.get(s);
    if (!list) {
      list = [];
      for (let k = history.starts[s]; k < history.starts[s + 1]; k++) {
        list.push(new FSRSBindingReview(history.ratings[k], history.deltas[k]));
      }
      reviews.set(s, list);
    }
    const item = new FSRSBindingItem(list.slice(0, i - history.starts[s] + 1));
    train.push(item);
    if (history.scored[i]) scored.push(item);
  }
  return { train, scored };
}

function evaluate(items, parameters) {
  const { logLoss, rmseBins } = new FSRSBinding(parameters).evaluate(items);
  return { logLoss, rmseBins };
}

const progress = (fraction) => parentPort.postMessage({ type: "progress", fraction });

try {
  const started = performance.now();
  const { train, scored } = buildItems();
  const built = performance.now();
  progress(0.1);
  let fitted = null;
  if (fit) {
    const raw = await computeParameters(train, {
      enableShortTerm: true,
      numRelearningSteps: relearningSteps,
      timeout: 250,
      progress: (current, total) => {
        if (total > 0) progress(0.1 + 0.8 * Math.min(1, current / total));
      },
    });
    // Four decimals, as Anki stores them; the metrics below score the stored values.
    fitted = raw.map((p) => Math.round(p * 1e4) / 1e4);
    progress(0.9);
  }
  const trained = performance.now();
  const metrics = [...evaluateWith, ...(fitted ? [fitted] : [])].map((p) => evaluate(scored, p));
  const timings = {
    buildMs: built - started,
    fitMs: trained - built,
    evaluateMs: performance.now() - trained,
  };
  parentPort.postMessage({ type: "done", fitted, metrics, timings });
} catch (error) {
  parentPort.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
}
