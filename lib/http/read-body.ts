import { AppError } from "@/lib/errors";

/**
 * Reads a JSON request body as bytes, refusing it with 413 as soon as it passes
 * `maxBytes` (by its Content-Length, or while streaming when none is declared), so an
 * oversized upload is neither buffered whole nor handed on truncated. Parsing is left
 * to the caller (a large body is parsed off the main thread).
 */
export async function readJsonBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `expected Content-Type application/json, got "${type || "none"}"`,
    );
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(`${declared} bytes`, maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(`more than ${maxBytes} bytes`, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(what: string, maxBytes: number): AppError {
  const mib = maxBytes / (1024 * 1024);
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `body of ${what} exceeds the limit of ${Number.isInteger(mib) ? `${mib} MiB` : `${maxBytes} bytes`} (${maxBytes} bytes)`,
  );
}
