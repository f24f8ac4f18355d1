import type { en } from "@/lib/i18n/catalogues";

export type AccountErrorKey = keyof (typeof en)["account"]["errors"];

/** What the change-password and delete-account forms show after a submit; passwords are never sent back. */
export type AccountFormState = {
  status: "idle" | "saved" | "error";
  errors?: { currentPassword?: AccountErrorKey; newPassword?: AccountErrorKey; form?: AccountErrorKey };
  retryAfterSeconds?: number;
  endedSessions?: number;
};

export const initialAccountFormState: AccountFormState = { status: "idle" };

export function accountFields(formData: FormData): { currentPassword: string; newPassword: string } {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return { currentPassword: text("currentPassword"), newPassword: text("newPassword") };
}
