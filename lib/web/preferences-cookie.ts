import { cookies, headers } from "next/headers";
import { negotiateLocale } from "@/lib/settings/negotiate-locale";
import { defaultTheme, isLocale, isTheme, type Locale, type Theme } from "@/lib/settings/preferences";
import { currentSession } from "./session";

export const LOCALE_COOKIE = "gradus_locale";
export const THEME_COOKIE = "gradus_theme";
const YEAR_S = 365 * 24 * 60 * 60;

/**
 * Language and theme of this request: the signed-in user's saved settings win;
 * a visitor gets what they picked before (cookie) or what the browser prefers.
 */
export async function requestPreferences(): Promise<{ locale: Locale; theme: Theme }> {
  const session = await currentSession();
  if (session) return { locale: session.locale, theme: session.theme };
  const jar = await cookies();
  const cookieLocale = jar.get(LOCALE_COOKIE)?.value;
  const cookieTheme = jar.get(THEME_COOKIE)?.value;
  return {
    locale: isLocale(cookieLocale) ? cookieLocale : negotiateLocale((await headers()).get("accept-language")),
    theme: isTheme(cookieTheme) ? cookieTheme : defaultTheme,
  };
}

export async function rememberPreferences(prefs: { locale?: Locale; theme?: Theme }): Promise<void> {
  const jar = await cookies();
  const options = { path: "/", sameSite: "lax" as const, maxAge: YEAR_S };
  if (prefs.locale) jar.set(LOCALE_COOKIE, prefs.locale, options);
  if (prefs.theme) jar.set(THEME_COOKIE, prefs.theme, options);
}
