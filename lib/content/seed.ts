import type { Db } from "@/lib/db";
import { syncDeck, type SyncReport } from "@/lib/repo/sync-deck";
import { ContentError } from "./issues";
import { loadDeck } from "./load-deck";

/**
 * Validates the whole content folder first and only then writes, in one
 * transaction: any content error leaves the database exactly as it was.
 */
export async function seedContent(db: Db, root: string, now: Date): Promise<SyncReport> {
  const { deck, issues } = loadDeck(root);
  if (issues.length > 0) throw new ContentError(issues);
  return syncDeck(db, deck, now);
}

export function describeSync(report: SyncReport): string {
  const part = (label: string, plan: SyncReport["cards"]) =>
    `${label}: ${plan.add.length} added, ${plan.update.length} updated, ${plan.retire.length} retired, ${plan.unchanged.length} unchanged`;
  return `${part("cards", report.cards)}; ${part("topics", report.topics)}`;
}
