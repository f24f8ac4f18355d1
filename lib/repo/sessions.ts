import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import {
  defaultLocale,
  defaultTheme,
  isLocale,
  isTheme,
  type Locale,
  type Theme,
} from "@/lib/settings/preferences";

export type SessionWithUser = {
  id: string;
  userId: string;
  email: string;
  locale: Locale;
  theme: Theme;
  expiresAt: Date;
  lastSeenAt: Date;
};

export async function createSession(
  db: Db,
  input: { userId: string; tokenHash: string; userAgent: string; expiresAt: Date; now: Date },
): Promise<string> {
  const id = randomUUID();
  await db.session.create({
    data: {
      id,
      userId: input.userId,
      tokenHash: input.tokenHash,
      userAgent: input.userAgent.slice(0, 200),
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: input.expiresAt,
    },
  });
  return id;
}

export async function findSessionByTokenHash(db: Db, tokenHash: string): Promise<SessionWithUser | null> {
  const row = await db.session.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { email: true, settings: { select: { locale: true, theme: true } } } },
    },
  });
  if (!row) return null;
  const settings = row.user.settings;
  return {
    id: row.id,
    userId: row.userId,
    email: row.user.email,
    locale: isLocale(settings?.locale) ? settings.locale : defaultLocale,
    theme: isTheme(settings?.theme) ? settings.theme : defaultTheme,
    expiresAt: row.expiresAt,
    lastSeenAt: row.lastSeenAt,
  };
}

export async function extendSession(db: Db, id: string, expiresAt: Date, now: Date): Promise<void> {
  await db.session.updateMany({ where: { id }, data: { expiresAt, lastSeenAt: now } });
}

export async function deleteSessionByTokenHash(db: Db, tokenHash: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash } });
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return result.count;
}
