import { NextResponse, type NextRequest } from "next/server";
import { guardRequest } from "@/lib/http/request-guard";

/** Runs before routing: refuses malformed or cross-origin requests with a clear 4xx (see lib/http/request-guard.ts). */
export function proxy(request: NextRequest) {
  const rejection = guardRequest({ method: request.method, url: request.url, headers: request.headers });
  if (!rejection) return NextResponse.next();
  return NextResponse.json(
    { error: rejection.error, message: rejection.message },
    { status: rejection.status },
  );
}

export const config = {
  // Everything but static assets.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
