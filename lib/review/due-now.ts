import type { Db } from "@/lib/db";
import { nextCards } from "./next-cards";

/**
 * How many cards the day's queue would serve right now, learning and reviews
 * (what the home page calls "due now"): counted by the queue itself, so the
 * count and /review can never disagree about suspended, buried or paused cards
 * or the day's review limit.
 */
export async function dueNowCount(options: { db: Db; userId: string; now: Date }): Promise<number> {
  const { counts } = await nextCards({ ...options, locale: "en", count: 0 });
  return counts.learning + counts.review;
}
