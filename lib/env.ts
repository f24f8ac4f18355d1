import { z } from "zod";
import { parseTrustedProxies, type TrustedProxies } from "@/lib/web/client-address";

/**
 * The app's whole configuration, parsed once from the environment. Nothing else
 * reads process.env (an ESLint rule enforces it). Empty strings count as unset.
 */
const DATABASE_URL_DEFAULT = "file:./data/gradus.db";

const databaseUrl = z.string().refine((v) => /^(file:.+|postgres(ql)?:\/\/.+)$/.test(v), {
  message: 'expected "file:<path>" (SQLite) or "postgres://…" / "postgresql://…" (PostgreSQL)',
});

const port = z.coerce
  .number({ message: "expected a whole number" })
  .int("expected a whole number")
  .min(1, "expected a port between 1 and 65535")
  .max(65535, "expected a port between 1 and 65535");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: databaseUrl.default(DATABASE_URL_DEFAULT),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  PORT: port.default(3000),
  HOST: z.string().optional(),
  // "auto": Secure cookies when the request arrived over HTTPS (directly or via a proxy).
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  DATA_DIR: z.string().default("./data"),
  // Unset: no proxy in front, forwarding headers are ignored. See lib/web/client-address.ts.
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, ctx): TrustedProxies => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({
          code: "custom",
          message: `${(error as Error).message}; expected unset, a hop count like "1", or comma-separated CIDR ranges like "10.0.0.0/8,fd00::/8"`,
        });
        return z.NEVER;
      }
    }),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment-like record; every bad variable is reported at once, one line each. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        const value = cleaned[name];
        const shown =
          name === "SESSION_SECRET" || value === undefined ? "" : ` (got "${withoutPassword(value)}")`;
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  return result.data;
}

/** A URL's password never reaches the log: "postgre://u:pw@h/db" → "postgre://u:***@h/db". */
function withoutPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function databaseKind(url: string): "sqlite" | "postgresql" {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}
