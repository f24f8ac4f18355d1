import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";

/**
 * A fingerprint of everything the deck's public renderings are made from: every card's
 * and topic's id, content hash, retirement and last update. Any change the deck sync (or
 * anything else going through Prisma, which stamps updatedAt) makes to a card or topic
 * changes it, so a cache keyed on it never serves a stale deck. About 2 ms for a few
 * hundred cards: cheap next to rendering the deck.
 */
export async function deckVersion(db: Db): Promise<string> {
  const [cards, topics] = await Promise.all([
    db.card.findMany({
      select: { id: true, contentHash: true, retiredAt: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
    db.topic.findMany({
      select: { id: true, contentHash: true, retiredAt: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const hash = createHash("sha256");
  for (const row of [...cards, ...topics]) {
    hash.update(
      `${row.id}\t${row.contentHash}\t${row.retiredAt?.getTime() ?? ""}\t${row.updatedAt.getTime()}\n`,
    );
  }
  return hash.digest("base64url").slice(0, 22);
}
