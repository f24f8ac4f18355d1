import type { Db } from "@/lib/db";
import { cardActionsRoom } from "./card-actions";
import { gradingRoom } from "./grading";
import { historyRoom } from "./history";
import { queueRoom } from "./queue";
import { settingsRoom } from "./settings";
import { undoRoom } from "./undo";

export { cardActions, type CardAction } from "./card-actions";
export { LEECH_LAPSES } from "./history";
export { cardInStudy, hasTag, scheduledFor, scheduledSql } from "./in-study";
export { memoryColumns, memoryData, reviewLogData, toMemory, type StoredMemory } from "./memory-columns";
export type { QueueContext } from "./settings";

/**
 * A user's study data, one room per concern (settings, queue reads, grading,
 * card actions, history, undo). Every query carries `userId`, so nothing here
 * can read or change another user's cards.
 */
export function studyScope(db: Db, userId: string) {
  return {
    ...settingsRoom(db, userId),
    ...queueRoom(db, userId),
    ...gradingRoom(db, userId),
    ...cardActionsRoom(db, userId),
    ...historyRoom(db, userId),
    ...undoRoom(db, userId),
  };
}

export type StudyScope = ReturnType<typeof studyScope>;
