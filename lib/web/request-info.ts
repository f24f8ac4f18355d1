import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientAddress, forwardedHttps, SOCKET_ADDRESS_HEADER } from "./client-address";

/**
 * The socket address scripts/serve.ts stamped on the request. Under `next dev`
 * (no such server) it falls back to what Next.js put in X-Forwarded-For, which
 * a client can set: fine for development, and why production runs serve.ts.
 */
function socketAddress(h: Headers): string | null {
  const stamped = h.get(SOCKET_ADDRESS_HEADER);
  if (stamped) return stamped;
  if (env().NODE_ENV === "production") {
    warnOnce();
    return null;
  }
  return h.get("x-forwarded-for")?.split(",").at(-1)?.trim() ?? null;
}

let warned = false;
function warnOnce(): void {
  if (warned) return;
  warned = true;
  console.warn(
    "client address: no socket address on the request; serve the app with `npm start` (scripts/serve.ts), not bare `next start`, or every client shares one sign-in throttle",
  );
}

/** The client address, believing forwarding headers only as far as TRUSTED_PROXIES says. */
export async function clientIp(): Promise<string> {
  const h = await headers();
  return clientAddress({
    socketAddress: socketAddress(h),
    forwardedFor: h.get("x-forwarded-for"),
    trusted: env().TRUSTED_PROXIES,
  });
}

export async function userAgent(): Promise<string> {
  return (await headers()).get("user-agent") ?? "";
}

/** Whether cookies get Secure (and the __Host- prefix): COOKIE_SECURE, or in "auto" a trusted proxy saying HTTPS. */
export async function isSecureRequest(): Promise<boolean> {
  const config = env();
  if (config.COOKIE_SECURE !== "auto") return config.COOKIE_SECURE === "true";
  const h = await headers();
  return forwardedHttps({
    socketAddress: socketAddress(h),
    forwardedProto: h.get("x-forwarded-proto"),
    trusted: config.TRUSTED_PROXIES,
  });
}
