import { allowedMethods, findApiRoute } from "./api-routes";

/**
 * Checks every request needs before Next.js handles it, so bad input is a 4xx
 * with a message rather than a framework 500:
 * - a method nothing here answers (TRACE, CONNECT, PROPFIND, …): 405 with Allow;
 * - a path with broken percent-encoding (Next would throw while decoding it);
 * - a POST to a page from another origin, or with an Origin that is not a URL (CSRF; Next
 *   refuses a cross-origin Server Action with a 500, and throws on an unparsable Origin);
 * - a Server Action or form body larger than the limit, when its size is declared.
 */
export const MAX_ACTION_BODY_BYTES = 64 * 1024;

/** Pages answer GET/HEAD, and POST for Server Actions (with JS, or a no-JS form post). */
export const PAGE_METHODS = ["GET", "HEAD", "POST"] as const;

export type Rejection = {
  status: 400 | 403 | 405 | 413;
  error: string;
  message: string;
  headers?: Record<string, string>;
};

type Incoming = { method: string; url: string; headers: Headers };

export function guardRequest(request: Incoming): Rejection | null {
  const rawPath = request.url.replace(/^[a-z]+:\/\/[^/]+/i, "").split(/[?#]/)[0] || "/";
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { status: 400, error: "INVALID_INPUT", message: "the URL path has malformed percent-encoding" };
  }
  const method = request.method.toUpperCase();
  const isApi = rawPath === "/api" || rawPath.startsWith("/api/");
  const allowed = isApi ? apiMethods(path) : [...PAGE_METHODS];
  if (!allowed.includes(method)) {
    return {
      status: 405,
      error: "METHOD_NOT_ALLOWED",
      message: `method ${JSON.stringify(request.method)} is not allowed here; expected one of ${allowed.join(", ")}`,
      headers: { Allow: allowed.join(", ") },
    };
  }
  // Route handlers check Origin themselves (assertSameOrigin) and answer 403 as JSON.
  if (isApi || method !== "POST") return null;

  // Next treats any POST to a page as a possible Server Action: with a `next-action` header
  // (fetch from JS), or as a no-JS multipart form whose `$ACTION_ID_…` field names the
  // action. So the origin check cannot rely on the header: every page POST is checked.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? request.headers.get("host");
  // Sec-Fetch-Site covers a browser that left Origin out.
  const crossSite = request.headers.get("sec-fetch-site") === "cross-site";
  if (crossSite || (origin !== null && (!host || hostOf(origin) !== host))) {
    return {
      status: 403,
      error: "FORBIDDEN",
      message: `cross-origin form submission from ${JSON.stringify(origin ?? "another site")} refused; expected the origin of ${JSON.stringify(host ?? "this server")}`,
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

/** A known route's methods; for an unknown /api path only the methods some route could answer (Next gives 404). */
function apiMethods(path: string): string[] {
  const route = findApiRoute(path);
  if (route) return allowedMethods(route);
  return ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
