import { describe, expect, it } from "vitest";
import { emailSchema, PASSWORD_MAX, PASSWORD_MIN, signInSchema, signUpSchema } from "@/lib/auth/credentials";

/** The issue messages (i18n keys) a schema reports for `input`, or [] if it parses. */
function errorKeys(schema: typeof signUpSchema | typeof signInSchema, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const VALID_PASSWORD = "p".repeat(PASSWORD_MIN);

describe("emailSchema with a valid address", () => {
  it("trims surrounding whitespace and lower-cases it", () => {
    expect(emailSchema.parse("  Ada.Lovelace@Example.COM \n")).toBe("ada.lovelace@example.com");
  });

  it("accepts plus-addressing and subdomains", () => {
    expect(emailSchema.parse("ada+gradus@mail.example.co.uk")).toBe("ada+gradus@mail.example.co.uk");
  });
});

describe("emailSchema with an invalid address", () => {
  it.each([
    ["an empty string", ""],
    ["whitespace only", "   "],
    ["no @", "ada.example.com"],
    ["no domain", "ada@"],
    ["no local part", "@example.com"],
    ["a space inside", "ada lovelace@example.com"],
    ["two @", "ada@@example.com"],
    ["over 254 characters", `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.com`],
  ])("rejects %s with the key emailInvalid", (_label, email) => {
    const result = emailSchema.safeParse(email);
    expect(result.success).toBe(false);
    expect(new Set(result.error?.issues.map((i) => i.message))).toEqual(new Set(["emailInvalid"]));
  });

  it.each([undefined, null, 42])("rejects the non-string %j with the key emailInvalid", (email) => {
    expect(errorKeys(signUpSchema, { email, password: VALID_PASSWORD })).toEqual(["emailInvalid"]);
  });
});

describe("signUpSchema password length", () => {
  const email = "ada@example.com";

  it("accepts exactly PASSWORD_MIN and exactly PASSWORD_MAX characters", () => {
    expect(errorKeys(signUpSchema, { email, password: "p".repeat(PASSWORD_MIN) })).toEqual([]);
    expect(errorKeys(signUpSchema, { email, password: "p".repeat(PASSWORD_MAX) })).toEqual([]);
  });

  it("rejects PASSWORD_MIN - 1 characters with the key passwordTooShort", () => {
    expect(errorKeys(signUpSchema, { email, password: "p".repeat(PASSWORD_MIN - 1) })).toEqual([
      "passwordTooShort",
    ]);
  });

  it("rejects PASSWORD_MAX + 1 characters with the key passwordTooLong", () => {
    expect(errorKeys(signUpSchema, { email, password: "p".repeat(PASSWORD_MAX + 1) })).toEqual([
      "passwordTooLong",
    ]);
  });

  it("does not trim the password (spaces are characters)", () => {
    const password = ` ${"p".repeat(PASSWORD_MIN - 2)} `;
    expect(signUpSchema.parse({ email, password }).password).toBe(password);
  });

  it("normalises the email of a valid sign-up", () => {
    expect(signUpSchema.parse({ email: " ADA@Example.com", password: VALID_PASSWORD }).email).toBe(
      "ada@example.com",
    );
  });
});

describe("signInSchema password", () => {
  const email = "ada@example.com";

  it("accepts a short password (old accounts may predate the minimum)", () => {
    expect(errorKeys(signInSchema, { email, password: "x" })).toEqual([]);
  });

  it("rejects an empty password with the key passwordRequired", () => {
    expect(errorKeys(signInSchema, { email, password: "" })).toEqual(["passwordRequired"]);
  });

  it("rejects PASSWORD_MAX + 1 characters with the key passwordTooLong", () => {
    expect(errorKeys(signInSchema, { email, password: "p".repeat(PASSWORD_MAX + 1) })).toEqual([
      "passwordTooLong",
    ]);
  });
});
