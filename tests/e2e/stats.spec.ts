import { expect, test, type Page } from "@playwright/test";
import { mainNav, messages, signUp, uniqueEmail } from "./helpers";

const t = messages.en.stats;

/** Shows and grades (Good) the first card on /review with the keyboard, waiting until it is recorded. */
async function reviewOneCard(page: Page) {
  await page.goto("/review");
  await expect(page.getByTestId("review-session")).toHaveAttribute("data-ready", "true");
  const counts = page.getByTestId("review-counts");
  const before = (await counts.textContent()) ?? "";
  await page.keyboard.press("Space");
  await expect(page.getByTestId("card-back")).toBeVisible();
  await page.keyboard.press("3");
  await expect(counts).not.toHaveText(before);
}

test("a new user's stats page shows the empty state, the deck's counts and no review charts", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("stats-empty"), "en");
  await mainNav(page, "en").getByRole("link", { name: t.nav }).click();
  await expect(page).toHaveURL(/\/stats$/);
  await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();

  const empty = page.getByTestId("stats-empty");
  await expect(empty).toContainText(t.empty.title);
  await expect(empty.getByRole("link", { name: t.empty.action })).toHaveAttribute("href", "/review");
  // Nothing studied yet: every card is new, and mastery names no weakest topic.
  await expect(page.getByTestId("stats-count-learning")).toHaveText("0");
  const total = await page.getByTestId("stats-count-new").textContent();
  expect(Number(total)).toBeGreaterThan(0);
  await expect(page.getByTestId("stats-weakest")).toHaveText(t.mastery.noneStarted);
  await expect(page.getByTestId("stats-calendar")).toHaveCount(0);
});

test("the stats page shows the review just done", async ({ page }) => {
  await signUp(page, uniqueEmail("stats"), "en");
  await reviewOneCard(page);

  await page.goto("/stats");
  await expect(page.getByTestId("stats-empty")).toHaveCount(0);
  // The heatmap: one review today, and its table lists exactly that day.
  await expect(page.getByTestId("stats-today")).toHaveAttribute("data-count", "1");
  await expect(page.getByTestId("stats-streak")).toHaveText("Streak: 1 day.");
  const calendarRows = page.getByTestId("stats-calendar-table").locator("tbody tr");
  await expect(calendarRows).toHaveCount(1);
  await expect(calendarRows.locator("td").nth(1)).toHaveText("1");
  // The graded new card is now in learning.
  await expect(page.getByTestId("stats-count-learning")).toHaveText("1");
  // Time was recorded for it.
  const time = page.getByTestId("stats-time-summary");
  await expect(time).toContainText("1 review");
  expect(Number(await time.getAttribute("data-total-ms"))).toBeGreaterThan(0);
  // The first topic in content order is now started, hence the weakest started one.
  await expect(page.getByTestId("stats-weakest")).toContainText("Neural networks");
  // A charting library drew the charts on the server.
  await expect(page.getByTestId("stats-calendar").locator("svg rect").first()).toBeAttached();
});

test("the retention view switches period and ignores a bad ?period=", async ({ page }) => {
  await signUp(page, uniqueEmail("stats-period"), "en");
  await reviewOneCard(page);

  const response = await page.goto("/stats?period=fortnight");
  expect(response?.status()).toBe(200);
  const periods = page.getByRole("navigation", { name: t.retention.groupBy });
  await expect(periods.getByRole("link", { name: t.retention.periods.week })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await periods.getByRole("link", { name: t.retention.periods.month }).click();
  await expect(page).toHaveURL(/period=month/);
  await expect(periods.getByRole("link", { name: t.retention.periods.month })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByTestId("stats-retention-table").locator("tbody tr")).toHaveCount(12);
});
