import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { guardRequest } from "@/lib/http/request-guard";
import {
  newNonce,
  securityHeaders,
  servedOverHttps,
  staticSecurityHeaders,
} from "@/lib/http/security-headers";

/**
 * Runs before routing: refuses malformed or cross-origin requests with a clear 4xx
 * (lib/http/request-guard.ts), and gives every response its security headers with a
 * fresh CSP nonce (lib/http/security-headers.ts). Next reads the nonce from the
 * request's CSP header and puts it on the scripts it renders.
 */
export function proxy(request: NextRequest) {
  const rejection = guardRequest({ method: request.method, url: request.url, headers: request.headers });
  if (rejection) {
    const response = NextResponse.json(
      { error: rejection.error, message: rejection.message },
      { status: rejection.status },
    );
    for (const [name, value] of Object.entries({ ...staticSecurityHeaders, ...rejection.headers })) {
      response.headers.set(name, value);
    }
    return response;
  }

  const headers = securityHeaders({
    nonce: newNonce(),
    https: servedOverHttps(request.url, request.headers.get("x-forwarded-proto")),
    development: env().NODE_ENV === "development",
  });
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but built static assets (next.config.js gives those the static headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
