import { expect, test } from "@playwright/test";
import {
  fillCredentials,
  format,
  mainNav,
  messages,
  newContext,
  newUser,
  PASSWORD,
  savePreferences,
  signIn,
  signOut,
  signUp,
  uniqueEmail,
  type Lang,
} from "./helpers";

const { en, ru } = messages;

test("account flow: sign up, sign out, sign in, switch language; the saved language follows the account", async ({
  browser,
}) => {
  test.slow(); // two browser contexts, a sign-up and two sign-ins
  const email = uniqueEmail("flow");
  const context = await newContext(browser, "en");
  const page = await context.newPage();

  await signUp(page, email, "en");
  await expect(page.getByRole("heading", { level: 1, name: en.home.title })).toBeVisible();
  await expect(page.getByText(format(en.home.greeting, { email }))).toBeVisible();

  await signOut(page, "en");
  await signIn(page, email, "en");
  await expect(page.getByText(format(en.home.greeting, { email }))).toBeVisible();

  await mainNav(page, "en").getByRole("link", { name: en.nav.settings }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: en.settings.title })).toBeVisible();
  await savePreferences(page, "en", { locale: "ru" });

  const expectRussianUi = async () => {
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("heading", { level: 1, name: ru.settings.title })).toBeVisible();
    const nav = mainNav(page, "ru");
    await expect(nav.getByRole("link", { name: ru.nav.home })).toBeVisible();
    await expect(nav.getByRole("link", { name: ru.nav.settings })).toBeVisible();
    await expect(nav.getByRole("button", { name: ru.nav.signOut })).toBeVisible();
  };
  await expectRussianUi();
  await page.reload();
  await expectRussianUi();
  await expect(
    page.getByRole("group", { name: ru.settings.language }).getByRole("radio", { name: ru.languageNames.ru }),
  ).toBeChecked();

  await mainNav(page, "ru").getByRole("link", { name: ru.nav.home }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { level: 1, name: ru.home.title })).toBeVisible();
  await expect(page.getByText(format(ru.home.greeting, { email }))).toBeVisible();
  await signOut(page, "ru");
  await context.close();

  // A new browser that prefers English: anonymous pages are English, but once
  // signed in the account's saved language (Russian) wins.
  const fresh = await newContext(browser, "en");
  const page2 = await fresh.newPage();
  await page2.goto("/signin");
  await expect(page2.locator("html")).toHaveAttribute("lang", "en");
  await signIn(page2, email, "en");
  await expect(page2.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page2.getByRole("heading", { level: 1, name: ru.home.title })).toBeVisible();
  await expect(page2.getByText(format(ru.home.greeting, { email }))).toBeVisible();
  await expect(mainNav(page2, "ru").getByRole("link", { name: ru.nav.settings })).toBeVisible();
  await fresh.close();
});

test.describe("with an existing account", () => {
  let existingEmail = "";
  test.beforeAll(async ({ browser }) => {
    const user = await newUser(browser, "en");
    existingEmail = user.email;
    await user.context.close();
  });

  // Two deliberate failed sign-ins in the whole suite: far below the account (5) and IP (20) locks.
  for (const lang of ["en", "ru"] as const) {
    test(`a wrong password shows the localized error and stays on /signin (${lang})`, async ({ browser }) => {
      const context = await newContext(browser, lang);
      const page = await context.newPage();
      await page.goto("/signin");
      await fillCredentials(page, lang, existingEmail, "not the right password");
      await page.getByRole("button", { name: messages[lang].auth.submitSignIn }).click();

      // (Next's route announcer is an empty role=alert too: look for the one that says something.)
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
        messages[lang].auth.errors.wrongCredentials,
      );
      await expect(page).toHaveURL(/\/signin$/);
      await expect(page.getByLabel(messages[lang].auth.email, { exact: true })).toHaveValue(existingEmail);
      await expect(page.getByLabel(messages[lang].auth.password, { exact: true })).toHaveValue("");
      await context.close();
    });
  }

  for (const lang of ["en", "ru"] as const satisfies Lang[]) {
    test(`sign-up validation shows inline messages next to the fields (${lang})`, async ({ browser }) => {
      const t = messages[lang].auth;
      const context = await newContext(browser, lang);
      const page = await context.newPage();
      await page.goto("/signup");
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      const emailField = page.getByLabel(t.email, { exact: true });
      const passwordField = page.getByLabel(t.password, { exact: true });
      const submit = page.getByRole("button", { name: t.submitSignUp });

      // An address that is not an email.
      await emailField.fill("not-an-email");
      await passwordField.fill(PASSWORD);
      await submit.click();
      await expect(emailField).toHaveAttribute("aria-invalid", "true");
      await expect(emailField).toHaveAccessibleDescription(t.errors.emailInvalid);
      await expect(page.getByText(t.errors.emailInvalid)).toBeVisible();
      await expect(passwordField).not.toHaveAttribute("aria-invalid");
      await expect(page).toHaveURL(/\/signup$/);

      // A password shorter than the minimum.
      const tooShort = format(t.errors.passwordTooShort, { min: 8 });
      await emailField.fill(uniqueEmail("short"));
      await passwordField.fill("1234567");
      await submit.click();
      await expect(passwordField).toHaveAttribute("aria-invalid", "true");
      await expect(passwordField).toHaveAccessibleDescription(tooShort);
      await expect(page.getByText(tooShort)).toBeVisible();
      await expect(emailField).not.toHaveAttribute("aria-invalid");
      await expect(page).toHaveURL(/\/signup$/);

      // An email that already has an account.
      await emailField.fill(existingEmail);
      await passwordField.fill(PASSWORD);
      await submit.click();
      await expect(emailField).toHaveAttribute("aria-invalid", "true");
      await expect(emailField).toHaveAccessibleDescription(t.errors.emailTaken);
      await expect(page.getByText(t.errors.emailTaken)).toBeVisible();
      await expect(emailField).toHaveValue(existingEmail);
      await expect(page).toHaveURL(/\/signup$/);
      await context.close();
    });
  }
});
