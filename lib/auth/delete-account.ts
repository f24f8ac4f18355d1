import type { Db } from "@/lib/db";
import { clearThrottles } from "@/lib/repo/login-throttle";
import { deleteUser } from "@/lib/repo/users";
import { reauthenticate } from "./reauthenticate";
import { throttleKey } from "./throttle-keys";

/**
 * Deletes the account with all its data after confirming the password. Its
 * sign-in counters go too: they are keyed by an HMAC of the email, so they
 * reveal nothing, but nothing of the user's should be left behind.
 */
export async function deleteAccount(options: {
  db: Db;
  userId: string;
  password: string;
  secret: string;
  now: Date;
}): Promise<void> {
  const user = await reauthenticate(options);
  await deleteUser(options.db, user.id);
  await clearThrottles(options.db, [
    throttleKey(options.secret, "email", user.email),
    throttleKey(options.secret, "reauth", user.id),
  ]);
}
