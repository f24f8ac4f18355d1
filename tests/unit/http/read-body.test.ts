import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readJsonBytes } from "@/lib/http/read-body";
import { rejectionOf } from "../../fixtures/rejection";

const limit = 1024;

function streamed(size: number, onPull?: () => void): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      onPull?.();
      if (sent >= size) return controller.close();
      const piece = Math.min(256, size - sent);
      controller.enqueue(new Uint8Array(piece).fill(0x20));
      sent += piece;
    },
  });
}

const request = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/import", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);

describe("reading an import body against its limit", () => {
  it("returns a body of exactly the limit whole", async () => {
    const bytes = await readJsonBytes(request(streamed(limit)), limit);
    expect(bytes.byteLength).toBe(limit);
  });

  it("refuses a declared length over the limit with 413 before reading, quoting both sizes", async () => {
    let pulls = 0;
    const error = await rejectionOf(
      readJsonBytes(
        request(
          streamed(limit + 1, () => pulls++),
          { "content-length": String(limit + 1) },
        ),
        limit,
      ),
      AppError,
    );
    expect(error.status).toBe(413);
    expect(error.message).toBe(`body of ${limit + 1} bytes exceeds the limit of 1024 bytes (1024 bytes)`);
    expect(pulls).toBeLessThanOrEqual(1); // the stream's first pull happens when the Request is built
  });

  it("refuses an undeclared (streamed) body with 413 as soon as it passes the limit, never truncating it", async () => {
    let pulls = 0;
    const error = await rejectionOf(
      readJsonBytes(request(streamed(10 * limit, () => pulls++)), limit),
      AppError,
    );
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/more than 1024 bytes/);
    expect(pulls).toBeLessThan(10 * 4); // stopped reading early
  });

  it("refuses another content type with 415", async () => {
    const error = await rejectionOf(
      readJsonBytes(request("{}", { "content-type": "text/plain" }), limit),
      AppError,
    );
    expect(error.status).toBe(415);
  });
});
