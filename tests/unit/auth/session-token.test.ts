import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  hashSessionToken,
  newSessionToken,
  nextExpiry,
  SESSION_REFRESH_AFTER_MS,
  SESSION_TTL_MS,
} from "@/lib/auth/session-token";

describe("newSessionToken", () => {
  it("is base64url text carrying at least 20 random bytes", () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    // base64url encodes 3 bytes in 4 characters: 20 bytes need at least 27 characters.
    expect(token.length).toBeGreaterThanOrEqual(Math.ceil((20 * 4) / 3));
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(20);
  });

  it("differs on every call", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newSessionToken()));
    expect(tokens.size).toBe(200);
  });
});

describe("hashSessionToken", () => {
  it("matches the FIPS 180-2 SHA-256 test vector for 'abc'", () => {
    expect(hashSessionToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("is the SHA-256 hex digest of the token's UTF-8 text", () => {
    const token = newSessionToken();
    expect(hashSessionToken(token)).toBe(createHash("sha256").update(token, "utf8").digest("hex"));
  });

  it("never contains the token itself", () => {
    const token = newSessionToken();
    expect(hashSessionToken(token)).not.toContain(token);
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("nextExpiry", () => {
  const lastSeenAt = new Date("2026-05-10T12:00:00Z");
  const expiresAt = new Date(lastSeenAt.getTime() + SESSION_TTL_MS);
  const session = { lastSeenAt, expiresAt };

  it("does not slide while the session was seen less than SESSION_REFRESH_AFTER_MS ago", () => {
    expect(nextExpiry(session, lastSeenAt)).toBeNull();
    expect(nextExpiry(session, new Date(lastSeenAt.getTime() + SESSION_REFRESH_AFTER_MS - 1))).toBeNull();
  });

  it("slides to a full TTL from now once SESSION_REFRESH_AFTER_MS has passed", () => {
    const now = new Date(lastSeenAt.getTime() + SESSION_REFRESH_AFTER_MS);
    expect(nextExpiry(session, now)).toEqual(new Date(now.getTime() + SESSION_TTL_MS));
  });

  it("slides well after the refresh interval too", () => {
    const now = new Date(lastSeenAt.getTime() + 10 * SESSION_REFRESH_AFTER_MS);
    expect(nextExpiry(session, now)).toEqual(new Date(now.getTime() + SESSION_TTL_MS));
  });
});
