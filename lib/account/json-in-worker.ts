import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors";

/**
 * JSON.parse of a 50 MB document takes over a second, during which the server would
 * answer nobody. Here it runs on a worker thread, which then hands the document back in
 * pieces: first the top-level object without its large arrays, then those arrays a
 * chunk at a time, each piece only when asked for, so the main thread never
 * deserialises more than a chunk between two turns of its event loop.
 *
 * The worker is a script string (eval) rather than a file: it needs nothing but
 * JSON.parse, and a string survives both the Next bundle and vitest unchanged.
 */
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const { bytes, fields, chunkRows } = workerData;
let doc;
try {
  doc = JSON.parse(new TextDecoder().decode(bytes));
} catch (error) {
  parentPort.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
}
if (doc !== undefined) {
  const isObject = doc !== null && typeof doc === "object" && !Array.isArray(doc);
  const split = isObject ? fields.filter((f) => Array.isArray(doc[f])) : [];
  const head = isObject ? { ...doc } : doc;
  for (const f of split) delete head[f];
  parentPort.postMessage({ type: "head", head, split });
  let field = 0;
  let offset = 0;
  parentPort.on("message", () => {
    while (field < split.length && offset >= doc[split[field]].length) {
      field++;
      offset = 0;
    }
    if (field >= split.length) {
      parentPort.postMessage({ type: "end" });
      return;
    }
    const name = split[field];
    const rows = doc[name].slice(offset, offset + chunkRows);
    parentPort.postMessage({ type: "chunk", field: name, offset, rows });
    offset += rows.length;
  });
}
`;

export type JsonChunk = { field: string; offset: number; rows: unknown[] };

type Message =
  | { type: "error"; message: string }
  | { type: "head"; head: unknown; split: string[] }
  | ({ type: "chunk" } & JsonChunk)
  | { type: "end" };

export type JsonInWorker = {
  /** The document without the split arrays (or the whole value, if it is not an object). */
  head: unknown;
  /** Which of `fields` were arrays and come in `chunks` (the others, if present, stay in `head`). */
  split: string[];
  /** The split arrays' elements in order of `fields`, `chunkRows` at a time. */
  chunks: AsyncIterable<JsonChunk>;
  /** Stops the worker (also done when `chunks` ends or its loop is left early). */
  close: () => Promise<void>;
};

/**
 * Parses `bytes` (UTF-8 JSON) on a worker thread; the buffer is transferred, so `bytes`
 * is unusable afterwards. Invalid JSON is INVALID_INPUT with the parser's message.
 */
export async function parseJsonInWorker(
  bytes: Uint8Array,
  fields: readonly string[],
  chunkRows: number,
): Promise<JsonInWorker> {
  // Transfer needs a buffer of its own (a small Buffer may be a slice of a shared pool).
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { bytes: own, fields: [...fields], chunkRows },
    transferList: [own.buffer as ArrayBuffer],
  });
  const waiters: ((m: Message) => void)[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiters.splice(0)) w({ type: "error", message: error.message });
  };
  worker.on("message", (m: Message) => waiters.shift()?.(m));
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the JSON worker exited (code ${code})`)));
  const receive = () =>
    new Promise<Message>((resolve) => {
      if (failure) resolve({ type: "error", message: failure.message });
      else waiters.push(resolve);
    });
  const close = async () => {
    worker.removeAllListeners("exit");
    await worker.terminate();
  };

  const first = await receive();
  if (first.type !== "head") {
    await close();
    const message = first.type === "error" ? first.message : `unexpected ${first.type}`;
    throw new AppError("INVALID_INPUT", `body is not valid JSON: ${message}`);
  }
  async function* chunks(): AsyncIterable<JsonChunk> {
    try {
      for (;;) {
        const next = receive();
        worker.postMessage("next");
        const m = await next;
        if (m.type === "end") return;
        if (m.type !== "chunk")
          throw new Error(`reading the JSON body: ${m.type === "error" ? m.message : m.type}`);
        yield { field: m.field, offset: m.offset, rows: m.rows };
      }
    } finally {
      await close();
    }
  }
  return { head: first.head, split: first.split, chunks: chunks(), close };
}
