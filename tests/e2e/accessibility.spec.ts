import { expect, test } from "@playwright/test";
import {
  format,
  messages,
  newUser,
  pageWidths,
  PASSWORD,
  savePreferences,
  signOut,
  signUp,
  uniqueEmail,
} from "./helpers";

const { en, ru } = messages;

test.describe("keyboard", () => {
  test.use({ locale: "en-US" });

  test("the first Tab on the landing page reaches the skip link, which then shows", async ({ page }) => {
    await page.goto("/");
    const skip = page.getByRole("link", { name: en.nav.skipToContent });
    // Visually hidden (clipped away) until focused.
    const clipPath = () => skip.evaluate((el) => getComputedStyle(el).clipPath);
    expect(await clipPath()).not.toBe("none");

    await page.keyboard.press("Tab");
    await expect(skip).toBeFocused();
    expect(await clipPath()).toBe("none");
    await expect(skip).toBeInViewport();
    const shown = await skip.boundingBox();
    expect(shown?.width ?? 0).toBeGreaterThan(40);
    expect(shown?.height ?? 0).toBeGreaterThan(20);

    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });

  test("the sign-in form can be filled and submitted with the keyboard alone", async ({ browser, page }) => {
    const user = await newUser(browser, "en");
    await user.context.close();

    await page.goto("/signin");
    const email = page.getByLabel(en.auth.email, { exact: true });
    const password = page.getByLabel(en.auth.password, { exact: true });
    for (let presses = 0; presses < 20; presses++) {
      if (await email.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press("Tab");
    }
    await expect(email).toBeFocused();
    await page.keyboard.type(user.email);
    await page.keyboard.press("Tab");
    await expect(password).toBeFocused();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/home$/);
    await expect(page.getByText(format(en.home.greeting, { email: user.email }))).toBeVisible();
  });
});

test.describe("phone viewport", () => {
  test.use({ locale: "en-US", viewport: { width: 390, height: 844 } });

  test("landing, sign-up, home and settings fit the screen without sideways scrolling", async ({ page }) => {
    const expectNoSideScroll = async (where: string) => {
      const { scrollWidth, innerWidth } = await pageWidths(page);
      expect(
        scrollWidth,
        `${where}: page is ${scrollWidth}px wide in a ${innerWidth}px viewport`,
      ).toBeLessThanOrEqual(innerWidth);
    };

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.landing.headline);
    await expectNoSideScroll("landing (en)");

    await page.goto("/signup");
    await expectNoSideScroll("sign-up (en)");

    const email = uniqueEmail("phone");
    await signUp(page, email, "en");
    await expectNoSideScroll("home (en)");

    await page.goto("/settings");
    await expectNoSideScroll("settings (en)");
    await savePreferences(page, "en", { locale: "ru" });
    await expectNoSideScroll("settings (ru)");
    await page.goto("/home");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ru.home.title);
    await expectNoSideScroll("home (ru)");

    await signOut(page, "ru");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ru.landing.headline);
    await expectNoSideScroll("landing (ru)");
  });

  // Regression: an email without break opportunities used to widen the page to ~670 px.
  test("a long email address on /home still fits the screen", async ({ page }) => {
    const email = `averylongbutperfectlyvalidmailboxname${Date.now()}@subdomain.examplecompany.com`;
    await signUp(page, email, "en");
    const { scrollWidth, innerWidth } = await pageWidths(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });
});
