import type { Db } from "@/lib/db";
import { rescheduleCards } from "./reschedule-cards";

/** Goes back to the library's default FSRS parameters and reschedules the user's cards with them. */
export async function resetParameters(input: { db: Db; userId: string; now: Date }) {
  return rescheduleCards({ ...input, params: null });
}
