import { expect, test, type Page } from "@playwright/test";
import { messages, signUp, uniqueEmail } from "./helpers";

const t = messages.en;
const c = t.customStudy;

async function reviewReady(page: Page) {
  await expect(page.getByTestId("review-session")).toHaveAttribute("data-ready", "true");
}

/** Reveals the card on screen with the keyboard and grades it. */
async function gradeWithKeys(page: Page, key: "1" | "3") {
  await expect(page.getByTestId("card-front")).toBeVisible();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("card-back")).toBeVisible();
  // Every card cites where it comes from; the answer side shows it.
  await expect(page.getByTestId("card-sources")).toBeVisible();
  await page.keyboard.press(key);
}

test("cramming a topic as practice walks it weakest first and records nothing", async ({ page }) => {
  await signUp(page, uniqueEmail("cram"), "en");
  await page.goto("/topics/losses");
  await page.getByRole("link", { name: t.library.cram }).click();
  await expect(page).toHaveURL(/\/review\?mode=cram&topic=losses$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Practice: /);
  await reviewReady(page);
  await expect(page.getByTestId("practice-note")).toHaveText(t.review.practiceNote);

  const counts = page.getByTestId("review-counts");
  const remaining = async () =>
    (await counts.innerText()).match(/\d+/g)!.reduce((sum, n) => sum + Number(n), 0);
  const total = await remaining();
  expect(total).toBeGreaterThan(3);

  // Fail the first card: it leaves this pass and comes back after the others.
  const first = (await page.getByTestId("card-front").textContent()) ?? "";
  await gradeWithKeys(page, "1");
  await expect(page.getByTestId("card-front")).not.toHaveText(first);
  const second = (await page.getByTestId("card-front").textContent()) ?? "";
  await gradeWithKeys(page, "3");
  await expect.poll(remaining).toBe(total - 2);

  // Undo brings the last card back to the front.
  await expect(page.getByTestId("card-front")).not.toHaveText(second);
  await page.keyboard.press("z");
  await expect(page.getByText(t.review.undone)).toBeVisible();
  await expect(page.getByTestId("card-front")).toHaveText(second);
  await expect.poll(remaining).toBe(total - 1);

  // Nothing reached the schedule or the log.
  await page.goto("/home");
  await expect(page.getByTestId("count-reviewedToday")).toHaveText("0");
  const exported = await (await page.request.get("/api/export?format=json")).json();
  expect(exported.reviewLogs).toHaveLength(0);
});

test("custom study: cram a tag with rescheduling, then review what was forgotten", async ({ page }) => {
  await signUp(page, uniqueEmail("custom"), "en");
  await page.goto("/review/custom");
  await expect(page.getByRole("heading", { name: c.forgottenTitle })).toBeVisible();
  await expect(page.getByText("Nothing forgotten today.")).toBeVisible();

  const tagForm = page.locator("form", { has: page.getByRole("heading", { name: c.cramTagTitle }) });
  await tagForm.getByLabel(c.tag).selectOption("dying-relu");
  await tagForm.getByLabel(c.reschedule).check();
  await tagForm.getByRole("button", { name: c.start }).click();
  await expect(page).toHaveURL(/mode=cram&tag=dying-relu&reschedule=1/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cram: #dying-relu");
  await reviewReady(page);
  await expect(page.getByTestId("practice-note")).toHaveCount(0);
  await gradeWithKeys(page, "1");
  await gradeWithKeys(page, "3");
  await expect(page.getByTestId("review-session")).toHaveAttribute("data-saving", "false");

  await page.goto("/home");
  await expect(page.getByTestId("count-reviewedToday")).toHaveText("2");

  await page.goto("/review/custom");
  await expect(page.getByText("1 card graded Again today.")).toBeVisible();
  const forgotten = page.locator("form", { has: page.getByRole("heading", { name: c.forgottenTitle }) });
  await forgotten.getByRole("button", { name: c.start }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.titles.forgotten);
  await reviewReady(page);
  await gradeWithKeys(page, "3");
  await expect(page.getByTestId("review-summary")).toContainText("1 card reviewed");
});

test("pausing a tag takes its cards out of study; a bad session link explains itself", async ({ page }) => {
  await signUp(page, uniqueEmail("tags"), "en");
  await page.goto("/review/custom");
  const tags = page.locator("form", { has: page.getByRole("heading", { name: c.tagsTitle }) });
  await expect(tags).toContainText("All tags are in study.");
  await tags.getByRole("checkbox", { name: /^#computation \(/ }).uncheck();
  await tags.getByRole("button", { name: c.saveTags }).click();
  await expect(tags).toContainText("1 tag paused.");
  await expect(tags.getByRole("checkbox", { name: /^#computation \(/ })).not.toBeChecked();

  await page.goto("/review?mode=ahead&days=99");
  await expect(page.getByRole("heading", { name: c.invalidTitle })).toBeVisible();
  await page.goto("/review?mode=cram&topic=no-such-topic");
  await expect(page.getByRole("heading", { name: c.invalidTitle })).toBeVisible();
});
