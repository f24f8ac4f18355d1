import { describe, expect, it } from "vitest";
import { guardRequest, MAX_ACTION_BODY_BYTES } from "@/lib/http/request-guard";

const request = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) => ({
  method: init.method ?? "GET",
  url,
  headers: new Headers({ host: "app.test", ...init.headers }),
});
const action = (headers: Record<string, string>) =>
  request("http://app.test/signin", { method: "POST", headers: { "next-action": "abc", ...headers } });
/** A no-JS form post: Next finds the action in a `$ACTION_ID_…` multipart field, no header. */
const formPost = (path: string, headers: Record<string, string>) =>
  request(`http://app.test${path}`, {
    method: "POST",
    headers: { "content-type": "multipart/form-data; boundary=x", ...headers },
  });

describe("guardRequest on ordinary requests", () => {
  it("lets them through", () => {
    expect(guardRequest(request("http://app.test/topics?q=%D0%B0"))).toBeNull();
    expect(guardRequest(request("http://app.test/topics", { method: "HEAD" }))).toBeNull();
    expect(guardRequest(action({ origin: "http://app.test", "content-length": "100" }))).toBeNull();
    expect(guardRequest(formPost("/topics/x", { origin: "http://app.test" }))).toBeNull();
  });

  it("lets a POST without Origin through (not a browser: no ambient cookies to abuse)", () => {
    expect(guardRequest(formPost("/topics/x", {}))).toBeNull();
  });

  it("answers 400 for a path with malformed percent-encoding (regression: a 500 from Next)", () => {
    expect(guardRequest(request("http://app.test/cards/%E0%A4%A"))?.status).toBe(400);
    expect(guardRequest(request("http://app.test/api/cards/%ZZ/actions", { method: "POST" }))?.status).toBe(
      400,
    );
  });
});

describe("guardRequest on cross-origin posts to pages", () => {
  it("answers 403 for a Server Action posted from another origin (regression: a 500 from Next)", () => {
    const rejection = guardRequest(action({ origin: "https://evil.example" }));
    expect(rejection).toMatchObject({ status: 403 });
    expect(rejection?.message).toContain("evil.example");
  });

  it("answers 403 for a no-JS cross-origin form post that carries no next-action header", () => {
    expect(guardRequest(formPost("/review/custom", { origin: "https://evil.example" }))?.status).toBe(403);
    expect(
      guardRequest(
        request("http://app.test/topics/x", {
          method: "POST",
          headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
        }),
      )?.status,
    ).toBe(403);
  });

  it("answers 403 for an opaque or unparsable Origin (Next throws parsing one)", () => {
    expect(guardRequest(formPost("/settings", { origin: "null" }))?.status).toBe(403);
    expect(guardRequest(formPost("/settings", { origin: "not a url" }))?.status).toBe(403);
  });

  it("answers 403 when the browser says the post is cross-site even without Origin", () => {
    expect(guardRequest(formPost("/settings", { "sec-fetch-site": "cross-site" }))?.status).toBe(403);
  });

  it("compares with the first X-Forwarded-Host entry when a proxy sets one", () => {
    const behindProxy = {
      origin: "https://gradus.example",
      "x-forwarded-host": "gradus.example, inner:3000",
    };
    expect(guardRequest(formPost("/settings", behindProxy))).toBeNull();
  });

  it("leaves API routes to their own Origin check (a JSON 403 from assertSameOrigin)", () => {
    const api = request("http://app.test/api/review/undo", {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    expect(guardRequest(api)).toBeNull();
  });

  it("answers 413 for a Server Action body declared larger than the limit", () => {
    expect(
      guardRequest(action({ origin: "http://app.test", "content-length": String(MAX_ACTION_BODY_BYTES + 1) }))
        ?.status,
    ).toBe(413);
  });
});

describe("guardRequest on methods", () => {
  it("answers TRACE anywhere with 405 and an Allow header (regression: a 500 from Next)", () => {
    const page = guardRequest(request("http://app.test/", { method: "TRACE" }));
    expect(page).toMatchObject({ status: 405, headers: { Allow: "GET, HEAD, POST" } });
    expect(page?.message).toContain('"TRACE"');
    const api = guardRequest(request("http://app.test/api/health", { method: "TRACE" }));
    expect(api).toMatchObject({ status: 405, headers: { Allow: "GET, HEAD, OPTIONS" } });
  });

  it("answers PUT/DELETE/OPTIONS on a page with 405", () => {
    for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND"]) {
      expect(guardRequest(request("http://app.test/topics", { method }))?.status).toBe(405);
    }
  });

  it("lists a route's own methods in Allow for a method its route.ts does not export", () => {
    const rejection = guardRequest(request("http://app.test/api/settings", { method: "DELETE" }));
    expect(rejection).toMatchObject({ status: 405, headers: { Allow: "GET, PATCH, HEAD, OPTIONS" } });
    const dynamic = guardRequest(request("http://app.test/api/sessions/abc", { method: "GET" }));
    expect(dynamic).toMatchObject({ status: 405, headers: { Allow: "DELETE, OPTIONS" } });
  });

  it("lets an unknown /api path through on a standard method (Next answers 404)", () => {
    expect(guardRequest(request("http://app.test/api/nope", { method: "POST" }))).toBeNull();
    expect(guardRequest(request("http://app.test/api/nope", { method: "TRACE" }))?.status).toBe(405);
  });
});
