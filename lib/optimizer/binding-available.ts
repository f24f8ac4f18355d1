import { Worker } from "node:worker_threads";

export type BindingStatus = { available: true } | { available: false; reason: string };

let probe: Promise<BindingStatus> | undefined;

/**
 * Whether the FSRS optimizer can run on this machine; when not, `reason` says why in
 * words to show the user (e.g. "not available on darwin-arm64: … installed only for
 * linux-x64-gnu"). Asked on a worker thread because that is where fits load the binding
 * (and, like fit-parameters.ts, a worker file stays outside the Next bundle). The answer
 * cannot change while the process runs, so it is computed once per process.
 */
export function bindingAvailable(): Promise<BindingStatus> {
  probe ??= new Promise<BindingStatus>((resolve) => {
    const worker = new Worker(new URL("./binding-probe.mjs", import.meta.url));
    worker.once("message", (status: BindingStatus) => {
      resolve(status);
      void worker.terminate();
    });
    worker.once("error", (error) =>
      resolve({ available: false, reason: `the FSRS optimizer could not be checked: ${error.message}` }),
    );
  });
  return probe;
}
