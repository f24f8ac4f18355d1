import { describe, expect, it } from "vitest";
import { guardRequest, MAX_ACTION_BODY_BYTES } from "@/lib/http/request-guard";

const request = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) => ({
  method: init.method ?? "GET",
  url,
  headers: new Headers(init.headers),
});
const action = (headers: Record<string, string>) =>
  request("http://app.test/signin", {
    method: "POST",
    headers: { "next-action": "abc", host: "app.test", ...headers },
  });

describe("guardRequest", () => {
  it("lets ordinary requests through", () => {
    expect(guardRequest(request("http://app.test/topics?q=%D0%B0"))).toBeNull();
    expect(guardRequest(action({ origin: "http://app.test", "content-length": "100" }))).toBeNull();
  });

  it("answers 400 for a path with malformed percent-encoding (regression: a 500 from Next)", () => {
    expect(guardRequest(request("http://app.test/cards/%E0%A4%A"))?.status).toBe(400);
  });

  it("answers 403 for a Server Action posted from another origin (regression: a 500 from Next)", () => {
    const rejection = guardRequest(action({ origin: "https://evil.example" }));
    expect(rejection).toMatchObject({ status: 403 });
    expect(rejection?.message).toContain("evil.example");
  });

  it("answers 413 for a Server Action body declared larger than the limit", () => {
    expect(
      guardRequest(action({ origin: "http://app.test", "content-length": String(MAX_ACTION_BODY_BYTES + 1) }))
        ?.status,
    ).toBe(413);
  });
});
