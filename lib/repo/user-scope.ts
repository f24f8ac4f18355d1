import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  defaultLocale,
  defaultTheme,
  isLocale,
  isTheme,
  type Locale,
  type PreferencesPatch,
  type Theme,
} from "@/lib/settings/preferences";

export type Preferences = { locale: Locale; theme: Theme };
export type ActiveSession = {
  id: string;
  userAgent: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};
export type StudyCounts = {
  topics: number;
  cards: number;
  newCards: number;
  reviewedToday: number;
};

/**
 * Every read and write of a user's own data goes through this scope. It is built
 * from the signed-in session only, and each query carries `userId` in its
 * where-clause, so a guessed id of someone else's row matches nothing.
 */
export function userScope(db: Db, userId: string) {
  return {
    userId,

    async preferences(): Promise<Preferences> {
      const row = await db.userSettings.findUnique({
        where: { userId },
        select: { locale: true, theme: true },
      });
      return {
        locale: isLocale(row?.locale) ? row.locale : defaultLocale,
        theme: isTheme(row?.theme) ? row.theme : defaultTheme,
      };
    },

    async updatePreferences(patch: PreferencesPatch): Promise<Preferences> {
      // Column by column: a parsed request never goes into a write as a whole object.
      const data = {
        ...(patch.locale === undefined ? {} : { locale: patch.locale }),
        ...(patch.theme === undefined ? {} : { theme: patch.theme }),
      };
      const row = await db.userSettings.upsert({
        where: { userId },
        create: { userId, ...data },
        update: data,
        select: { locale: true, theme: true },
      });
      return { locale: row.locale as Locale, theme: row.theme as Theme };
    },

    /** Where the user's study day begins; used for "today" counts and daily limits. */
    async dayBoundary(): Promise<{ timeZone: string; dayStartHour: number }> {
      const row = await db.userSettings.findUnique({
        where: { userId },
        select: { timeZone: true, dayStartHour: true },
      });
      return { timeZone: row?.timeZone ?? "UTC", dayStartHour: row?.dayStartHour ?? 4 };
    },

    async sessions(currentSessionId: string): Promise<ActiveSession[]> {
      const rows = await db.session.findMany({
        where: { userId },
        orderBy: { lastSeenAt: "desc" },
        select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
      });
      return rows.map((r) => ({ ...r, current: r.id === currentSessionId }));
    },

    /** Signs out one of the user's sessions; someone else's session id is "not found". */
    async revokeSession(sessionId: string): Promise<void> {
      const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
      if (count === 0) throw new AppError("NOT_FOUND", `session "${sessionId}" not found`);
    },

    /** Deck size, cards never started and today's reviews; what is due comes from the queue (lib/review/due-now.ts). */
    async studyCounts(dayStart: Date): Promise<StudyCounts> {
      const live = { retiredAt: null };
      const [topics, cards, started, reviewedToday] = await Promise.all([
        db.topic.count({ where: live }),
        db.card.count({ where: live }),
        db.cardState.count({ where: { userId, card: live } }),
        db.reviewLog.count({ where: { userId, reviewedAt: { gte: dayStart } } }),
      ]);
      return { topics, cards, newCards: cards - started, reviewedToday };
    },

    async cardState(cardId: string) {
      return db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
    },
  };
}

export type UserScope = ReturnType<typeof userScope>;
