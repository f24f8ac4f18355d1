import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import enCore from "../../lib/i18n/messages/en.json" with { type: "json" };
import ruCore from "../../lib/i18n/messages/ru.json" with { type: "json" };
import enOptimizer from "../../lib/i18n/messages/optimizer.en.json" with { type: "json" };
import ruOptimizer from "../../lib/i18n/messages/optimizer.ru.json" with { type: "json" };
import enStats from "../../lib/i18n/messages/stats.en.json" with { type: "json" };
import ruStats from "../../lib/i18n/messages/stats.ru.json" with { type: "json" };

export type Lang = "en" | "ru";

// Merged as lib/i18n/catalogues.ts does (JSON here needs import attributes under Node ESM).
const en = { ...enCore, ...enStats, ...enOptimizer };
const ru = { ...ruCore, ...ruStats, ...ruOptimizer };
export type Messages = typeof en;

/** The app's own message catalogues: what the user should see, per language. */
export const messages: Record<Lang, Messages> = { en, ru };

/** Browser locales (Accept-Language) that negotiate to each app language. */
export const browserLocale: Record<Lang, string> = { en: "en-US", ru: "ru-RU" };

export const other = (lang: Lang): Lang => (lang === "en" ? "ru" : "en");

export const PASSWORD = "correct horse battery";

/** Fills `{name}` placeholders of a simple (non-plural) ICU message. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function uniqueEmail(prefix = "e2e"): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(16).slice(2, 8)}@example.com`;
}

export async function newContext(browser: Browser, lang: Lang = "en"): Promise<BrowserContext> {
  return browser.newContext({ locale: browserLocale[lang] });
}

/** The header's main navigation (scopes "Sign out" away from the session list's buttons). */
export function mainNav(page: Page, lang: Lang) {
  return page.getByRole("navigation", { name: messages[lang].nav.main });
}

export async function fillCredentials(page: Page, lang: Lang, email: string, password: string) {
  const t = messages[lang].auth;
  await page.getByLabel(t.email, { exact: true }).fill(email);
  await page.getByLabel(t.password, { exact: true }).fill(password);
}

/** Signs up through the form; lands on /home. */
export async function signUp(page: Page, email: string, lang: Lang = "en", password = PASSWORD) {
  await page.goto("/signup");
  await fillCredentials(page, lang, email, password);
  await page.getByRole("button", { name: messages[lang].auth.submitSignUp }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByText(format(messages[lang].home.greeting, { email }))).toBeVisible();
}

/** Signs in through the form; lands on /home. `lang` is the language the sign-in page is shown in. */
export async function signIn(page: Page, email: string, lang: Lang = "en", password = PASSWORD) {
  await page.goto("/signin");
  await fillCredentials(page, lang, email, password);
  await page.getByRole("button", { name: messages[lang].auth.submitSignIn }).click();
  await expect(page).toHaveURL(/\/home$/);
}

export async function signOut(page: Page, lang: Lang = "en") {
  await mainNav(page, lang).getByRole("button", { name: messages[lang].nav.signOut }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(mainNav(page, lang).getByRole("link", { name: messages[lang].nav.signIn })).toBeVisible();
}

/** A signed-up user in a fresh browser context of its own. */
export async function newUser(browser: Browser, lang: Lang = "en", email = uniqueEmail()) {
  const context = await newContext(browser, lang);
  const page = await context.newPage();
  await signUp(page, email, lang);
  return { context, page, email };
}

/** On the settings page (shown in `lang`): chooses radio options and saves; waits for the "saved" status. */
export async function savePreferences(
  page: Page,
  lang: Lang,
  choice: { locale?: Lang; theme?: "system" | "light" | "dark" },
) {
  const t = messages[lang];
  await expect(page).toHaveURL(/\/settings$/);
  if (choice.locale) {
    await page
      .getByRole("group", { name: t.settings.language })
      .getByRole("radio", { name: t.languageNames[choice.locale] })
      .check();
  }
  if (choice.theme) {
    const label = { system: "themeSystem", light: "themeLight", dark: "themeDark" } as const;
    await page
      .getByRole("group", { name: t.settings.theme })
      .getByRole("radio", { name: t.settings[label[choice.theme]] })
      .check();
  }
  await page.getByRole("button", { name: t.settings.save, exact: true }).click();
  const shownIn = choice.locale ?? lang;
  await expect(page.getByRole("status").filter({ hasText: messages[shownIn].settings.saved })).toBeVisible();
}

/** The document's scroll width next to the viewport width: equal when nothing scrolls sideways. */
export async function pageWidths(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}
