import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { DEVICE_COOKIE, DEVICE_TTL_MS } from "@/lib/auth/device-cookie";
import { resolveSession } from "@/lib/auth/resolve-session";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionWithUser } from "@/lib/repo/sessions";
import { userScope, type UserScope } from "@/lib/repo/user-scope";
import { cookieSpec } from "./cookie-spec";
import { isSecureRequest } from "./request-info";

export type SignedIn = { session: SessionWithUser; repo: UserScope };

/** Over HTTPS only the __Host- name is read: a cookie without the prefix could have been planted. */
export async function cookieName(base: string): Promise<string> {
  return cookieSpec(base, await isSecureRequest()).name;
}

async function setCookie(base: string, value: string, expires: Date): Promise<void> {
  const { name, options } = cookieSpec(base, await isSecureRequest());
  (await cookies()).set(name, value, { ...options, expires });
}

/** A __Host- cookie can only be removed by a Set-Cookie that itself meets the prefix's rules. */
async function expireCookie(base: string): Promise<void> {
  const { name, options } = cookieSpec(base, await isSecureRequest());
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
}

/** This request's session token, if its cookie is present. */
export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(await cookieName(SESSION_COOKIE))?.value;
}

/** The signed-in session of this request, resolved once per render. */
export const currentSession = cache(async (): Promise<SessionWithUser | null> => {
  return resolveSession(db(), await sessionToken(), new Date());
});

function signedIn(session: SessionWithUser): SignedIn {
  return { session, repo: userScope(db(), session.userId) };
}

/** For pages and server actions: a visitor without a session is sent to sign in. */
export async function requireUser(): Promise<SignedIn> {
  const session = await currentSession();
  if (!session) redirect("/signin");
  return signedIn(session);
}

/** For route handlers: no session is a 401, not a redirect. */
export async function requireApiUser(): Promise<SignedIn> {
  const session = await currentSession();
  if (!session) throw new AppError("UNAUTHORIZED", "sign in first");
  return signedIn(session);
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  await setCookie(SESSION_COOKIE, token, expiresAt);
}

export async function clearSessionCookie(): Promise<void> {
  await expireCookie(SESSION_COOKIE);
}

/** The device cookie (lib/auth/device-cookie.ts) this browser holds, if any. */
export async function deviceCookie(): Promise<string | undefined> {
  return (await cookies()).get(await cookieName(DEVICE_COOKIE))?.value;
}

export async function setDeviceCookie(token: string, now: Date): Promise<void> {
  await setCookie(DEVICE_COOKIE, token, new Date(now.getTime() + DEVICE_TTL_MS));
}

export async function clearDeviceCookie(): Promise<void> {
  await expireCookie(DEVICE_COOKIE);
}
