import { expect, test } from "@playwright/test";
import { browserLocale, mainNav, messages, newContext, other } from "./helpers";

for (const lang of ["en", "ru"] as const) {
  test(`a new visitor whose browser prefers ${browserLocale[lang]} sees the landing page in that language`, async ({
    browser,
  }) => {
    const t = messages[lang];
    const context = await newContext(browser, lang);
    const page = await context.newPage();
    await page.goto("/");

    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page).toHaveTitle(t.meta.title);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.landing.headline);
    await expect(page.getByRole("heading", { level: 2, name: t.landing.featuresTitle })).toBeVisible();
    await expect(page.getByRole("link", { name: t.landing.ctaSignUp })).toBeVisible();
    const nav = mainNav(page, lang);
    await expect(nav.getByRole("link", { name: t.nav.signIn })).toBeVisible();
    await expect(nav.getByRole("link", { name: t.nav.signUp })).toBeVisible();
    await context.close();
  });
}

test("the header language switch flips the language for an anonymous visitor", async ({ browser }) => {
  const context = await newContext(browser, "en");
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  const switchButton = (lang: "en" | "ru") =>
    mainNav(page, lang).getByRole("button", {
      name: `${messages[lang].nav.language}: ${messages[lang].nav.switchTo}`,
    });

  let lang: "en" | "ru" = "en";
  for (const _ of [1, 2]) {
    await switchButton(lang).click();
    lang = other(lang);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages[lang].landing.headline);
    await expect(switchButton(lang)).toHaveText(messages[lang].nav.switchTo);
  }

  // The choice sticks for this visitor across pages, against the browser's preference.
  await switchButton("en").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await mainNav(page, "ru").getByRole("link", { name: messages.ru.nav.signIn }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages.ru.auth.signInTitle);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await context.close();
});
