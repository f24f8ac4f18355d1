import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt with N=2^15, r=8, p=1 (OWASP's recommended minimum); parameters are
// stored with each hash so they can be raised later without breaking old ones.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };
const MAX_MEMORY = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, n: number, r: number, p: number, keyLength: number) {
  const options: ScryptOptions = { N: n, r, p, maxmem: MAX_MEMORY };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, keyLength, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS.N, PARAMS.r, PARAMS.p, PARAMS.keyLength);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/**
 * Checks a password against a stored hash. A malformed or tampered hash is a
 * mismatch, never an exception: the key must be full length (a 0- or 1-byte
 * key would let any password through) and the parameters within sane bounds.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || rest.length > 0 || !n || !r || !p || !salt || !key) return false;
  const [cost, blockSize, parallel] = [n, r, p].map((v) => (/^\d{1,8}$/.test(v) ? Number(v) : NaN)) as [
    number,
    number,
    number,
  ];
  const costOk = cost >= 2 ** 10 && cost <= 2 ** 20 && (cost & (cost - 1)) === 0;
  if (!costOk || !(blockSize >= 1 && blockSize <= 32) || !(parallel >= 1 && parallel <= 16)) return false;
  const expected = Buffer.from(key, "base64");
  const saltBytes = Buffer.from(salt, "base64");
  if (expected.length !== PARAMS.keyLength || saltBytes.length < 16) return false;
  try {
    const actual = await derive(password, saltBytes, cost, blockSize, parallel, expected.length);
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password");
  return dummyHash;
}
