import { ZodError, type core } from "zod";
import type { Db } from "@/lib/db";
import { accountExportSchema, type ReviewLogRecord } from "@/lib/account/export-format";
import { AppError } from "@/lib/errors";
import { IMPORT_CHUNK_ROWS, IMPORT_MAX_SMALL_LIST } from "@/lib/limits";
import { importAccount } from "@/lib/repo/account-data";
import { parseJsonInWorker, type JsonChunk } from "./json-in-worker";

// The export's lists, in the order the worker hands them over: the small ones first.
const smallLists = ["topics", "pausedTags", "cardStates"] as const;
const lists = [...smallLists, "reviewLogs"] as const;

/**
 * Imports an uploaded account export (UTF-8 JSON bytes) for `userId`: parsed on a worker
 * thread, validated against the export schema (lib/account/export-format.ts) and written
 * a chunk of review logs at a time, with the event loop free between chunks. The small
 * lists and the settings are validated together, in one schema parse; the review log is
 * validated by the same schema a chunk at a time (its messages keep the row's position
 * in the file), so the full schema never runs over the whole log at once.
 */
export async function importAccountFile(input: {
  db: Db;
  userId: string;
  body: Uint8Array;
  clock?: () => Date;
}): Promise<{ cardStates: number; reviewLogs: number }> {
  const parsed = await parseJsonInWorker(input.body, lists, IMPORT_CHUNK_ROWS);
  try {
    if (!isPlainObject(parsed.head)) {
      accountExportSchema.parse(parsed.head); // throws, worded by the schema
      throw new AppError("INVALID_INPUT", "expected an account export (a JSON object)");
    }
    // The document with its lists emptied; a list that is missing or not an array stays as
    // it is, so this first parse reports it as the schema words it.
    const base = { ...parsed.head, ...Object.fromEntries(parsed.split.map((f) => [f, []])) };
    accountExportSchema.parse(base);
    const chunks = parsed.chunks[Symbol.asyncIterator]();

    // The small lists arrive first; gather them until the review log starts.
    const small: Record<(typeof smallLists)[number], unknown[]> = {
      topics: [],
      pausedTags: [],
      cardStates: [],
    };
    let pending: JsonChunk | null = null;
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      if (next.value.field === "reviewLogs") {
        pending = next.value;
        break;
      }
      const list = small[next.value.field as (typeof smallLists)[number]];
      list.push(...next.value.rows);
      if (list.length > IMPORT_MAX_SMALL_LIST) {
        throw new AppError(
          "INVALID_INPUT",
          `${next.value.field} has more than ${IMPORT_MAX_SMALL_LIST} entries; an export has at most one per card or topic of the deck`,
        );
      }
    }
    const head = accountExportSchema.parse({ ...base, ...small });

    async function* reviewLogs(): AsyncIterable<ReviewLogRecord[]> {
      let chunk = pending;
      while (chunk) {
        // Validated as the importer asks for it, so its pacing (lib/concurrency/pacer.ts) covers this too.
        yield validateChunk(base, chunk);
        const next = await chunks.next();
        chunk = next.done ? null : next.value;
      }
    }
    return await importAccount(input.db, input.userId, { ...head, reviewLogs: reviewLogs() }, input.clock);
  } finally {
    await parsed.close();
  }
}

/** One chunk of the review log through the full schema, issues pointing at the row in the file. */
function validateChunk(base: object, chunk: JsonChunk): ReviewLogRecord[] {
  const result = accountExportSchema.safeParse({ ...base, reviewLogs: chunk.rows });
  if (result.success) return result.data.reviewLogs;
  const issues = result.error.issues.map((issue): core.$ZodIssue => {
    const [field, index, ...rest] = issue.path;
    if (field !== "reviewLogs" || typeof index !== "number") return issue;
    return { ...issue, path: [field, index + chunk.offset, ...rest] };
  });
  throw new ZodError(issues);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
