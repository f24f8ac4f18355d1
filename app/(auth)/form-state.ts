import type { en } from "@/lib/i18n/catalogues";

export type AuthErrorKey = keyof (typeof en)["auth"]["errors"];

/** What a sign-in/up form shows after a failed submit: the typed email is kept, the password never is. */
export type AuthFormState = {
  email: string;
  errors?: { email?: AuthErrorKey; password?: AuthErrorKey; form?: AuthErrorKey };
  retryAfterSeconds?: number;
};

export const initialAuthFormState: AuthFormState = { email: "" };

export function formFields(formData: FormData): { email: string; password: string } {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return { email: text("email"), password: text("password") };
}
