import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * OWASP's device cookie: a browser that signed in to an account gets a token
 * "<userId>.<nonce>.<signature>" signed with a key derived from the server
 * secret. Sign-in attempts carrying a valid one for the account are throttled
 * per device (by nonce) instead of with the account's unknown-device counter,
 * so strangers' guesses cannot lock the owner out of a browser they have used.
 * It names the user id, not the email, so the cookie does not reveal who uses
 * the browser.
 */
export const DEVICE_COOKIE = "gradus_device";
export const DEVICE_TTL_MS = 365 * 24 * 60 * 60 * 1000;

export type DeviceToken = { userId: string; nonce: string };

const PART = /^[A-Za-z0-9_-]{1,64}$/;

function signature(secret: string, payload: string): Buffer {
  const key = createHmac("sha256", secret).update("gradus device cookie v1").digest();
  return createHmac("sha256", key).update(payload).digest();
}

export function issueDeviceToken(secret: string, userId: string): string {
  const payload = `${userId}.${randomBytes(16).toString("base64url")}`;
  return `${payload}.${signature(secret, payload).toString("base64url")}`;
}

/** The token's user and nonce when its signature is valid; null for anything else. */
export function readDeviceToken(secret: string, value: string | undefined): DeviceToken | null {
  if (!value || value.length > 300) return null;
  const [userId, nonce, sig, ...rest] = value.split(".");
  if (rest.length > 0 || !userId || !nonce || !sig) return null;
  if (![userId, nonce, sig].every((part) => PART.test(part))) return null;
  const expected = signature(secret, `${userId}.${nonce}`);
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, nonce };
}
