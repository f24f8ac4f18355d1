import { describe, expect, it } from "vitest";
import { issueDeviceToken, readDeviceToken } from "@/lib/auth/device-cookie";

const secret = "unit-secret-unit-secret-unit-secret";
const userId = "0b6f3c8e-8a43-4b8e-9f0e-3f9a2b1c4d5e";

describe("a device token issued for a user", () => {
  it("reads back as that user with a nonce", () => {
    const token = readDeviceToken(secret, issueDeviceToken(secret, userId));
    expect(token?.userId).toBe(userId);
    expect(token?.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("gets a new nonce each time, so each browser is throttled on its own", () => {
    const a = readDeviceToken(secret, issueDeviceToken(secret, userId));
    const b = readDeviceToken(secret, issueDeviceToken(secret, userId));
    expect(a?.nonce).not.toBe(b?.nonce);
  });
});

describe("a device token that was tampered with", () => {
  const token = issueDeviceToken(secret, userId);
  const [, nonce, sig] = token.split(".");

  it("is refused when moved to another user", () => {
    expect(readDeviceToken(secret, `${userId.replace("0b6f", "1b6f")}.${nonce}.${sig}`)).toBeNull();
  });

  it("is refused when signed with another secret", () => {
    expect(
      readDeviceToken(secret, issueDeviceToken("other-secret-other-secret-other-secret", userId)),
    ).toBeNull();
  });

  it("is refused when malformed, truncated or absurdly long", () => {
    for (const bad of [
      undefined,
      "",
      "a.b",
      `${token}.x`,
      token.slice(0, -2),
      `${userId}.${nonce}.`,
      "x".repeat(400),
    ]) {
      expect(readDeviceToken(secret, bad)).toBeNull();
    }
  });
});
