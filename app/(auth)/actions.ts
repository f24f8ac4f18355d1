"use server";

import { redirect } from "next/navigation";
import { signInSchema, signUpSchema } from "@/lib/auth/credentials";
import { issueDeviceToken } from "@/lib/auth/device-cookie";
import { hashSessionToken } from "@/lib/auth/session-token";
import { signIn } from "@/lib/auth/sign-in";
import { signUp } from "@/lib/auth/sign-up";
import { sessionSecret } from "@/lib/auth/secret";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { redirectWithError, serverAction, type ActionFailure } from "@/lib/http/server-action";
import { deleteSessionByTokenHash } from "@/lib/repo/sessions";
import { requestPreferences } from "@/lib/web/preferences-cookie";
import { clientIp, userAgent } from "@/lib/web/request-info";
import {
  clearSessionCookie,
  deviceCookie,
  sessionToken,
  setDeviceCookie,
  setSessionCookie,
} from "@/lib/web/session";
import { formFields, type AuthFormState } from "./form-state";

export const signUpAction = serverAction(async function signUpWithForm(
  _prev: AuthFormState,
  formData: FormData,
): Promise<AuthFormState> {
  const fields = formFields(formData);
  const parsed = signUpSchema.safeParse(fields);
  if (!parsed.success) return fieldErrors(fields.email, parsed.error.issues);

  const prefs = await requestPreferences();
  const now = new Date();
  try {
    const session = await signUp({
      db: db(),
      credentials: parsed.data,
      locale: prefs.locale,
      theme: prefs.theme,
      userAgent: await userAgent(),
      ip: await clientIp(),
      secret: sessionSecret(),
      now,
    });
    await setSessionCookie(session.token, session.expiresAt);
    await setDeviceCookie(issueDeviceToken(sessionSecret(), session.userId), now);
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT") {
      return { email: fields.email, errors: { email: "emailTaken" } };
    }
    if (isAppError(error) && error.code === "RATE_LIMITED") return rateLimited(fields.email, error.details);
    throw error;
  }
  redirect("/home");
}, genericAuthError);

export const signInAction = serverAction(async function signInWithForm(
  _prev: AuthFormState,
  formData: FormData,
): Promise<AuthFormState> {
  const fields = formFields(formData);
  const parsed = signInSchema.safeParse(fields);
  if (!parsed.success) return fieldErrors(fields.email, parsed.error.issues);

  const now = new Date();
  try {
    const session = await signIn({
      db: db(),
      email: parsed.data.email,
      password: parsed.data.password,
      ip: await clientIp(),
      userAgent: await userAgent(),
      secret: sessionSecret(),
      deviceToken: await deviceCookie(),
      now,
    });
    await setSessionCookie(session.token, session.expiresAt);
    await setDeviceCookie(session.deviceToken, now);
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHORIZED") {
      return { email: fields.email, errors: { form: "wrongCredentials" } };
    }
    if (isAppError(error) && error.code === "RATE_LIMITED") return rateLimited(fields.email, error.details);
    throw error;
  }
  redirect("/home");
}, genericAuthError);

export const signOutAction = serverAction(
  async function signOut(): Promise<void> {
    const token = await sessionToken();
    if (token) await deleteSessionByTokenHash(db(), hashSessionToken(token));
    await clearSessionCookie();
    redirect("/");
  },
  (failure) => redirectWithError("/", failure),
);

/** An AppError or ZodError not handled above: the form says "something went wrong", not a 500 page. */
async function genericAuthError(
  _failure: ActionFailure,
  [, formData]: [AuthFormState, FormData],
): Promise<AuthFormState> {
  return { email: formFields(formData).email, errors: { form: "generic" } };
}

function rateLimited(email: string, details: unknown): AuthFormState {
  const seconds = (details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60;
  return { email, errors: { form: "rateLimited" }, retryAfterSeconds: seconds };
}

function fieldErrors(email: string, issues: { path: PropertyKey[]; message: string }[]): AuthFormState {
  const errors: AuthFormState["errors"] = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if ((field === "email" || field === "password") && !errors[field]) {
      errors[field] = issue.message as NonNullable<AuthFormState["errors"]>["email"];
    }
  }
  return { email, errors };
}
