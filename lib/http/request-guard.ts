/**
 * Checks every request needs before Next.js handles it, so bad input is a 4xx
 * with a message rather than a framework 500:
 * - a path with broken percent-encoding (Next would throw while decoding it);
 * - a Server Action posted from another origin (CSRF; Next refuses it with a 500);
 * - a Server Action or form body larger than the limit, when its size is declared.
 */
export const MAX_ACTION_BODY_BYTES = 64 * 1024;

export type Rejection = { status: 400 | 403 | 413; error: string; message: string };

type Incoming = { method: string; url: string; headers: Headers };

export function guardRequest(request: Incoming): Rejection | null {
  const rawPath = request.url.replace(/^[a-z]+:\/\/[^/]+/i, "").split("?")[0] ?? "/";
  try {
    decodeURIComponent(rawPath);
  } catch {
    return { status: 400, error: "INVALID_INPUT", message: "the URL path has malformed percent-encoding" };
  }
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;

  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host && hostOf(origin) !== host) {
    return {
      status: 403,
      error: "FORBIDDEN",
      message: `cross-origin form submission from "${origin}" refused`,
    };
  }
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_ACTION_BODY_BYTES) {
    return {
      status: 413,
      error: "PAYLOAD_TOO_LARGE",
      message: `body of ${length} bytes exceeds ${MAX_ACTION_BODY_BYTES} bytes`,
    };
  }
  return null;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
