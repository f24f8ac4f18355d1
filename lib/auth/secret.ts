import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseKind, env } from "@/lib/env";

/**
 * The server secret keys the HMAC of throttling keys (so raw IPs and emails
 * are never stored there). From SESSION_SECRET when set; otherwise, for the
 * single-machine SQLite setup, generated once into <DATA_DIR>/session-secret.
 * A PostgreSQL deployment runs several instances that must share it, so there
 * it is required in production.
 */
export function sessionSecret(): string {
  const config = env();
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  if (config.NODE_ENV === "production" && databaseKind(config.DATABASE_URL) === "postgresql") {
    throw new Error("SESSION_SECRET: required in production with PostgreSQL (all instances must share it)");
  }
  return readOrCreateSecretFile(path.join(config.DATA_DIR, "session-secret"));
}

export function readOrCreateSecretFile(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  } catch {
    // Another process created it first: use theirs.
    return fs.readFileSync(file, "utf8").trim();
  }
  return secret;
}
