import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { isAppError, type ErrorCode } from "@/lib/errors";

/** An expected failure of a Server Action, as a value the form can show. */
export type ActionFailure = { code: ErrorCode; message: string };

/** The search parameter that carries a failed form post's error code back to the page. */
export const ACTION_ERROR_PARAM = "actionError";

/**
 * Wraps a Server Action as jsonRoute wraps a route handler: an AppError or ZodError
 * thrown anywhere inside becomes `onError`'s answer (a form state for useActionState,
 * or a redirect for a plain `<form action>`), never a 500. Anything else, including
 * Next's own redirect/notFound signals, passes through unchanged.
 */
export function serverAction<Args extends unknown[], Result>(
  action: (...args: Args) => Promise<Result>,
  // NoInfer: the action alone fixes the result type; onError must fit it.
  onError: (failure: ActionFailure, args: Args) => NoInfer<Result> | Promise<NoInfer<Result>>,
): (...args: Args) => Promise<Result> {
  return async (...args) => {
    try {
      return await action(...args);
    } catch (error) {
      const failure = expectedFailure(error);
      if (!failure) throw error;
      return onError(failure, args);
    }
  };
}

export function expectedFailure(error: unknown): ActionFailure | null {
  if (isAppError(error)) return { code: error.code, message: error.message };
  if (error instanceof ZodError) {
    return { code: "INVALID_INPUT", message: error.issues.map((i) => i.message).join("; ") };
  }
  return null;
}

/**
 * For a form without client state: back to `path` with the error code in the query, where
 * <ActionErrorNotice> shows it. The server log keeps the message, which quotes the bad value.
 */
export function redirectWithError(path: string, failure: ActionFailure): never {
  console.warn("server action refused:", failure.code, failure.message);
  const url = new URL(path, "http://local");
  url.searchParams.set(ACTION_ERROR_PARAM, failure.code);
  redirect(`${url.pathname}${url.search}`);
}
