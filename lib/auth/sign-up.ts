import type { Db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { countRequest } from "@/lib/repo/rate-limit";
import { createUser } from "@/lib/repo/users";
import { createSession } from "@/lib/repo/sessions";
import type { Locale, Theme } from "@/lib/settings/preferences";
import type { Credentials } from "./credentials";
import { hashPassword } from "./password";
import { hashSessionToken, newSessionToken, SESSION_TTL_MS } from "./session-token";
import { SIGN_UP_LIMIT } from "./throttle";
import { throttleKey } from "./throttle-keys";
import { throttlingAddress } from "@/lib/web/client-address";

export type NewSession = { token: string; expiresAt: Date; userId: string };

/** One more sign-up event from an address in the current fixed window (lib/repo/rate-limit.ts); the count so far. */
function count(db: Db, key: string, now: Date): Promise<number> {
  return countRequest(db, key, windowIndex(now));
}

const windowIndex = (now: Date) => Math.floor(now.getTime() / SIGN_UP_LIMIT.windowMs);

function rateLimited(now: Date): AppError {
  const windowEnd = (windowIndex(now) + 1) * SIGN_UP_LIMIT.windowMs;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000));
  return new AppError(
    "RATE_LIMITED",
    `too many sign-ups from this address; try again in ${retryAfterSeconds} s`,
    {
      retryAfterSeconds,
    },
  );
}

/**
 * Creates the account (with the language and theme the visitor was already
 * using) and signs it in. Throttled per client address before the password is
 * hashed; "this email is taken" is answered only SIGN_UP_LIMIT.maxTakenAnswers
 * times per window, so the answer cannot be used to test a mailing list.
 */
export async function signUp(options: {
  db: Db;
  credentials: Credentials;
  locale: Locale;
  theme: Theme;
  userAgent: string;
  ip: string;
  secret: string;
  now: Date;
}): Promise<NewSession> {
  const { db, credentials, now } = options;
  const attempts = await count(db, throttleKey(options.secret, "signup", throttlingAddress(options.ip)), now);
  if (attempts > SIGN_UP_LIMIT.maxAttempts) throw rateLimited(now);

  const passwordHash = await hashPassword(credentials.password);
  let user: { id: string };
  try {
    user = await createUser(db, {
      email: credentials.email,
      passwordHash,
      locale: options.locale,
      theme: options.theme,
    });
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT") {
      const key = throttleKey(options.secret, "signup", `taken\0${throttlingAddress(options.ip)}`);
      if ((await count(db, key, now)) > SIGN_UP_LIMIT.maxTakenAnswers) throw rateLimited(now);
    }
    throw error;
  }
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
