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
import { isSecureRequest } from "./request-info";

export type SignedIn = { session: SessionWithUser; repo: UserScope };

/**
 * Over HTTPS the cookies carry the __Host- prefix: the browser then accepts
 * them only with Secure, Path=/ and no Domain, so neither a sibling subdomain
 * nor a plain-HTTP page can plant or overwrite them. Over HTTPS only the
 * prefixed name is read, for the same reason.
 */
export async function cookieName(base: string): Promise<string> {
  return (await isSecureRequest()) ? `__Host-${base}` : base;
}

async function setCookie(base: string, value: string, expires: Date): Promise<void> {
  const secure = await isSecureRequest();
  (await cookies()).set(secure ? `__Host-${base}` : base, value, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires,
  });
}

/** A __Host- cookie can only be removed by a Set-Cookie that itself meets the prefix's rules. */
async function expireCookie(base: string): Promise<void> {
  const secure = await isSecureRequest();
  (await cookies()).set(secure ? `__Host-${base}` : base, "", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: 0,
  });
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
