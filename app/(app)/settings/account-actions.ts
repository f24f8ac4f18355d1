"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { changePassword } from "@/lib/auth/change-password";
import { changePasswordSchema, deleteAccountSchema } from "@/lib/auth/credentials";
import { deleteAccount } from "@/lib/auth/delete-account";
import { sessionSecret } from "@/lib/auth/secret";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { serverAction } from "@/lib/http/server-action";
import { clearDeviceCookie, clearSessionCookie, requireUser } from "@/lib/web/session";
import { accountFields, type AccountErrorKey, type AccountFormState } from "./account-form-state";

/** Expected failures as form state: a wrong current password inline, throttling as a form message. */
function failure(error: unknown): AccountFormState {
  if (isAppError(error) && error.code === "UNAUTHORIZED") {
    return { status: "error", errors: { currentPassword: "currentPasswordWrong" } };
  }
  if (isAppError(error) && error.code === "RATE_LIMITED") {
    const seconds = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60;
    return { status: "error", errors: { form: "rateLimited" }, retryAfterSeconds: seconds };
  }
  throw error;
}

function invalid(issues: { path: PropertyKey[]; message: string }[]): AccountFormState {
  const errors: AccountFormState["errors"] = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if ((field === "currentPassword" || field === "newPassword") && !errors[field]) {
      errors[field] = issue.message as AccountErrorKey;
    }
  }
  return { status: "error", errors };
}

/** Any other expected failure (an AppError or ZodError not handled above): a form message, not a 500. */
const generic = (): AccountFormState => ({ status: "error", errors: { form: "generic" } });

export const changePasswordAction = serverAction(async function changePasswordWithForm(
  _prev: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  const { session } = await requireUser();
  const parsed = changePasswordSchema.safeParse(accountFields(formData));
  if (!parsed.success) return invalid(parsed.error.issues);
  try {
    const { endedSessions } = await changePassword({
      db: db(),
      userId: session.userId,
      sessionId: session.id,
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.newPassword,
      secret: sessionSecret(),
      now: new Date(),
    });
    revalidatePath("/settings");
    return { status: "saved", endedSessions };
  } catch (error) {
    return failure(error);
  }
}, generic);

export const deleteAccountAction = serverAction(async function deleteAccountWithForm(
  _prev: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  const { session } = await requireUser();
  const parsed = deleteAccountSchema.safeParse(accountFields(formData));
  if (!parsed.success) return invalid(parsed.error.issues);
  try {
    await deleteAccount({
      db: db(),
      userId: session.userId,
      password: parsed.data.currentPassword,
      secret: sessionSecret(),
      now: new Date(),
    });
  } catch (error) {
    return failure(error);
  }
  await clearSessionCookie();
  await clearDeviceCookie();
  redirect("/");
}, generic);
