import { NextResponse } from "next/server";
import { z, ZodError } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { readJsonBytes } from "./read-body";

export const MAX_JSON_BODY_BYTES = 16 * 1024;

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: expected failures become JSON 4xx with a message,
 * anything else is logged with its cause and answered with a generic 500.
 */
export function jsonRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof ZodError) {
        return NextResponse.json(
          { error: "INVALID_INPUT", message: z.prettifyError(error), issues: error.issues },
          { status: 400 },
        );
      }
      if (isAppError(error)) {
        return NextResponse.json({ error: error.code, message: error.message }, { status: error.status });
      }
      console.error("unhandled error in route handler", request.method, new URL(request.url).pathname, error);
      return NextResponse.json({ error: "INTERNAL", message: "internal error" }, { status: 500 });
    }
  };
}

/**
 * CSRF defence for cookie-authenticated mutations: the browser's Origin must be
 * this server's. (Server Actions get the same check from Next itself.)
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) throw new AppError("FORBIDDEN", "missing Origin header on a state-changing request");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("FORBIDDEN", `Origin "${origin}" is not a URL`);
  }
  if (originHost !== host) throw new AppError("FORBIDDEN", `cross-origin request from "${origin}" refused`);
}

/** Reads a JSON body no larger than `maxBytes` and validates it. */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
  maxBytes = MAX_JSON_BODY_BYTES,
): Promise<z.infer<T>> {
  const text = new TextDecoder().decode(await readJsonBytes(request, maxBytes));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AppError("INVALID_INPUT", `body is not valid JSON: ${(error as Error).message}`);
  }
  return schema.parse(data);
}
