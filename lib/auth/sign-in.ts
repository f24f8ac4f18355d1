import { createHmac } from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearThrottle, readThrottles, saveThrottle } from "@/lib/repo/login-throttle";
import { createSession } from "@/lib/repo/sessions";
import { findCredentialsByEmail } from "@/lib/repo/users";
import { dummyPasswordHash, verifyPassword } from "./password";
import { hashSessionToken, newSessionToken, SESSION_TTL_MS } from "./session-token";
import type { NewSession } from "./sign-up";
import { afterFailure, lockedFor, THROTTLE } from "./throttle";

function throttleKey(secret: string, kind: "email" | "ip", value: string): string {
  return `${kind}:${createHmac("sha256", secret).update(value).digest("hex")}`;
}

/**
 * Checks the password and opens a session. Failures count against both the
 * account and the client IP; a locked key answers RATE_LIMITED without even
 * checking the password, so guessing stays slow from any number of IPs.
 */
export async function signIn(options: {
  db: Db;
  email: string;
  password: string;
  ip: string;
  userAgent: string;
  secret: string;
  now: Date;
}): Promise<NewSession> {
  const { db, now } = options;
  const accountKey = throttleKey(options.secret, "email", options.email);
  const ipKey = throttleKey(options.secret, "ip", options.ip);
  const rows = await readThrottles(db, [accountKey, ipKey]);

  const waitMs = Math.max(
    lockedFor(rows.get(accountKey) ?? null, now),
    lockedFor(rows.get(ipKey) ?? null, now),
  );
  if (waitMs > 0) {
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    throw new AppError("RATE_LIMITED", `too many failed sign-ins; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }

  const user = await findCredentialsByEmail(db, options.email);
  const valid = await verifyPassword(options.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid) {
    await saveThrottle(
      db,
      accountKey,
      afterFailure(rows.get(accountKey) ?? null, THROTTLE.maxFailuresPerAccount, now),
    );
    await saveThrottle(db, ipKey, afterFailure(rows.get(ipKey) ?? null, THROTTLE.maxFailuresPerIp, now));
    throw new AppError("UNAUTHORIZED", "wrong email or password");
  }

  await clearThrottle(db, accountKey);
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
