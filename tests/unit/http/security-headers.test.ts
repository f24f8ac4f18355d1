import { describe, expect, it } from "vitest";
import nextConfig, { staticSecurityHeaders as configHeaders } from "@/next.config.js";
import {
  contentSecurityPolicy,
  HSTS_MAX_AGE_SECONDS,
  newNonce,
  securityHeaders,
  servedOverHttps,
  staticSecurityHeaders,
} from "@/lib/http/security-headers";

/** "a b; c d" → { a: ["b"], c: ["d"] } */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("the Content-Security-Policy of a production response", () => {
  const policy = directives(contentSecurityPolicy({ nonce: "abc123==", development: false }));

  it("runs only scripts carrying this response's nonce, and what they load", () => {
    expect(policy["script-src"]).toEqual(["'nonce-abc123=='", "'strict-dynamic'"]);
  });

  it("never allows inline script, eval, plugins, a foreign <base> or framing", () => {
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    expect(policy["script-src"]).not.toContain("'unsafe-eval'");
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'none'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
  });

  it("needs the nonce for style elements but lets style attributes through (KaTeX, Plot SVG)", () => {
    expect(policy["style-src"]).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy["style-src-attr"]).toEqual(["'unsafe-inline'"]);
  });

  it("posts forms and fetches only to this origin", () => {
    expect(policy["form-action"]).toEqual(["'self'"]);
    expect(policy["connect-src"]).toEqual(["'self'"]);
    expect(policy["default-src"]).toEqual(["'self'"]);
  });
});

describe("the Content-Security-Policy under next dev", () => {
  const policy = directives(contentSecurityPolicy({ nonce: "n", development: true }));

  it("adds eval for React's dev tooling and inline styles for the error overlay", () => {
    expect(policy["script-src"]).toContain("'unsafe-eval'");
    // With a nonce present 'unsafe-inline' would be ignored, so dev drops the style nonce.
    expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("securityHeaders", () => {
  it("sends HSTS only on responses that travel over HTTPS", () => {
    const overHttps = securityHeaders({ nonce: "n", https: true, development: false });
    const overHttp = securityHeaders({ nonce: "n", https: false, development: false });
    expect(overHttps["Strict-Transport-Security"]).toBe(`max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`);
    expect(overHttp).not.toHaveProperty("Strict-Transport-Security");
  });

  it("always sends nosniff, a same-origin referrer, COOP and a Permissions-Policy", () => {
    const headers = securityHeaders({ nonce: "n", https: false, development: false });
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(headers["Permissions-Policy"]).toContain("camera=()");
  });

  it("gives next.config.js's static headers (for built assets) the same values as the proxy's", async () => {
    expect(configHeaders).toEqual(staticSecurityHeaders);
    const rules = await nextConfig.headers!();
    const all = Object.fromEntries(rules.flatMap((rule) => rule.headers.map((h) => [h.key, h.value])));
    expect(all).toEqual(staticSecurityHeaders);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different every call", () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("servedOverHttps", () => {
  it("believes the first X-Forwarded-Proto entry, else the URL's scheme", () => {
    expect(servedOverHttps("http://app.test/", "https")).toBe(true);
    expect(servedOverHttps("http://app.test/", "HTTPS, http")).toBe(true);
    expect(servedOverHttps("https://app.test/", "http")).toBe(false);
    expect(servedOverHttps("https://app.test/", null)).toBe(true);
    expect(servedOverHttps("http://app.test/", null)).toBe(false);
  });
});
