import type { Db } from "@/lib/db";
import { createUser } from "@/lib/repo/users";
import { createSession } from "@/lib/repo/sessions";
import type { Locale, Theme } from "@/lib/settings/preferences";
import type { Credentials } from "./credentials";
import { hashPassword } from "./password";
import { hashSessionToken, newSessionToken, SESSION_TTL_MS } from "./session-token";

export type NewSession = { token: string; expiresAt: Date; userId: string };

/** Creates the account (with the language and theme the visitor was already using) and signs it in. */
export async function signUp(options: {
  db: Db;
  credentials: Credentials;
  locale: Locale;
  theme: Theme;
  userAgent: string;
  now: Date;
}): Promise<NewSession> {
  const { db, credentials, now } = options;
  const passwordHash = await hashPassword(credentials.password);
  const user = await createUser(db, {
    email: credentials.email,
    passwordHash,
    locale: options.locale,
    theme: options.theme,
  });
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await createSession(db, {
    userId: user.id,
    tokenHash: hashSessionToken(token),
    userAgent: options.userAgent,
    expiresAt,
    now,
  });
  return { token, expiresAt, userId: user.id };
}
