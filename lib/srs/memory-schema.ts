import { z } from "zod";
import { S_MAX, S_MIN } from "ts-fsrs";
import type { CardMemory, StateValue } from "./scheduler";

/**
 * What a card's FSRS memory may hold, checked wherever one crosses a trust
 * boundary: an imported account and the undo snapshot stored on each review
 * log. Values outside these ranges either crash the scheduler or leave a card
 * that can never be graded again, so they are refused rather than stored.
 */
export const INT32_MAX = 2 ** 31 - 1;
/** FSRS keeps difficulty in [1, 10] once a card is studied; a new or reset card holds 0. */
export const DIFFICULTY_RANGE = { min: 1, max: 10 } as const;
export const STABILITY_RANGE = { min: S_MIN, max: S_MAX } as const;

export const stateValueSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], {
  message: "expected a card state 0 (new), 1 (learning), 2 (review) or 3 (relearning)",
});
/** A count or a number of days that fits the databases' 32-bit integer columns. */
export const int32Count = z
  .number()
  .int("expected a whole number")
  .min(0, "expected 0 or more")
  .max(INT32_MAX, `expected at most ${INT32_MAX}`);

/** An ISO date-time with offset, as JSON.stringify writes a Date. */
export const isoDateSchema = z.iso
  .datetime({ offset: true, message: "expected an ISO date-time such as 2026-01-31T08:00:00.000Z" })
  .transform((v) => new Date(v))
  .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1970 && d.getUTCFullYear() <= 9999, {
    message: "expected a date between 1970 and 9999",
  });

const memoryShape = {
  state: stateValueSchema,
  due: isoDateSchema,
  stability: z.number().finite().min(0).max(STABILITY_RANGE.max),
  difficulty: z.number().finite().min(0).max(DIFFICULTY_RANGE.max),
  elapsedDays: int32Count,
  scheduledDays: int32Count,
  learningSteps: int32Count,
  reps: int32Count,
  lapses: int32Count,
  lastReview: isoDateSchema.nullable(),
};

type MemoryFields = { state: number; stability: number; difficulty: number; lastReview: Date | null };

/** A studied card must carry what FSRS computes from: stability > 0, difficulty in range, a last review. */
export function checkStudiedMemory(memory: MemoryFields, ctx: z.RefinementCtx): void {
  if (memory.state === 0) return;
  if (memory.stability < STABILITY_RANGE.min) {
    ctx.addIssue({
      code: "custom",
      path: ["stability"],
      message: `a studied card (state ${memory.state}) needs stability of at least ${STABILITY_RANGE.min}, got ${memory.stability}`,
    });
  }
  if (memory.difficulty < DIFFICULTY_RANGE.min) {
    ctx.addIssue({
      code: "custom",
      path: ["difficulty"],
      message: `a studied card (state ${memory.state}) needs difficulty between ${DIFFICULTY_RANGE.min} and ${DIFFICULTY_RANGE.max}, got ${memory.difficulty}`,
    });
  }
  if (memory.lastReview === null) {
    ctx.addIssue({
      code: "custom",
      path: ["lastReview"],
      message: `a studied card (state ${memory.state}) needs the date of its last review`,
    });
  }
}

/** The memory fields alone, strict: any other key (a relation, a user id) is an error. */
export const cardMemorySchema = z.strictObject(memoryShape).superRefine(checkStudiedMemory);

/** The memory fields, for schemas that add their own columns (the account export). */
export const cardMemoryShape = memoryShape;

/**
 * Reads an undo snapshot (JSON text written by `snapshotOf`). Returns null when
 * it is not a valid memory, so a tampered or corrupt row is refused, never written.
 */
export function parseMemorySnapshot(json: string): CardMemory | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = cardMemorySchema.safeParse(raw);
  if (!parsed.success) return null;
  return { ...parsed.data, state: parsed.data.state as StateValue };
}

/** The snapshot text stored on a review log: exactly the memory columns, dates as ISO strings. */
export function snapshotOf(memory: CardMemory): string {
  return JSON.stringify({
    state: memory.state,
    due: memory.due.toISOString(),
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsedDays: memory.elapsedDays,
    scheduledDays: memory.scheduledDays,
    learningSteps: memory.learningSteps,
    reps: memory.reps,
    lapses: memory.lapses,
    lastReview: memory.lastReview ? memory.lastReview.toISOString() : null,
  });
}
