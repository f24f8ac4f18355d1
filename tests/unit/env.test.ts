import { describe, expect, it } from "vitest";
import { databaseKind, EnvError, parseEnv } from "@/lib/env";

const GOOD_SECRET = "x".repeat(32);

/** Runs parseEnv expecting it to refuse the environment; returns the EnvError. */
function envErrorOf(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error("parseEnv accepted an environment it should have refused");
}

function problemsOf(source: Record<string, string | undefined>): string[] {
  return envErrorOf(source).problems;
}

describe("parseEnv with an empty environment", () => {
  it("defaults DATABASE_URL to a SQLite file under ./data", () => {
    const url = parseEnv({}).DATABASE_URL;
    expect(url.startsWith("file:./data/")).toBe(true);
    expect(databaseKind(url)).toBe("sqlite");
  });

  it("defaults PORT to 3000 as a number", () => {
    expect(parseEnv({}).PORT).toBe(3000);
  });

  it("leaves SESSION_SECRET unset", () => {
    expect(parseEnv({}).SESSION_SECRET).toBeUndefined();
  });
});

describe("parseEnv with empty-string variables", () => {
  it("treats them as unset and applies the defaults", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "", SESSION_SECRET: "", NODE_ENV: "" });
    expect(env.DATABASE_URL.startsWith("file:./data/")).toBe(true);
    expect(env.PORT).toBe(3000);
    expect(env.SESSION_SECRET).toBeUndefined();
    expect(env.NODE_ENV).toBe("development");
  });
});

describe("parseEnv with valid explicit values", () => {
  it.each([
    "postgres://user:pw@db.example:5432/gradus",
    "postgresql://user:pw@db.example:5432/gradus",
    "file:/var/lib/gradus/app.db",
  ])("accepts DATABASE_URL %s unchanged", (url) => {
    expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it("coerces PORT from a string", () => {
    expect(parseEnv({ PORT: "8080" }).PORT).toBe(8080);
  });

  it("accepts the port range bounds 1 and 65535", () => {
    expect(parseEnv({ PORT: "1" }).PORT).toBe(1);
    expect(parseEnv({ PORT: "65535" }).PORT).toBe(65535);
  });

  it("accepts a SESSION_SECRET of exactly 32 characters", () => {
    expect(parseEnv({ SESSION_SECRET: GOOD_SECRET }).SESSION_SECRET).toBe(GOOD_SECRET);
  });
});

describe("parseEnv with one bad variable", () => {
  it.each(["mysql://user@host/db", "./data/gradus.db", "file:", "postgres://", "http://example.com"])(
    "reports DATABASE_URL %j on one line starting with the variable name",
    (url) => {
      const problems = problemsOf({ DATABASE_URL: url });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^DATABASE_URL: /);
    },
  );

  it.each(["abc", "1.5", "0", "65536", "-1.5"])("reports PORT %j on one line starting with PORT", (value) => {
    const problems = problemsOf({ PORT: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PORT: /);
  });

  it("reports a short SESSION_SECRET on one line starting with SESSION_SECRET", () => {
    const problems = problemsOf({ SESSION_SECRET: "x".repeat(31) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SESSION_SECRET: /);
  });

  it("includes the offending non-secret value so the operator can spot the typo", () => {
    const [line] = problemsOf({ PORT: "80a" });
    expect(line).toContain('"80a"');
  });
});

describe("parseEnv with a short SESSION_SECRET", () => {
  const secret = "hunter2-super-private";

  it("never echoes the secret in the problem lines", () => {
    for (const line of problemsOf({ SESSION_SECRET: secret })) expect(line).not.toContain(secret);
  });

  it("never echoes the secret in the thrown error's message", () => {
    expect(envErrorOf({ SESSION_SECRET: secret }).message).not.toContain(secret);
  });
});

describe("parseEnv with several bad variables", () => {
  it("reports every one of them at once, one line each", () => {
    const problems = problemsOf({ DATABASE_URL: "mysql://h/db", PORT: "http", SESSION_SECRET: "short" });
    expect(problems).toHaveLength(3);
    expect(problems.map((line) => line.split(":")[0]).sort()).toEqual([
      "DATABASE_URL",
      "PORT",
      "SESSION_SECRET",
    ]);
  });

  it("lists every line in the error message", () => {
    const { message } = envErrorOf({ DATABASE_URL: "mysql://h/db", PORT: "http" });
    expect(message).toMatch(/^\s+DATABASE_URL: /m);
    expect(message).toMatch(/^\s+PORT: /m);
  });
});

describe("databaseKind", () => {
  it.each([
    ["postgres://h/db", "postgresql"],
    ["postgresql://h/db", "postgresql"],
    ["file:./data/gradus.db", "sqlite"],
    ["file:/abs/path.db", "sqlite"],
  ] as const)("classifies %s as %s", (url, kind) => {
    expect(databaseKind(url)).toBe(kind);
  });
});

describe("parseEnv TRUSTED_PROXIES", () => {
  it("defaults to trusting no forwarding header", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual({ kind: "none" });
  });

  it("accepts a hop count and a CIDR list", () => {
    expect(parseEnv({ TRUSTED_PROXIES: "1" }).TRUSTED_PROXIES).toEqual({ kind: "hops", hops: 1 });
    expect(parseEnv({ TRUSTED_PROXIES: "10.0.0.0/8,::1" }).TRUSTED_PROXIES.kind).toBe("cidrs");
  });

  it("refuses a bad range with the value and what was expected", () => {
    const [problem] = problemsOf({ TRUSTED_PROXIES: "10.0.0.0/8,10.0.0.300" });
    expect(problem).toContain("TRUSTED_PROXIES:");
    expect(problem).toContain('"10.0.0.300" is not an IP address or CIDR range');
    expect(problem).toContain('a hop count like "1"');
    expect(problem).toContain('(got "10.0.0.0/8,10.0.0.300")');
  });
});
