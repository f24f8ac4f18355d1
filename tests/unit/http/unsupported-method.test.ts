import type { Server } from "node:http";
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerUnsupportedMethod } from "@/lib/http/unsupported-method";

/** A server whose handler stands in for Next: it answers 200 unless the guard answered first. */
let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (answerUnsupportedMethod(req, res)) return;
    res.end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(
  method: string,
  path: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("a TRACE request (regression: Next answered 500, unable to build a Request for it)", () => {
  it("gets 405 with the page methods in Allow", async () => {
    const response = await send("TRACE", "/topics");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD, POST");
    expect(JSON.parse(response.body).message).toContain('"TRACE"');
  });

  it("gets 405 with the route's own methods on an API path", async () => {
    const response = await send("TRACE", "/api/settings");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, PATCH, HEAD, OPTIONS");
  });
});

describe("other methods", () => {
  it("reach the handler untouched", async () => {
    expect((await send("GET", "/topics")).body).toBe("next");
    expect((await send("DELETE", "/topics")).body).toBe("next");
  });
});
