import { afterEach, describe, expect, it, vi } from "vitest";
import { z, ZodError } from "zod";
import { AppError, errorStatus } from "@/lib/errors";
import { assertSameOrigin, jsonRoute, MAX_JSON_BODY_BYTES, readJson } from "@/lib/http/json-route";

const URL_ = "http://gradus.test/api/settings";
const schema = z.object({ name: z.string() });

function jsonRequest(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(URL_, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

/** A request whose body arrives as a stream of `chunks` with no Content-Length. */
function streamedRequest(chunks: string[]): Request {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  // `duplex` is required by fetch for stream bodies but missing from the DOM typings.
  const init: RequestInit & { duplex: "half" } = {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: stream,
    duplex: "half",
  };
  return new Request(URL_, init);
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

async function appErrorCode(promise: Promise<unknown>): Promise<string> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("readJson with a well-formed JSON request", () => {
  it("parses and validates the body", async () => {
    await expect(readJson(jsonRequest('{"name":"Ada"}'), schema)).resolves.toEqual({ name: "Ada" });
  });

  it("accepts a content-type with a charset parameter, in any case", async () => {
    const request = jsonRequest('{"name":"Ада"}', { "content-type": "Application/JSON; charset=utf-8" });
    await expect(readJson(request, schema)).resolves.toEqual({ name: "Ада" });
  });

  it("accepts a streamed body arriving in several chunks", async () => {
    await expect(readJson(streamedRequest(['{"na', 'me":', '"Ada"}']), schema)).resolves.toEqual({
      name: "Ada",
    });
  });

  it("accepts a body of exactly maxBytes", async () => {
    const body = JSON.stringify({ name: "x".repeat(20) }); // 31 bytes
    await expect(readJson(jsonRequest(body), schema, Buffer.byteLength(body))).resolves.toEqual({
      name: "x".repeat(20),
    });
  });
});

describe("readJson with the wrong content type", () => {
  it.each([
    ["text/plain", { "content-type": "text/plain" }],
    ["form data", { "content-type": "application/x-www-form-urlencoded" }],
  ])("refuses %s with UNSUPPORTED_MEDIA_TYPE", async (_label, headers) => {
    await expect(appErrorCode(readJson(jsonRequest('{"name":"Ada"}', headers), schema))).resolves.toBe(
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });

  it("refuses a request with no content type with UNSUPPORTED_MEDIA_TYPE", async () => {
    const request = new Request(URL_, { method: "POST", body: new Blob(['{"name":"Ada"}']) });
    expect(request.headers.get("content-type")).toBeNull();
    await expect(appErrorCode(readJson(request, schema))).resolves.toBe("UNSUPPORTED_MEDIA_TYPE");
  });
});

describe("readJson with a body over the limit", () => {
  const big = JSON.stringify({ name: "x".repeat(MAX_JSON_BODY_BYTES) });

  it("refuses a truthful Content-Length over the limit with PAYLOAD_TOO_LARGE", async () => {
    const request = jsonRequest(big, { "content-length": String(Buffer.byteLength(big)) });
    await expect(appErrorCode(readJson(request, schema))).resolves.toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses an over-long body sent without Content-Length with PAYLOAD_TOO_LARGE", async () => {
    const request = jsonRequest(big);
    expect(request.headers.get("content-length")).toBeNull();
    await expect(appErrorCode(readJson(request, schema))).resolves.toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses an over-long body whose Content-Length understates it with PAYLOAD_TOO_LARGE", async () => {
    const request = jsonRequest(big, { "content-length": "10" });
    await expect(appErrorCode(readJson(request, schema))).resolves.toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a streamed body that grows past the limit with PAYLOAD_TOO_LARGE", async () => {
    const chunk = "x".repeat(4096);
    const chunks = [
      '{"name":"',
      ...Array.from({ length: MAX_JSON_BODY_BYTES / 4096 + 1 }, () => chunk),
      '"}',
    ];
    await expect(appErrorCode(readJson(streamedRequest(chunks), schema))).resolves.toBe("PAYLOAD_TOO_LARGE");
  });

  it("counts bytes, not characters, against a custom limit", async () => {
    // 11 ASCII characters + 10 Cyrillic letters of 2 bytes each: 21 characters, 31 bytes.
    const body = JSON.stringify({ name: "я".repeat(10) });
    expect(body.length).toBe(21);
    expect(Buffer.byteLength(body)).toBe(31);
    await expect(appErrorCode(readJson(jsonRequest(body), schema, 25))).resolves.toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("readJson with a body that is not valid JSON", () => {
  it.each([
    ["a truncated object", '{"name":'],
    ["single quotes", "{'name':'Ada'}"],
    ["an empty body", ""],
  ])("refuses %s with INVALID_INPUT", async (_label, body) => {
    await expect(appErrorCode(readJson(jsonRequest(body), schema))).resolves.toBe("INVALID_INPUT");
  });
});

describe("readJson with JSON that fails the schema", () => {
  it.each([
    ["a wrong field type", '{"name":42}'],
    ["a missing field", "{}"],
    ["an array", '["Ada"]'],
  ])("throws the schema's ZodError for %s", async (_label, body) => {
    await expect(readJson(jsonRequest(body), schema)).rejects.toBeInstanceOf(ZodError);
  });
});

describe("assertSameOrigin", () => {
  const request = (headers: Record<string, string>) => new Request(URL_, { method: "POST", headers });

  function forbiddenCode(headers: Record<string, string>): string | undefined {
    try {
      assertSameOrigin(request(headers));
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).code;
    }
    return undefined;
  }

  it("allows an Origin whose host matches the Host header", () => {
    expect(() =>
      assertSameOrigin(request({ origin: "http://gradus.test", host: "gradus.test" })),
    ).not.toThrow();
    expect(() =>
      assertSameOrigin(request({ origin: "http://localhost:3000", host: "localhost:3000" })),
    ).not.toThrow();
  });

  it("prefers X-Forwarded-Host (the public host behind a proxy) over Host", () => {
    const headers = {
      origin: "https://gradus.example",
      host: "127.0.0.1:3000",
      "x-forwarded-host": "gradus.example",
    };
    expect(() => assertSameOrigin(request(headers))).not.toThrow();
  });

  it.each([
    ["a foreign origin", { origin: "https://evil.example", host: "gradus.test" }],
    ["the same host name on another port", { origin: "http://gradus.test:8080", host: "gradus.test" }],
    ["a look-alike suffix domain", { origin: "http://gradus.test.evil.example", host: "gradus.test" }],
    ["a missing Origin", { host: "gradus.test" }],
    ["the opaque origin null", { origin: "null", host: "gradus.test" }],
    ["an Origin that is not a URL", { origin: "gradus.test", host: "gradus.test" }],
  ])("refuses %s with FORBIDDEN", (_label, headers) => {
    expect(forbiddenCode(headers)).toBe("FORBIDDEN");
  });
});

describe("jsonRoute", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const call = (handler: (request: Request) => Promise<Response>) =>
    jsonRoute(handler)(new Request(URL_, { method: "POST" }), {});

  it("passes a successful handler's response through untouched", async () => {
    const response = await call(async () => new Response("ok", { status: 201 }));
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("ok");
  });

  it("answers a ZodError with 400 INVALID_INPUT and a message naming the field", async () => {
    const response = await call(async () => {
      schema.parse({ name: 42 });
      return new Response();
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; message: string; issues: unknown[] };
    expect(body.error).toBe("INVALID_INPUT");
    expect(body.message).toContain("name");
    expect(body.issues).toHaveLength(1);
  });

  it.each(Object.entries(errorStatus))(
    "answers an AppError %s with status %i, its code and message",
    async (code, status) => {
      const response = await call(async () => {
        throw new AppError(code as keyof typeof errorStatus, "shown to the user");
      });
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: code, message: "shown to the user" });
    },
  );

  it("answers an unknown error with a generic 500 and logs the cause", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const secret = new Error("connection string postgres://admin:hunter2@db");
    const response = await call(async () => {
      throw secret;
    });
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({ error: "INTERNAL", message: "internal error" });
    expect(JSON.stringify(body)).not.toContain("hunter2");
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]).toContain(secret);
  });

  it("does not log expected failures", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await call(async () => {
      throw new AppError("NOT_FOUND", "no such card");
    });
    expect(log).not.toHaveBeenCalled();
  });
});
