import type { IncomingMessage, ServerResponse } from "node:http";
import { guardRequest } from "./request-guard";

/**
 * Methods Node's HTTP server accepts but the WHATWG Request Next builds for every request
 * refuses to carry ("'TRACE' HTTP method is unsupported"): Next fails with a 500 before the
 * proxy runs, so they must be answered at the Node server. (CONNECT never reaches a request
 * handler, and Node's parser rejects TRACK.)
 */
export const METHODS_NEXT_CANNOT_TAKE = new Set(["TRACE"]);

/** Answers such a request with 405 and the path's Allow header; false if it is not one. */
export function answerUnsupportedMethod(request: IncomingMessage, response: ServerResponse): boolean {
  if (!request.method || !METHODS_NEXT_CANNOT_TAKE.has(request.method.toUpperCase())) return false;
  const rejection = guardRequest({
    method: request.method,
    url: `http://server${request.url ?? "/"}`,
    headers: new Headers(),
  });
  const status = rejection?.status ?? 405;
  const body = JSON.stringify({
    error: rejection?.error ?? "METHOD_NOT_ALLOWED",
    message: rejection?.message ?? `method "${request.method}" is not allowed`,
  });
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "X-Content-Type-Options": "nosniff",
    ...rejection?.headers,
  });
  response.end(body);
  return true;
}
