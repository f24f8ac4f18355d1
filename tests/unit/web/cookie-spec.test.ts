import { describe, expect, it } from "vitest";
import { DEVICE_COOKIE } from "@/lib/auth/device-cookie";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { cookieSpec } from "@/lib/web/cookie-spec";

describe("cookies served over HTTPS", () => {
  it("carry the __Host- prefix with what it requires: Secure, Path=/ and no Domain", () => {
    for (const base of [SESSION_COOKIE, DEVICE_COOKIE]) {
      const spec = cookieSpec(base, true);
      expect(spec.name).toBe(`__Host-${base}`);
      expect(spec.options).toEqual({ httpOnly: true, sameSite: "lax", secure: true, path: "/" });
      expect(spec.options).not.toHaveProperty("domain");
    }
  });
});

describe("cookies served over plain HTTP", () => {
  it("keep the plain name (browsers refuse __Host- cookies without Secure)", () => {
    expect(cookieSpec(SESSION_COOKIE, false)).toEqual({
      name: SESSION_COOKIE,
      options: { httpOnly: true, sameSite: "lax", secure: false, path: "/" },
    });
  });
});
