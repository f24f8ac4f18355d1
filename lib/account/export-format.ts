import { z } from "zod";
import { localeSchema, themeSchema } from "@/lib/settings/preferences";
import {
  cardMemoryShape,
  checkStudiedMemory,
  int32Count,
  INT32_MAX,
  isoDateSchema,
  parseMemorySnapshot,
  snapshotOf,
  stateValueSchema,
} from "@/lib/srs/memory-schema";
import { studySettingsSchema } from "@/lib/srs/study-settings";

/**
 * The account export: everything a user owns, as versioned JSON. Importing it
 * restores an identical account (settings, card states, the full review log).
 * An import is untrusted input: every value is checked against what FSRS and
 * the app can handle (lib/srs/memory-schema.ts), ids must be unique, and no
 * review may lie in the future.
 */
const stateValue = stateValueSchema;
const id = z.string().min(1).max(100);
/** Grading writes version + 1, and a stored state starts at 1: keep both inside a 32-bit integer. */
const version = z
  .number()
  .int()
  .min(1, "expected a version of 1 or more")
  .max(INT32_MAX - 1);
/** Stays a string (the stored form) but must hold a valid memory; re-serialized so only its columns remain. */
const previousSnapshot = z.string().transform((json, ctx) => {
  const memory = parseMemorySnapshot(json);
  if (memory) return snapshotOf(memory);
  ctx.addIssue({
    code: "custom",
    message: "expected the JSON of a valid card memory (the state before this review)",
  });
  return z.NEVER;
});
/** How far an export's clock may run ahead of this server's before its dates count as "in the future". */
export const CLOCK_SKEW_MS = 5 * 60_000;

export const cardStateRecord = z
  .object({
    cardId: id,
    ...cardMemoryShape,
    suspended: z.boolean(),
    buriedUntil: isoDateSchema.nullable(),
    flagged: z.boolean(),
    version,
  })
  .strict()
  .superRefine(checkStudiedMemory);

export const reviewLogRecord = z
  .object({
    clientId: id,
    cardId: id,
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    state: stateValue,
    due: cardMemoryShape.due,
    stability: cardMemoryShape.stability,
    difficulty: cardMemoryShape.difficulty,
    elapsedDays: int32Count,
    lastElapsedDays: int32Count,
    scheduledDays: int32Count,
    learningSteps: int32Count,
    reviewedAt: isoDateSchema,
    durationMs: int32Count,
    previous: previousSnapshot.nullable(),
  })
  .strict();

export const accountExportSchema = z
  .object({
    format: z.literal("gradus-account"),
    version: z.literal(1),
    exportedAt: isoDateSchema,
    preferences: z.object({ locale: localeSchema, theme: themeSchema }).strict(),
    study: studySettingsSchema,
    topics: z.array(z.object({ topicId: id, paused: z.boolean() }).strict()),
    // Absent from exports made before tags could be paused.
    pausedTags: z.array(z.string().min(1).max(40)).max(2000).default([]),
    cardStates: z.array(cardStateRecord),
    reviewLogs: z.array(reviewLogRecord),
  })
  .strict()
  .superRefine((data, ctx) => {
    unique(data.topics, (t) => t.topicId, "topics", "topicId", ctx);
    unique(data.cardStates, (s) => s.cardId, "cardStates", "cardId", ctx);
    unique(data.reviewLogs, (l) => l.clientId, "reviewLogs", "clientId", ctx);
    const latest = new Date(Date.now() + CLOCK_SKEW_MS);
    if (data.exportedAt > latest) {
      ctx.addIssue({
        code: "custom",
        path: ["exportedAt"],
        message: `the export is dated ${data.exportedAt.toISOString()}, after this server's clock`,
      });
      return;
    }
    // Everything that happened did so before the export was made.
    const after = (d: Date | null) => d !== null && d > data.exportedAt;
    data.cardStates.forEach((s, i) => {
      if (after(s.lastReview)) future(ctx, ["cardStates", i, "lastReview"], s.lastReview!, data.exportedAt);
    });
    data.reviewLogs.forEach((l, i) => {
      if (after(l.reviewedAt)) future(ctx, ["reviewLogs", i, "reviewedAt"], l.reviewedAt, data.exportedAt);
    });
  });

function unique<T>(
  items: readonly T[],
  key: (item: T) => string,
  list: string,
  field: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const value = key(item);
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else
      ctx.addIssue({
        code: "custom",
        path: [list, i, field],
        message: `duplicate ${field} "${value}" (also at ${list}[${first}])`,
      });
  });
}

function future(ctx: z.RefinementCtx, path: (string | number)[], date: Date, exportedAt: Date): void {
  ctx.addIssue({
    code: "custom",
    path,
    message: `${date.toISOString()} is after the export was made (${exportedAt.toISOString()})`,
  });
}

export type AccountExport = z.output<typeof accountExportSchema>;
export type CardStateRecord = z.output<typeof cardStateRecord>;
export type ReviewLogRecord = z.output<typeof reviewLogRecord>;

/** The review log in the column layout FSRS optimizer tools read. */
export function reviewLogCsv(
  logs: { cardId: string; reviewedAt: Date; rating: number; state: number; durationMs: number }[],
): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const rows = logs.map((l) =>
    [quote(l.cardId), l.reviewedAt.getTime(), l.rating, l.state, l.durationMs].join(","),
  );
  return ["card_id,review_time,review_rating,review_state,review_duration", ...rows].join("\n") + "\n";
}
