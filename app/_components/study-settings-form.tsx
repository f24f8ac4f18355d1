"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveStudySettingsAction, type StudyFormState } from "@/app/(app)/settings/actions";
import { studyFieldRules, type StudyFormField } from "@/lib/srs/parse-study-form";
import type { StudySettings } from "@/lib/srs/study-settings";
import { Button } from "./ui/button";
import { TextField } from "./ui/text-field";

export function StudySettingsForm({ settings, timeZones }: { settings: StudySettings; timeZones: string[] }) {
  const t = useTranslations("study");
  const [state, action, pending] = useActionState<StudyFormState, FormData>(saveStudySettingsAction, {
    status: "idle",
    fields: [],
  });
  const error = (field: StudyFormField) =>
    state.fields.includes(field) ? t("fieldInvalid", { rule: studyFieldRules[field] }) : undefined;
  const field = (name: StudyFormField, value: string, extra: Record<string, string> = {}) => (
    <TextField
      id={`study-${name}`}
      name={name}
      label={t(name)}
      defaultValue={value}
      error={error(name)}
      {...extra}
    />
  );

  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
      {field("desiredRetention", String(settings.desiredRetention), {
        inputMode: "decimal",
        hint: t("desiredRetentionHint"),
      } as never)}
      {field("newCardsPerDay", String(settings.newCardsPerDay), { inputMode: "numeric" })}
      {field("reviewsPerDay", String(settings.reviewsPerDay), { inputMode: "numeric" })}
      {field("maximumInterval", String(settings.maximumInterval), { inputMode: "numeric" })}
      {field("learningSteps", settings.learningSteps.join(" "), { hint: t("stepsHint") } as never)}
      {field("relearningSteps", settings.relearningSteps.join(" "), { hint: t("stepsHint") } as never)}
      {field("dayStartHour", String(settings.dayStartHour), { inputMode: "numeric" })}
      {field("timeZone", settings.timeZone, { list: "time-zones", autoComplete: "off" })}
      <datalist id="time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <label className="flex items-center gap-2 sm:col-span-2">
        <input type="checkbox" name="fuzz" defaultChecked={settings.fuzz} />
        {t("fuzz")}
      </label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        <p role="status" className="text-sm">
          {state.status === "saved" ? t("saved") : state.status === "invalid" ? t("invalid") : null}
        </p>
      </div>
    </form>
  );
}
