import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The client address for throttling. The right-most X-Forwarded-For entry is the
 * one added by the nearest proxy (Next's own server adds it too), so a client
 * cannot dodge the IP limit by sending its own header.
 */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  return last ?? h.get("x-real-ip") ?? "unknown";
}

export async function userAgent(): Promise<string> {
  return (await headers()).get("user-agent") ?? "";
}

export async function isSecureRequest(): Promise<boolean> {
  const setting = env().COOKIE_SECURE;
  if (setting !== "auto") return setting === "true";
  const proto = (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim();
  return proto === "https";
}
