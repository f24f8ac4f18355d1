// Worker entry for binding-available.ts: tries to load the binding off the main thread,
// the same way the fit worker will, and reports the outcome.
import { parentPort } from "node:worker_threads";
import { loadFsrsBinding } from "./fsrs-binding.mjs";

const loaded = loadFsrsBinding();
parentPort.postMessage(loaded.binding ? { available: true } : { available: false, reason: loaded.reason });
