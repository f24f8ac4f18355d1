import { expect, test, type Page } from "@playwright/test";
import {
  fillCredentials,
  mainNav,
  messages,
  newContext,
  newUser,
  PASSWORD,
  signIn,
  signOut,
} from "./helpers";

const { en } = messages;
const NEW_PASSWORD = "a much better passphrase";

function changePasswordForm(page: Page) {
  return page.getByRole("region", { name: en.account.changePasswordTitle });
}

function deleteAccountForm(page: Page) {
  return page.getByRole("region", { name: en.account.deleteTitle });
}

async function failedSignIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await fillCredentials(page, "en", email, password);
  await page.getByRole("button", { name: en.auth.submitSignIn }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(en.auth.errors.wrongCredentials);
  await expect(page).toHaveURL(/\/signin$/);
}

test("changing the password signs out my other devices, keeps this one, and only the new password works", async ({
  browser,
}) => {
  test.slow(); // two browser contexts and several password checks
  const a = await newUser(browser, "en");
  const secondContext = await newContext(browser, "en");
  const second = await secondContext.newPage();
  await signIn(second, a.email, "en");

  await a.page.goto("/settings");
  const form = changePasswordForm(a.page);
  const current = form.getByLabel(en.account.currentPassword, { exact: true });
  const next = form.getByLabel(en.account.newPassword, { exact: true });

  // A wrong current password is refused inline, next to its field.
  await current.fill("not my password");
  await next.fill(NEW_PASSWORD);
  await form.getByRole("button", { name: en.account.changePassword }).click();
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(current).toHaveAccessibleDescription(en.account.errors.currentPasswordWrong);

  // A too-short new password too.
  await current.fill(PASSWORD);
  await next.fill("short");
  await form.getByRole("button", { name: en.account.changePassword }).click();
  await expect(next).toHaveAttribute("aria-invalid", "true");

  // The real change, submitted from the keyboard.
  await current.fill(PASSWORD);
  await next.fill(NEW_PASSWORD);
  await next.press("Enter");
  await expect(form.getByRole("status")).toHaveText("Password changed. 1 other session was signed out.");

  await second.reload();
  await expect(second).toHaveURL(/\/signin$/);
  await a.page.reload();
  await expect(a.page).toHaveURL(/\/settings$/);

  await signOut(a.page, "en");
  await failedSignIn(a.page, a.email, PASSWORD);
  await signIn(a.page, a.email, "en", NEW_PASSWORD);
  await secondContext.close();
  await a.context.close();
});

test("deleting my account needs my password, then signs me out for good", async ({ browser }) => {
  test.slow();
  const a = await newUser(browser, "en");
  await a.page.goto("/settings");
  const form = deleteAccountForm(a.page);
  const password = form.getByLabel(en.account.deletePassword, { exact: true });

  await password.fill("wrong password");
  await password.press("Enter");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(en.account.errors.currentPasswordWrong);
  await a.page.reload();
  await expect(a.page).toHaveURL(/\/settings$/);

  await password.fill(PASSWORD);
  await form.getByRole("button", { name: en.account.deleteAccount }).focus();
  await a.page.keyboard.press("Enter");
  await expect(a.page).toHaveURL(/\/$/);
  await expect(mainNav(a.page, "en").getByRole("link", { name: en.nav.signIn })).toBeVisible();

  await a.page.goto("/settings");
  await expect(a.page).toHaveURL(/\/signin$/);
  await failedSignIn(a.page, a.email, PASSWORD);
  await a.context.close();
});
