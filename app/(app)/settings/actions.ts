"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { serverAction } from "@/lib/http/server-action";
import { studyScope } from "@/lib/repo/study";
import { parseStudyForm } from "@/lib/srs/parse-study-form";
import { preferencesPatchSchema } from "@/lib/settings/preferences";
import { rememberPreferences } from "@/lib/web/preferences-cookie";
import { requireUser } from "@/lib/web/session";

export type SettingsFormState = { status: "idle" | "saved" | "invalid" | "sessionNotFound" };

export const savePreferencesAction = serverAction(async function savePreferences(
  _prev: SettingsFormState,
  formData: FormData,
): Promise<SettingsFormState> {
  const { repo } = await requireUser();
  const parsed = preferencesPatchSchema.safeParse({
    locale: formData.get("locale") ?? undefined,
    theme: formData.get("theme") ?? undefined,
  });
  if (!parsed.success) return { status: "invalid" };
  const saved = await repo.updatePreferences(parsed.data);
  await rememberPreferences(saved);
  revalidatePath("/", "layout");
  return { status: "saved" };
}, invalidSettings);

const sessionIdSchema = z.string().uuid();

export const revokeSessionAction = serverAction(async function revokeSession(
  _prev: SettingsFormState,
  formData: FormData,
): Promise<SettingsFormState> {
  const { repo } = await requireUser();
  const parsed = sessionIdSchema.safeParse(formData.get("sessionId"));
  if (!parsed.success) return { status: "sessionNotFound" };
  try {
    await repo.revokeSession(parsed.data);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return { status: "sessionNotFound" };
    throw error;
  }
  revalidatePath("/settings");
  return { status: "idle" };
}, invalidSettings);

export type StudyFormState = { status: "idle" | "saved" | "invalid"; fields: string[] };

export const saveStudySettingsAction = serverAction(
  async function saveStudySettings(_prev: StudyFormState, formData: FormData): Promise<StudyFormState> {
    const { session } = await requireUser();
    const study = studyScope(db(), session.userId);
    const parsed = parseStudyForm(formData, await study.settings());
    if (!parsed.ok) return { status: "invalid", fields: parsed.fields };
    await study.updateSettings(parsed.settings);
    revalidatePath("/", "layout");
    return { status: "saved", fields: [] };
  },
  (): StudyFormState => ({ status: "invalid", fields: [] }),
);

/** An AppError or ZodError thrown below an action shows as the form's "invalid" message, not a 500. */
async function invalidSettings(): Promise<SettingsFormState> {
  return { status: "invalid" };
}
