import { Worker } from "node:worker_threads";
import type { PackedHistory } from "@/lib/srs/fsrs-items";

/** How well a parameter vector predicts a history; both lower-is-better. */
export type FitMetrics = {
  /**
   * Binary cross-entropy of the predicted recall probability, in nats, weighted towards
   * recent reviews as fsrs-rs weights them (item i of n: 0.25 + 0.75·(i/(n−1))³).
   */
  logLoss: number;
  /** RMSE between predicted and actual recall rates over bins of similar review histories (fsrs-rs / FSRS benchmark). */
  rmseBins: number;
};

export type FitRequest = {
  history: PackedHistory;
  /** False: only score `evaluateWith` (no training). */
  fit: boolean;
  evaluateWith: readonly (readonly number[])[];
  relearningSteps: number;
  onProgress?: (fraction: number) => void;
  /** Aborting stops the worker and rejects. */
  signal?: AbortSignal;
};

export type FitOutcome = {
  fitted: number[] | null;
  /** One per `evaluateWith` entry, then one for the fitted parameters. */
  metrics: FitMetrics[];
  /** Milliseconds in the worker: building the binding's items, training, scoring. */
  timings: { buildMs: number; fitMs: number; evaluateMs: number };
};

type WorkerMessage =
  | { type: "progress"; fraction: number }
  | ({ type: "done" } & FitOutcome)
  | { type: "error"; message: string };

/**
 * Fits (and scores) FSRS parameters on a worker thread running fit-worker.mjs, the only
 * code that calls the binding. The history's buffers are transferred to the worker, so
 * `request.history` is unusable afterwards.
 */
export function fitParameters(request: FitRequest): Promise<FitOutcome> {
  const { history } = request;
  const buffers = [
    history.starts,
    history.ratings,
    history.deltas,
    history.times,
    history.train,
    history.scored,
  ];
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./fit-worker.mjs", import.meta.url), {
      workerData: {
        history,
        fit: request.fit,
        evaluateWith: request.evaluateWith.map((p) => [...p]),
        relearningSteps: request.relearningSteps,
      },
      transferList: buffers.map((b) => b.buffer as ArrayBuffer),
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") request.onProgress?.(message.fraction);
      else if (message.type === "done")
        settle(() => resolve({ fitted: message.fitted, metrics: message.metrics, timings: message.timings }));
      else settle(() => reject(new Error(`FSRS optimizer: ${message.message}`)));
    });
    worker.on("error", (error) => settle(() => reject(error)));
    request.signal?.addEventListener(
      "abort",
      () => settle(() => reject(new Error("FSRS optimizer: aborted"))),
      {
        once: true,
      },
    );
    worker.on("exit", (code) =>
      settle(() => reject(new Error(`FSRS optimizer worker exited (code ${code}) without a result`))),
    );
  });
}
