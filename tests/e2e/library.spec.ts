import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { browserLocale, format, messages, type Lang } from "./helpers";

/** The topic title as written in content/activations/_topic.md (the page must show the content's own words). */
function topicTitle(lang: Lang): string {
  const text = fs.readFileSync("content/activations/_topic.md", "utf8");
  const match = new RegExp(`^\\s+${lang}: (.+)$`, "m").exec(text.slice(text.indexOf("title:")));
  if (!match?.[1]) throw new Error("no title in content/activations/_topic.md");
  return match[1].trim();
}

for (const lang of ["en", "ru"] as const) {
  test(`a visitor in ${lang} browses a topic, searches, opens a card and reveals typeset math`, async ({
    browser,
  }) => {
    const t = messages[lang].library;
    const context = await browser.newContext({ locale: browserLocale[lang] });
    const page = await context.newPage();

    await page.goto("/topics");
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    await page.getByRole("link", { name: new RegExp(topicTitle(lang)) }).click();
    await expect(page.getByRole("heading", { level: 1, name: topicTitle(lang) })).toBeVisible();

    await page.getByLabel(t.searchLabel).fill("sigma derivative");
    await page.getByRole("button", { name: t.searchButton }).click();
    await expect(page).toHaveURL(/q=sigma/);
    const results = page.locator('main a[href^="/cards/"]');
    await expect(results.first()).toBeVisible();
    await page.locator('a[href="/cards/sigmoid-derivative-derivation"]').click();

    await expect(page).toHaveURL(/\/cards\/sigmoid-derivative-derivation$/);
    await expect(page.getByTestId("card-back")).toHaveCount(0);
    await page.keyboard.press("Space");
    const answer = page.getByTestId("card-back");
    await expect(answer).toBeVisible();
    await expect(answer.locator(".katex").first()).toBeVisible();
    // No raw TeX delimiters reach the reader: only KaTeX's own annotation holds the source.
    const visibleText = await answer.evaluate((el) => {
      const clone = el.cloneNode(true) as HTMLElement;
      clone.querySelectorAll("annotation, .katex-mathml").forEach((n) => n.remove());
      return clone.textContent ?? "";
    });
    expect(visibleText).not.toContain("$");
    expect(visibleText).not.toContain("\\sigma");
    await expect(page.getByRole("heading", { name: t.sources })).toBeVisible();
    await context.close();
  });
}

test("search across all topics reports the count and an empty result in words", async ({ page }) => {
  const t = messages.en.library;
  await page.goto("/topics?q=softmax+temperature");
  await expect(page.locator('main a[href^="/cards/"]').first()).toBeVisible();
  await page.goto("/topics?q=zzzznotaword");
  const zeroResults = /=0 \{(.*?)\} one/.exec(t.results)?.[1] ?? "";
  await expect(page.getByText(format(zeroResults, { query: "zzzznotaword" }))).toBeVisible();
  await expect(page.locator('main a[href^="/cards/"]')).toHaveCount(0);
});

test("an mcq card checks the chosen options and explains the wrong ones", async ({ page }) => {
  await page.goto("/cards/sigmoid-drawbacks-mcq?lang=en");
  const options = page.getByRole("checkbox");
  await expect(options.first()).toBeVisible();
  await options.first().check();
  await page.getByRole("button", { name: messages.en.library.checkAnswer }).click();
  await expect(page.getByTestId("card-back")).toBeVisible();
  await expect(page.getByText(messages.en.library.optionCorrect).first()).toBeVisible();
});

test("a numeric card checks a typed answer within its tolerance", async ({ browser }) => {
  const context = await browser.newContext({ locale: browserLocale.ru });
  const page = await context.newPage();
  await page.goto("/cards/sigmoid-derivative-at-zero-numeric");
  await page.getByLabel(messages.ru.library.numericLabel).fill("0,25");
  await page.getByLabel(messages.ru.library.numericLabel).press("Enter");
  await expect(page.getByRole("status")).toContainText(messages.ru.library.numericCorrect.split(":")[0]!);
  await context.close();
});

test("an unknown card is a 404 page, not an error", async ({ page }) => {
  const response = await page.goto("/cards/no-such-card");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: messages.en.errors.notFoundTitle })).toBeVisible();
});
