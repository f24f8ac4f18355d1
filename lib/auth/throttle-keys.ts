import { createHmac } from "node:crypto";

export type ThrottleKind = "email" | "ip" | "device" | "signup" | "reauth";

/** A counter key that names what it counts without storing the address, email or id itself. */
export function throttleKey(secret: string, kind: ThrottleKind, value: string): string {
  return `${kind}:${createHmac("sha256", secret).update(`${kind}\0${value}`).digest("hex")}`;
}
