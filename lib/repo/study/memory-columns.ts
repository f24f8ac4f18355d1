import type { CardMemory, ReviewRecord, StateValue } from "@/lib/srs/scheduler";

/** The columns of a card's FSRS memory plus its version (also what an export carries). */
export const memoryColumns = {
  state: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  lastReview: true,
  version: true,
} as const;

export type StoredMemory = { memory: CardMemory; version: number };

type MemoryRow = Omit<CardMemory, "state"> & { state: number; version: number };

export const toMemory = ({ version: _version, ...row }: MemoryRow): CardMemory => ({
  ...row,
  state: row.state as StateValue,
});

/**
 * A memory as CardState write data, column by column. Never spread a memory (or
 * anything parsed) into a Prisma write: an extra key such as `card` or `user`
 * would be executed as a nested relation write.
 */
export function memoryData(memory: CardMemory) {
  return {
    state: memory.state,
    due: memory.due,
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsedDays: memory.elapsedDays,
    scheduledDays: memory.scheduledDays,
    learningSteps: memory.learningSteps,
    reps: memory.reps,
    lapses: memory.lapses,
    lastReview: memory.lastReview,
  };
}

/** A review's log fields (the memory before it and when) as ReviewLog write data, column by column. */
export function reviewLogData(log: ReviewRecord) {
  return {
    rating: log.rating,
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsedDays,
    lastElapsedDays: log.lastElapsedDays,
    scheduledDays: log.scheduledDays,
    learningSteps: log.learningSteps,
    reviewedAt: log.reviewedAt,
  };
}
