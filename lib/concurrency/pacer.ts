import { setTimeout as sleep } from "node:timers/promises";

/**
 * Paces a long job that runs on the main thread in steps: after each step it waits about
 * as long again as the step took (capped), so the job uses at most about `share` of the
 * event loop and the requests of everyone else are answered between its steps. (A bare
 * setImmediate is not enough on SQLite: a request needs several database statements,
 * each queued behind the job's next step.)
 */
export function createPacer(share = 0.5, maxPauseMs = 100): () => Promise<void> {
  let since = performance.now();
  return async () => {
    const worked = performance.now() - since;
    await sleep(Math.min(maxPauseMs, (worked * (1 - share)) / share));
    since = performance.now();
  };
}
