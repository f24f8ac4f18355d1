import { studySettingsSchema, type StudySettings } from "./study-settings";

export type StudyFormField =
  | "desiredRetention"
  | "newCardsPerDay"
  | "reviewsPerDay"
  | "maximumInterval"
  | "learningSteps"
  | "relearningSteps"
  | "dayStartHour"
  | "timeZone";

/** Field → the allowed values, shown next to a field the user got wrong. */
export const studyFieldRules: Record<StudyFormField, string> = {
  desiredRetention: "0.70–0.99",
  newCardsPerDay: "0–9999",
  reviewsPerDay: "0–99999",
  maximumInterval: "1–36500",
  learningSteps: "1m 10m 1h 1d",
  relearningSteps: "1m 10m 1h 1d",
  dayStartHour: "0–23",
  timeZone: "Europe/Moscow, UTC, …",
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};
const number = (form: FormData, name: string) => Number(text(form, name).replace(",", "."));
const steps = (form: FormData, name: string) =>
  text(form, name)
    .split(/[\s,]+/)
    .filter(Boolean);

/** Reads the study settings form; keeps the user's fsrs parameters, which the form does not show. */
export function parseStudyForm(
  form: FormData,
  current: StudySettings,
): { ok: true; settings: StudySettings } | { ok: false; fields: string[] } {
  const result = studySettingsSchema.safeParse({
    desiredRetention: number(form, "desiredRetention"),
    newCardsPerDay: number(form, "newCardsPerDay"),
    reviewsPerDay: number(form, "reviewsPerDay"),
    maximumInterval: number(form, "maximumInterval"),
    learningSteps: steps(form, "learningSteps"),
    relearningSteps: steps(form, "relearningSteps"),
    fuzz: form.get("fuzz") === "on",
    dayStartHour: number(form, "dayStartHour"),
    timeZone: text(form, "timeZone"),
    fsrsParams: current.fsrsParams,
  });
  if (result.success) return { ok: true, settings: result.data };
  return { ok: false, fields: [...new Set(result.error.issues.map((i) => String(i.path[0])))] };
}
