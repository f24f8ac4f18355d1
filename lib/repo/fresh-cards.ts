import type { Db } from "@/lib/db";

/**
 * The day's new cards for one user, in content order, without scanning the
 * deck on every review.
 *
 * Finding new cards means checking every card of the deck against the user's
 * card states (an anti-join: ~6 ms for 10,000 cards on SQLite, most of the
 * queue's cost). The queue only ever needs the first few, so each process keeps
 * the next CANDIDATES new cards per user and, on later calls, only re-checks
 * those against the database (one small indexed query). Grading only removes
 * cards from the new set, which the re-check sees. Everything that can add a
 * card back (undo of a first review, reset, unsuspend, pausing topics or tags,
 * an import) bumps `UserSettings.studyEpoch` in the same write, and the epoch
 * is part of the key, so every instance recomputes; so does a new study day
 * (buried cards come back). Deck changes (a re-seed adds cards) are picked up
 * within TTL_MS.
 */
const CANDIDATES = 100;
const TTL_MS = 5 * 60_000;
const MAX_USERS = 5_000;

type Entry = { key: string; ids: string[]; exhaustive: boolean; at: number };
const entries = new Map<string, Entry>();

/** The card-state condition that makes a card not new for this user: studied, suspended or buried. */
export const notNewFor = (userId: string, now: Date) => ({
  userId,
  OR: [{ state: { not: 0 } }, { suspended: true }, { buriedUntil: { gt: now } }],
});

export async function freshCards(options: {
  db: Db;
  userId: string;
  now: Date;
  room: number;
  /** The studyEpoch and study day the candidates were computed for; null: do not cache. */
  key: string | null;
  /** The full query: the first `take` new cards in content order. */
  query: (take: number) => Promise<string[]>;
}): Promise<string[]> {
  const { db, userId, now, room, key } = options;
  if (room <= 0) return [];
  if (key === null) return options.query(room);

  const hit = entries.get(userId);
  if (hit && hit.key === key && now.getTime() - hit.at < TTL_MS) {
    // Re-check only as many candidates as the day can use (plus slack), then the rest if needed.
    let open = await stillNew(db, userId, now, hit.ids.slice(0, room + 10));
    let unchecked = hit.ids.slice(room + 10);
    if (open.length < room && unchecked.length > 0) {
      open = [...open, ...(await stillNew(db, userId, now, unchecked))];
      unchecked = [];
    }
    if (open.length >= room || hit.exhaustive) {
      hit.ids = [...open, ...unchecked];
      return open.slice(0, room);
    }
  }

  const take = Math.max(room, CANDIDATES);
  const ids = await options.query(take);
  if (entries.size >= MAX_USERS) entries.delete(entries.keys().next().value!);
  entries.delete(userId); // re-insert: the Map's order is the eviction order
  entries.set(userId, { key, ids, exhaustive: ids.length < take, at: now.getTime() });
  return ids.slice(0, room);
}

/** The ids, in order, that are still new for the user. */
async function stillNew(db: Db, userId: string, now: Date, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const gone = await db.cardState.findMany({
    where: { ...notNewFor(userId, now), cardId: { in: ids } },
    select: { cardId: true },
  });
  const goneIds = new Set(gone.map((g) => g.cardId));
  return ids.filter((id) => !goneIds.has(id));
}
