import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createSession } from "@/lib/repo/sessions";
import { findCredentialsByEmail } from "@/lib/repo/users";
import { passwordCheckGate, type ConcurrencyGate } from "./concurrency-gate";
import { issueDeviceToken, readDeviceToken } from "./device-cookie";
import { dummyPasswordHash, verifyPassword } from "./password";
import { hashSessionToken, newSessionToken, SESSION_TTL_MS } from "./session-token";
import type { NewSession } from "./sign-up";
import { THROTTLE } from "./throttle";
import { throttleKey } from "./throttle-keys";
import { throttledCheck, type ThrottleCharge } from "./throttled-check";
import { throttlingAddress } from "@/lib/web/client-address";

export type SignedInSession = NewSession & { deviceToken: string };

/**
 * Checks the password and opens a session. From an unknown browser an attempt
 * counts against the account's unknown-device counter and the client address;
 * from a browser with a valid device cookie for this account, against that
 * device only (strangers' guesses never lock the owner out of it). Attempts are
 * counted before the password is checked, so parallel guesses cannot overrun
 * the limit. Success hands out a fresh device cookie.
 */
export async function signIn(options: {
  db: Db;
  email: string;
  password: string;
  ip: string;
  userAgent: string;
  secret: string;
  now: Date;
  deviceToken?: string;
  gate?: ConcurrencyGate;
}): Promise<SignedInSession> {
  const { db, now, secret } = options;
  const user = await findCredentialsByEmail(db, options.email);
  const device = readDeviceToken(secret, options.deviceToken);
  const knownDevice = device !== null && user !== null && device.userId === user.id;
  const accountKey = throttleKey(secret, "email", options.email);

  const charges: ThrottleCharge[] = knownDevice
    ? [
        {
          key: throttleKey(secret, "device", device.nonce),
          maxFailures: THROTTLE.maxFailuresPerDevice,
          onSuccess: "clear",
        },
      ]
    : [
        { key: accountKey, maxFailures: THROTTLE.maxFailuresPerAccount, onSuccess: "clear" },
        {
          key: throttleKey(secret, "ip", throttlingAddress(options.ip)),
          maxFailures: THROTTLE.maxFailuresPerIp,
          onSuccess: "refund",
        },
      ];
  const hash = user?.passwordHash ?? (await dummyPasswordHash());
  const valid = await throttledCheck({
    db,
    charges,
    gate: options.gate ?? passwordCheckGate,
    gateKey: accountKey,
    now,
    check: async () => (await verifyPassword(options.password, hash)) && user !== null,
  });
  if (!user || !valid) throw new AppError("UNAUTHORIZED", "wrong email or password");

  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await createSession(db, {
    userId: user.id,
    tokenHash: hashSessionToken(token),
    userAgent: options.userAgent,
    expiresAt,
    now,
  });
  return { token, expiresAt, userId: user.id, deviceToken: issueDeviceToken(secret, user.id) };
}
