import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findCredentialsById, type UserCredentials } from "@/lib/repo/users";
import { passwordCheckGate, type ConcurrencyGate } from "./concurrency-gate";
import { verifyPassword } from "./password";
import { THROTTLE } from "./throttle";
import { throttleKey } from "./throttle-keys";
import { throttledCheck } from "./throttled-check";

/**
 * Confirms a signed-in user's current password before a change that matters
 * (new password, deleting the account). Throttled on a counter of its own, so
 * someone holding a stolen session cannot guess the password at full speed,
 * nor lock the owner's sign-in by trying.
 */
export async function reauthenticate(options: {
  db: Db;
  userId: string;
  password: string;
  secret: string;
  now: Date;
  gate?: ConcurrencyGate;
}): Promise<UserCredentials> {
  const user = await findCredentialsById(options.db, options.userId);
  if (!user) throw new AppError("UNAUTHORIZED", "sign in first");
  const key = throttleKey(options.secret, "reauth", user.id);
  const ok = await throttledCheck({
    db: options.db,
    charges: [{ key, maxFailures: THROTTLE.maxFailuresPerAccount, onSuccess: "clear" }],
    gate: options.gate ?? passwordCheckGate,
    gateKey: key,
    now: options.now,
    check: () => verifyPassword(options.password, user.passwordHash),
  });
  if (!ok) throw new AppError("UNAUTHORIZED", "the current password is wrong", { field: "currentPassword" });
  return user;
}
