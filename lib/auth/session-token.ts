import { createHash, randomBytes } from "node:crypto";

export const SESSION_COOKIE = "gradus_session";
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
// Extend the expiry at most once a day, so reads do not turn into writes on every request.
export const SESSION_REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

/** 32 random bytes (256 bits) as base64url; only its SHA-256 is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Sliding expiry: a session used again gets a fresh full lifetime. */
export function nextExpiry(session: { expiresAt: Date; lastSeenAt: Date }, now: Date): Date | null {
  if (now.getTime() - session.lastSeenAt.getTime() < SESSION_REFRESH_AFTER_MS) return null;
  return new Date(now.getTime() + SESSION_TTL_MS);
}
