import type { Db } from "@/lib/db";
import { extendSession, findSessionByTokenHash, type SessionWithUser } from "@/lib/repo/sessions";
import { hashSessionToken, nextExpiry } from "./session-token";

/** Token from the cookie → live session (sliding its expiry), or null if unknown or expired. */
export async function resolveSession(
  db: Db,
  token: string | undefined,
  now: Date,
): Promise<SessionWithUser | null> {
  if (!token || token.length > 200) return null;
  const session = await findSessionByTokenHash(db, hashSessionToken(token));
  if (!session || session.expiresAt.getTime() <= now.getTime()) return null;
  const expiresAt = nextExpiry(session, now);
  if (expiresAt) {
    await extendSession(db, session.id, expiresAt, now);
    return { ...session, expiresAt, lastSeenAt: now };
  }
  return session;
}
