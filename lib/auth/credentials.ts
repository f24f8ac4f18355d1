import { z } from "zod";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

// Messages are i18n keys under "auth.errors": the form shows them in the user's language.
export const emailSchema = z
  .string({ message: "emailInvalid" })
  .trim()
  .toLowerCase()
  .max(254, { message: "emailInvalid" })
  .pipe(z.email({ message: "emailInvalid" }));

export const signUpSchema = z.object({
  email: emailSchema,
  password: z
    .string({ message: "passwordTooShort" })
    .min(PASSWORD_MIN, { message: "passwordTooShort" })
    .max(PASSWORD_MAX, { message: "passwordTooLong" }),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ message: "passwordRequired" })
    .min(1, { message: "passwordRequired" })
    .max(PASSWORD_MAX, {
      message: "passwordTooLong",
    }),
});

export type Credentials = z.infer<typeof signUpSchema>;

const newPassword = z
  .string({ message: "passwordTooShort" })
  .min(PASSWORD_MIN, { message: "passwordTooShort" })
  .max(PASSWORD_MAX, { message: "passwordTooLong" });

const currentPassword = z
  .string({ message: "passwordRequired" })
  .min(1, { message: "passwordRequired" })
  .max(PASSWORD_MAX, { message: "passwordTooLong" });

export const changePasswordSchema = z.object({ currentPassword, newPassword });

export const deleteAccountSchema = z.object({ currentPassword });
