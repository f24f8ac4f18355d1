"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction, deleteAccountAction } from "@/app/(app)/settings/account-actions";
import {
  initialAccountFormState,
  type AccountErrorKey,
  type AccountFormState,
} from "@/app/(app)/settings/account-form-state";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/credentials";
import { Button } from "./ui/button";
import { TextField } from "./ui/text-field";

function useErrorText(state: AccountFormState) {
  const t = useTranslations("account");
  return (key: AccountErrorKey | undefined) =>
    key
      ? t(`errors.${key}`, { min: PASSWORD_MIN, max: PASSWORD_MAX, seconds: state.retryAfterSeconds ?? 60 })
      : undefined;
}

function FormAlert({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
    >
      {text}
    </p>
  );
}

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(changePasswordAction, initialAccountFormState);
  const error = useErrorText(state);
  // React resets the fields after every submit, so no password lingers in the page.
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormAlert text={error(state.errors?.form)} />
      <TextField
        id="current-password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        label={t("currentPassword")}
        error={error(state.errors?.currentPassword)}
      />
      <TextField
        id="new-password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        label={t("newPassword")}
        hint={t("newPasswordHint", { min: PASSWORD_MIN })}
        error={error(state.errors?.newPassword)}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? t("pending") : t("changePassword")}
        </Button>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {state.status === "saved" ? t("passwordChanged", { count: state.endedSessions ?? 0 }) : null}
        </p>
      </div>
    </form>
  );
}

export function DeleteAccountForm() {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(deleteAccountAction, initialAccountFormState);
  const error = useErrorText(state);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormAlert text={error(state.errors?.form)} />
      <TextField
        id="delete-password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        label={t("deletePassword")}
        error={error(state.errors?.currentPassword)}
      />
      <div>
        <Button
          type="submit"
          disabled={pending}
          aria-busy={pending}
          className="bg-red-700 hover:bg-red-800 disabled:bg-red-400 dark:bg-red-700 dark:hover:bg-red-600"
        >
          {pending ? t("pending") : t("deleteAccount")}
        </Button>
      </div>
    </form>
  );
}
