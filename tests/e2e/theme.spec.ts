import { expect, test, type Page } from "@playwright/test";
import { mainNav, messages, newUser, savePreferences } from "./helpers";

const { en } = messages;

const colorScheme = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test("choosing the dark theme in settings applies it at once and keeps it after a reload", async ({
  browser,
}) => {
  const { context, page } = await newUser(browser, "en");
  await mainNav(page, "en").getByRole("link", { name: en.nav.settings }).click();
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "system");
  const lightBackground = await pageBackground(page);

  await savePreferences(page, "en", { theme: "dark" });
  await expect(html).toHaveAttribute("data-theme", "dark");
  expect(await colorScheme(page)).toBe("dark");
  expect(await pageBackground(page)).not.toBe(lightBackground);

  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(
    page.getByRole("group", { name: en.settings.theme }).getByRole("radio", { name: en.settings.themeDark }),
  ).toBeChecked();

  await mainNav(page, "en").getByRole("link", { name: en.nav.home }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(html).toHaveAttribute("data-theme", "dark");
  expect(await colorScheme(page)).toBe("dark");
  await context.close();
});
