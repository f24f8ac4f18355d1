"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/credentials";
import { initialAuthFormState, type AuthErrorKey, type AuthFormState } from "@/app/(auth)/form-state";
import { Button } from "./ui/button";
import { TextField } from "./ui/text-field";

type Props = {
  mode: "signIn" | "signUp";
  action: (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
};

export function AuthForm({ mode, action }: Props) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(action, initialAuthFormState);
  const message = (key: AuthErrorKey | undefined) =>
    key
      ? t(`errors.${key}`, { min: PASSWORD_MIN, max: PASSWORD_MAX, seconds: state.retryAfterSeconds ?? 60 })
      : undefined;

  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state.errors?.form ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {message(state.errors.form)}
        </p>
      ) : null}
      <TextField
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        required
        label={t("email")}
        defaultValue={state.email}
        error={message(state.errors?.email)}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        autoComplete={mode === "signUp" ? "new-password" : "current-password"}
        required
        label={t("password")}
        hint={mode === "signUp" ? t("passwordHint", { min: PASSWORD_MIN }) : undefined}
        error={message(state.errors?.password)}
      />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("pending") : mode === "signUp" ? t("submitSignUp") : t("submitSignIn")}
      </Button>
    </form>
  );
}
