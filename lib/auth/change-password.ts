import type { Db } from "@/lib/db";
import { replacePasswordHash } from "@/lib/repo/users";
import { hashPassword } from "./password";
import { reauthenticate } from "./reauthenticate";

/**
 * Replaces the password after confirming the current one, and signs out every
 * other session (whoever might know the old password is out); the session that
 * made the change stays signed in. Returns how many sessions were ended.
 */
export async function changePassword(options: {
  db: Db;
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  secret: string;
  now: Date;
}): Promise<{ endedSessions: number }> {
  await reauthenticate({ ...options, password: options.currentPassword });
  const passwordHash = await hashPassword(options.newPassword);
  const endedSessions = await replacePasswordHash(options.db, {
    userId: options.userId,
    passwordHash,
    keepSessionId: options.sessionId,
  });
  return { endedSessions };
}
