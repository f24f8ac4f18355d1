import { Prisma } from "@/lib/generated/prisma-sqlite/client";

/**
 * The one definition of "in study", in both forms the repositories need: a
 * Prisma `where` and a raw SQL condition. Every query that decides which cards
 * a user studies (the day's queue, its most-overdue head in SQL, custom study,
 * the next-due time, the home page's counts) is built from these, and a test
 * checks both forms select the same rows on both databases.
 *
 * - A card is in study for a user when it is live (not retired), its topic is
 *   not paused by the user, and it carries none of the user's paused tags.
 * - A card state is scheduled when its card is in study, it has been studied
 *   (learning, review or relearning), is not suspended and not buried at `now`.
 */
export const studiedStates = [1, 2, 3];

/** Matches a card whose tag list (stored as a JSON string) holds `tag`. */
export const hasTag = (tag: string) => ({ tags: { contains: JSON.stringify(tag) } });

/** Card `where`: live, topic not paused by the user, no paused tag. */
export function cardInStudy(userId: string, pausedTags: readonly string[]) {
  return {
    retiredAt: null,
    topic: { users: { none: { userId, paused: true } } },
    ...(pausedTags.length ? { NOT: pausedTags.map(hasTag) } : {}),
  };
}

/** CardState `where`: the user's studied, unsuspended, unburied states of cards in study. */
export function scheduledFor(userId: string, now: Date, pausedTags: readonly string[]) {
  return {
    userId,
    suspended: false,
    state: { in: studiedStates },
    OR: [{ buriedUntil: null }, { buriedUntil: { lte: now } }],
    card: cardInStudy(userId, pausedTags),
  };
}

/**
 * The same rule as SQL over `"CardState" cs JOIN "Card" c ON c."id" = cs."cardId"`,
 * for queries Prisma's API cannot express (ordering by an overdue ratio).
 */
export function scheduledSql(
  dialect: "sqlite" | "postgresql",
  userId: string,
  now: Date,
  pausedTags: readonly string[],
): Prisma.Sql {
  const postgres = dialect === "postgresql";
  // Booleans as each database stores them (SQLite: 0/1 integers).
  const [no, yes] = postgres ? [Prisma.sql`FALSE`, Prisma.sql`TRUE`] : [Prisma.sql`0`, Prisma.sql`1`];
  const notTagged = (tag: string) =>
    postgres
      ? Prisma.sql`AND strpos(c."tags", ${JSON.stringify(tag)}) = 0`
      : Prisma.sql`AND instr(c."tags", ${JSON.stringify(tag)}) = 0`;
  const tagFilter = pausedTags.length ? Prisma.join(pausedTags.map(notTagged), " ") : Prisma.empty;
  return Prisma.sql`cs."userId" = ${userId}
      AND cs."state" IN (${Prisma.join(studiedStates)})
      AND cs."suspended" = ${no}
      AND (cs."buriedUntil" IS NULL OR cs."buriedUntil" <= ${now})
      AND c."retiredAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "UserTopic" ut
        WHERE ut."userId" = cs."userId" AND ut."topicId" = c."topicId" AND ut."paused" = ${yes}
      )
      ${tagFilter}`;
}
