import { z } from "zod";

export const locales = ["ru", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

export const themes = ["system", "light", "dark"] as const;
export type Theme = (typeof themes)[number];
export const defaultTheme: Theme = "system";

export const localeSchema = z.enum(locales, { message: `expected one of ${locales.join(", ")}` });
export const themeSchema = z.enum(themes, { message: `expected one of ${themes.join(", ")}` });

/** What a user may change on the settings page (and through PATCH /api/settings). */
export const preferencesPatchSchema = z
  .object({ locale: localeSchema.optional(), theme: themeSchema.optional() })
  .strict()
  .refine((v) => v.locale !== undefined || v.theme !== undefined, { message: "nothing to change" });

export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function isTheme(value: unknown): value is Theme {
  return typeof value === "string" && (themes as readonly string[]).includes(value);
}
