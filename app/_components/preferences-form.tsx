"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { savePreferencesAction, type SettingsFormState } from "@/app/(app)/settings/actions";
import { locales, themes, type Locale, type Theme } from "@/lib/settings/preferences";
import { Button } from "./ui/button";

const themeLabel = { system: "themeSystem", light: "themeLight", dark: "themeDark" } as const;

export function PreferencesForm({ locale, theme }: { locale: Locale; theme: Theme }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<SettingsFormState, FormData>(savePreferencesAction, {
    status: "idle",
  });
  const optionClass =
    "flex min-h-10 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-checked:border-indigo-600 has-checked:bg-indigo-50 dark:border-slate-600 dark:has-checked:bg-indigo-950";

  return (
    <form action={action} className="flex flex-col gap-6">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 font-medium">{t("settings.language")}</legend>
        <div className="flex flex-wrap gap-2">
          {locales.map((value) => (
            <label key={value} className={optionClass} lang={value}>
              <input type="radio" name="locale" value={value} defaultChecked={value === locale} />
              {t(`languageNames.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 font-medium">{t("settings.theme")}</legend>
        <div className="flex flex-wrap gap-2">
          {themes.map((value) => (
            <label key={value} className={optionClass}>
              <input type="radio" name="theme" value={value} defaultChecked={value === theme} />
              {t(`settings.${themeLabel[value]}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("settings.save")}
        </Button>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {state.status === "saved" ? t("settings.saved") : null}
          {state.status === "invalid" ? t("settings.errors.invalid") : null}
        </p>
      </div>
    </form>
  );
}
