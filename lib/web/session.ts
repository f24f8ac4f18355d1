import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { resolveSession } from "@/lib/auth/resolve-session";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionWithUser } from "@/lib/repo/sessions";
import { userScope, type UserScope } from "@/lib/repo/user-scope";
import { isSecureRequest } from "./request-info";

export type SignedIn = { session: SessionWithUser; repo: UserScope };

/** The signed-in session of this request, resolved once per render. */
export const currentSession = cache(async (): Promise<SessionWithUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return resolveSession(db(), token, new Date());
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
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isSecureRequest(),
    path: "/",
    expires: expiresAt,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
