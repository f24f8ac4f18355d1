import { NextResponse } from "next/server";
import { RateLimitExceeded } from "@/lib/rate-limit/enforce-rate-limit";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Answers a RateLimitExceeded with 429, its message and a Retry-After header (jsonRoute,
 * which wraps this, would answer 429 without the header). Other errors pass through.
 */
export function withRetryAfter<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (!(error instanceof RateLimitExceeded)) throw error;
      return NextResponse.json(
        { error: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds },
        { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
      );
    }
  };
}
