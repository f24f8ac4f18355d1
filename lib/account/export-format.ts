import { z } from "zod";
import { localeSchema, themeSchema } from "@/lib/settings/preferences";
import { studySettingsSchema } from "@/lib/srs/study-settings";

/**
 * The account export: everything a user owns, as versioned JSON. Importing it
 * restores an identical account (settings, card states, the full review log).
 */
const isoDate = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const stateValue = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

export const cardStateRecord = z
  .object({
    cardId: z.string().min(1).max(100),
    state: stateValue,
    due: isoDate,
    stability: z.number().finite(),
    difficulty: z.number().finite(),
    elapsedDays: z.number().int(),
    scheduledDays: z.number().int(),
    learningSteps: z.number().int(),
    reps: z.number().int().min(0),
    lapses: z.number().int().min(0),
    lastReview: isoDate.nullable(),
    suspended: z.boolean(),
    buriedUntil: isoDate.nullable(),
    flagged: z.boolean(),
    version: z.number().int().min(0),
  })
  .strict();

export const reviewLogRecord = z
  .object({
    clientId: z.string().min(1).max(100),
    cardId: z.string().min(1).max(100),
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    state: stateValue,
    due: isoDate,
    stability: z.number().finite(),
    difficulty: z.number().finite(),
    elapsedDays: z.number().int(),
    lastElapsedDays: z.number().int(),
    scheduledDays: z.number().int(),
    learningSteps: z.number().int(),
    reviewedAt: isoDate,
    durationMs: z.number().int().min(0),
    previous: z.string().nullable(),
  })
  .strict();

export const accountExportSchema = z
  .object({
    format: z.literal("gradus-account"),
    version: z.literal(1),
    exportedAt: isoDate,
    preferences: z.object({ locale: localeSchema, theme: themeSchema }).strict(),
    study: studySettingsSchema,
    topics: z.array(z.object({ topicId: z.string(), paused: z.boolean() }).strict()),
    // Absent from exports made before tags could be paused.
    pausedTags: z.array(z.string().min(1).max(40)).max(2000).default([]),
    cardStates: z.array(cardStateRecord),
    reviewLogs: z.array(reviewLogRecord),
  })
  .strict();

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
