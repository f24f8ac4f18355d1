import { scryptSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { dummyPasswordHash, hashPassword, verifyPassword } from "@/lib/auth/password";

const PASSWORD = "correct horse battery staple";

/** Replaces field `index` of a "scrypt$N$r$p$salt$key" string. */
function withField(stored: string, index: number, value: string): string {
  const fields = stored.split("$");
  fields[index] = value;
  return fields.join("$");
}

describe("hashPassword", () => {
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword(PASSWORD);
  });

  it('has the form "scrypt$N$r$p$salt$key" with at least OWASP-level parameters', () => {
    const match = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/]+=*)\$([A-Za-z0-9+/]+=*)$/.exec(stored);
    expect(match, stored).not.toBeNull();
    const [, n, r, p, salt, key] = match!;
    expect(Number(n)).toBeGreaterThanOrEqual(2 ** 15);
    expect(Math.log2(Number(n)) % 1).toBe(0); // scrypt's N must be a power of two
    expect(Number(r)).toBeGreaterThanOrEqual(8);
    expect(Number(p)).toBeGreaterThanOrEqual(1);
    expect(Buffer.from(salt!, "base64").length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(key!, "base64").length).toBeGreaterThanOrEqual(32);
  });

  it("stores the scrypt key of the password under the stored salt and parameters", () => {
    const [, n, r, p, salt, key] = stored.split("$");
    const expected = scryptSync(PASSWORD, Buffer.from(salt!, "base64"), Buffer.from(key!, "base64").length, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: 128 * 1024 * 1024,
    });
    expect(key).toBe(expected.toString("base64"));
  });

  it("never contains the password", () => {
    expect(stored).not.toContain(PASSWORD);
  });

  it("salts each hash, so two hashes of the same password differ", async () => {
    const again = await hashPassword(PASSWORD);
    expect(again).not.toBe(stored);
    expect(again.split("$")[4]).not.toBe(stored.split("$")[4]);
  });
});

describe("verifyPassword against a hash made by hashPassword", () => {
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword(PASSWORD);
  });

  it("accepts the right password", async () => {
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(true);
  });

  it.each([
    ["a different password", "correct horse battery stapler"],
    ["the empty string", ""],
    ["a case change", PASSWORD.toUpperCase()],
    ["trailing whitespace", `${PASSWORD} `],
  ])("rejects %s", async (_label, attempt) => {
    await expect(verifyPassword(attempt, stored)).resolves.toBe(false);
  });
});

describe("verifyPassword against a hash made independently with node:crypto", () => {
  it("accepts it, so stored parameters (not current defaults) drive verification", async () => {
    const salt = Buffer.from("0123456789abcdef");
    const key = scryptSync("s3cret-pass", salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const stored = `scrypt$${2 ** 14}$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
    await expect(verifyPassword("s3cret-pass", stored)).resolves.toBe(true);
    await expect(verifyPassword("s3cret-pasS", stored)).resolves.toBe(false);
  });
});

describe("verifyPassword with Unicode passwords", () => {
  const nfc = "caf\u00e9-password"; // "é" as one code point
  const nfd = "cafe\u0301-password"; // "e" + combining acute accent

  it("treats the NFC and NFD spellings of the same text as the same password", async () => {
    expect(nfc).not.toBe(nfd);
    await expect(verifyPassword(nfd, await hashPassword(nfc))).resolves.toBe(true);
    await expect(verifyPassword(nfc, await hashPassword(nfd))).resolves.toBe(true);
  });

  it("still tells different letters apart", async () => {
    await expect(verifyPassword("cafe-password", await hashPassword(nfc))).resolves.toBe(false);
  });
});

describe("verifyPassword with a tampered or malformed stored string", () => {
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword(PASSWORD);
  });

  it("returns false for a flipped key byte", async () => {
    const key = Buffer.from(stored.split("$")[5]!, "base64");
    key[0] = key[0]! ^ 0xff;
    await expect(verifyPassword(PASSWORD, withField(stored, 5, key.toString("base64")))).resolves.toBe(false);
  });

  it("returns false for a different salt", async () => {
    const salt = Buffer.alloc(16, 7).toString("base64");
    await expect(verifyPassword(PASSWORD, withField(stored, 4, salt))).resolves.toBe(false);
  });

  it("returns false for a wrong password against a truncated key", async () => {
    const key = Buffer.from(stored.split("$")[5]!, "base64").subarray(0, 16).toString("base64");
    await expect(verifyPassword("wrong password", withField(stored, 5, key))).resolves.toBe(false);
  });

  it.each([
    ["an empty string", ""],
    ["a bcrypt hash", "$2b$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234"],
    ["plain text", PASSWORD],
    ["a missing key field", "scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA=="],
    ["an empty key field", "scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$"],
    ["a wrong scheme name", "SCRYPT$32768$8$1$c2FsdA==$a2V5a2V5"],
  ])("returns false for %s", async (_label, bad) => {
    await expect(verifyPassword(PASSWORD, bad)).resolves.toBe(false);
  });

  // Regression: a key field decoding to zero bytes used to verify ANY password.
  it.each([
    ["padding only", "===="],
    ["non-base64 text", "!!!!"],
  ])("returns false for a key field that decodes to nothing (%s)", async (_label, key) => {
    await expect(verifyPassword("any guess at all", withField(stored, 5, key))).resolves.toBe(false);
  });

  // Regression: a 1-byte stored key used to let 1 guess in 256 through.
  it("returns false for a wrong password against a 1-byte key", async () => {
    const params = { N: 2 ** 10, r: 8, p: 1 };
    const salt = Buffer.from("fixed-salt-16byt");
    const [realByte] = scryptSync("the real password", salt, 1, params);
    let collision = "";
    for (let i = 0; !collision; i++) {
      const guess = `guess-${i}`;
      if (scryptSync(guess, salt, 1, params)[0] === realByte) collision = guess;
    }
    const oneByte = `scrypt$${params.N}$8$1$${salt.toString("base64")}$${Buffer.of(realByte!).toString("base64")}`;
    await expect(verifyPassword(collision, oneByte)).resolves.toBe(false);
  });

  // Regression: invalid scrypt parameters used to throw (a 500 at sign-in).
  it.each([
    ["a non-numeric N", (s: string) => withField(s, 1, "abc")],
    ["an N that is not a power of two", (s: string) => withField(s, 1, "3")],
    ["parameters needing more memory than allowed", (s: string) => withField(s, 1, String(2 ** 24))],
  ])("returns false rather than throwing for %s", async (_label, tamper) => {
    await expect(verifyPassword(PASSWORD, tamper(stored))).resolves.toBe(false);
  });
});

describe("dummyPasswordHash", () => {
  it("is a well-formed hash that no ordinary password matches, reused across calls", async () => {
    const first = await dummyPasswordHash();
    expect(first.startsWith("scrypt$")).toBe(true);
    expect(await dummyPasswordHash()).toBe(first);
    await expect(verifyPassword(PASSWORD, first)).resolves.toBe(false);
  });
});
