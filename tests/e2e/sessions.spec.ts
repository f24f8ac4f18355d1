import { expect, test, type Page } from "@playwright/test";
import { format, messages, newContext, newUser, savePreferences, signIn, type Lang } from "./helpers";

const { en, ru } = messages;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sessionList(page: Page, lang: Lang) {
  return page.getByRole("region", { name: messages[lang].settings.sessionsTitle });
}

test("signing out another of my devices from settings ends that session", async ({ browser }) => {
  test.slow(); // several browser contexts and sign-ins
  const a = await newUser(browser, "en");
  const secondContext = await newContext(browser, "en");
  const second = await secondContext.newPage();
  await signIn(second, a.email, "en");

  await a.page.goto("/settings");
  const sessions = sessionList(a.page, "en");
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expect(sessions.getByText(`(${en.settings.thisDevice})`)).toHaveCount(1);
  await sessions.getByRole("button", { name: en.settings.revoke }).click();
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  await expect(sessions.getByRole("button", { name: en.settings.revoke })).toHaveCount(0);

  await second.reload();
  await expect(second).toHaveURL(/\/signin$/);

  // The device that did the revoking stays signed in.
  await a.page.reload();
  await expect(a.page).toHaveURL(/\/settings$/);
  await expect(sessions.getByText(`(${en.settings.thisDevice})`)).toBeVisible();
  await secondContext.close();
  await a.context.close();
});

test("another user cannot revoke my sessions or see or change my settings by guessing ids", async ({
  browser,
  baseURL,
}) => {
  test.slow(); // three browser contexts, two accounts
  const sameOrigin = { Origin: baseURL! };

  // A: two devices, Russian.
  const a = await newUser(browser, "en");
  const aSecondContext = await newContext(browser, "en");
  const aSecond = await aSecondContext.newPage();
  await signIn(aSecond, a.email, "en");
  await a.page.goto("/settings");
  await savePreferences(a.page, "en", { locale: "ru" });
  await a.page.reload();
  const sessions = sessionList(a.page, "ru");
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  const aSessionId = await sessions.locator('input[name="sessionId"]').inputValue();
  expect(aSessionId).toMatch(UUID);

  // B: English, tries A's session id.
  const b = await newUser(browser, "en");
  const revoke = await b.context.request.delete(`/api/sessions/${aSessionId}`, { headers: sameOrigin });
  expect(revoke.status()).toBe(404);
  expect(revoke.headers()["content-type"]).toContain("application/json");
  const revokeBody = (await revoke.json()) as { error?: string; message?: string };
  expect(revokeBody.error).toBe("NOT_FOUND");
  expect(revokeBody.message).toEqual(expect.any(String));

  // Both of A's devices are still signed in.
  await aSecond.reload();
  await expect(aSecond).toHaveURL(/\/home$/);
  await expect(aSecond.getByText(format(ru.home.greeting, { email: a.email }))).toBeVisible();
  await a.page.reload();
  await expect(a.page).toHaveURL(/\/settings$/);
  await expect(sessions.getByRole("listitem")).toHaveCount(2);

  // B reads B's preferences, not A's.
  const bRead = await b.context.request.get("/api/settings");
  expect(bRead.status()).toBe(200);
  expect(await bRead.json()).toEqual({ locale: "en", theme: "system" });

  // B's change touches B only.
  const bPatch = await b.context.request.patch("/api/settings", {
    headers: sameOrigin,
    data: { theme: "dark" },
  });
  expect(bPatch.status()).toBe(200);
  expect(await bPatch.json()).toEqual({ locale: "en", theme: "dark" });
  const aRead = await a.context.request.get("/api/settings");
  expect(await aRead.json()).toEqual({ locale: "ru", theme: "system" });

  // And that is what each of them sees.
  await a.page.goto("/home");
  await expect(a.page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(a.page.locator("html")).toHaveAttribute("data-theme", "system");
  await b.page.reload();
  await expect(b.page.locator("html")).toHaveAttribute("lang", "en");
  await expect(b.page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(b.page.getByText(format(en.home.greeting, { email: b.email }))).toBeVisible();

  await aSecondContext.close();
  await a.context.close();
  await b.context.close();
});
