import type { Db } from "@/lib/db";
import { studyScope } from "@/lib/repo/study";

/** Undoes the user's latest grade: the log entry is removed and the card's previous state restored exactly. */
export async function undoReview(options: { db: Db; userId: string }): Promise<{ cardId: string } | null> {
  return studyScope(options.db, options.userId).undoLastReview();
}
