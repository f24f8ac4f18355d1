import { expect, test } from "@playwright/test";
import { messages, signUp, uniqueEmail } from "./helpers";

const t = messages.en;

test("a keyboard-only review session of ten mixed cards, with undo, ends on the summary", async ({
  page,
}) => {
  test.slow();
  await signUp(page, uniqueEmail("review"), "en");

  await page.goto("/settings");
  await page.getByLabel(t.study.newCardsPerDay).fill("10");
  await page.getByRole("button", { name: t.study.save }).click();
  await expect(page.getByText(t.study.saved)).toBeVisible();

  await page.goto("/review");
  await expect(page.getByTestId("review-session")).toHaveAttribute("data-ready", "true");
  const counts = page.getByTestId("review-counts");
  await expect(counts).toHaveText("New 10 · Learning 0 · Review 0");

  const seenTypes = new Set<string>();
  let graded = 0;
  let undone = false;
  while (graded < 10) {
    await expect(page.getByTestId("card-front")).toBeVisible();
    await expect(page.getByTestId("card-back")).toHaveCount(0);
    if (await page.getByRole("checkbox").count()) seenTypes.add("mcq");
    else if (await page.getByLabel(t.library.numericLabel).count()) seenTypes.add("numeric");
    else seenTypes.add("other");

    await page.keyboard.press("Space");
    await expect(page.getByTestId("card-back")).toBeVisible();
    await page.keyboard.press(graded % 3 === 0 ? "4" : "3");
    graded++;

    if (graded === 5 && !undone) {
      undone = true;
      await expect(counts).toHaveText("New 5 · Learning 0 · Review 0");
      await page.keyboard.press("z");
      await expect(page.getByText(t.review.undone)).toBeVisible();
      await expect(counts).toHaveText("New 6 · Learning 0 · Review 0");
      graded--;
    }
  }

  const summary = page.getByTestId("review-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText(t.review.doneTitle);
  await expect(summary).toContainText("10 cards reviewed");
  expect(seenTypes.size).toBeGreaterThanOrEqual(2);

  // The home page counts what was just done.
  await page.goto("/home");
  await expect(page.getByTestId("count-reviewedToday")).toHaveText("10");

  // The export holds exactly these ten reviews (the undone one is gone), as JSON and as CSV.
  const json = await (await page.request.get("/api/export?format=json")).json();
  expect(json.reviewLogs).toHaveLength(10);
  const csv = await (await page.request.get("/api/export?format=csv")).text();
  expect(csv.trim().split("\n")).toHaveLength(11);
  expect(csv.split("\n")[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
});

test("the grade API refuses bad input with a 4xx and writes nothing", async ({ page, baseURL }) => {
  await signUp(page, uniqueEmail("grade-api"), "en");
  const post = (data: unknown) =>
    page.request.post("/api/review/grade", {
      headers: { Origin: baseURL!, "Content-Type": "application/json" },
      data: data as object,
    });
  const valid = {
    clientId: crypto.randomUUID(),
    cardId: "no-such-card",
    rating: 3,
    version: 0,
    durationMs: 100,
  };
  expect((await post(valid)).status()).toBe(404);
  const badRating = await post({ ...valid, rating: 5 });
  expect(badRating.status()).toBe(400);
  expect((await badRating.json()).message).toContain("rating must be one of 1, 2, 3, 4");
  expect((await post({ ...valid, clientId: "x" })).status()).toBe(400);
  expect((await post({ ...valid, extra: 1 })).status()).toBe(400);
  const undo = await page.request.post("/api/review/undo", { headers: { Origin: baseURL! } });
  expect(undo.status()).toBe(404);
  const badImport = await page.request.post("/api/import", {
    headers: { Origin: baseURL!, "Content-Type": "application/json" },
    data: { format: "something-else" },
  });
  expect(badImport.status()).toBe(400);
  expect((await page.request.get("/api/export?format=xml")).status()).toBe(400);
});

test("a signed-in user sees their history on a card page and can suspend and flag the card", async ({
  page,
}) => {
  const h = t.cardHistory;
  await signUp(page, uniqueEmail("card-actions"), "en");
  await page.goto("/cards/relu-definition-derivative");
  await expect(page.getByRole("heading", { name: h.title })).toBeVisible();
  await expect(page.getByText(h.none)).toBeVisible();
  await page.getByRole("button", { name: h.actions.suspend }).click();
  await expect(page.getByTestId("card-status")).toContainText(h.suspended);
  await page.getByRole("button", { name: h.actions.flag }).click();
  await expect(page.getByTestId("card-status")).toContainText(h.flagged);
  await page.getByRole("button", { name: h.actions.unsuspend }).click();
  await expect(page.getByTestId("card-status")).not.toContainText(h.suspended);
});

test("pausing a topic keeps its cards out of review", async ({ page }) => {
  await signUp(page, uniqueEmail("pause"), "en");
  await page.goto("/review");
  await expect(page.getByTestId("review-session")).toHaveAttribute("data-ready", "true");
  // New cards come in topic order: the first topic's cards lead the queue.
  await expect(page.getByText(/^New · Neural networks$/)).toBeVisible();

  await page.goto("/topics/neural-networks");
  await page.getByRole("button", { name: t.library.pause }).click();
  await expect(page.getByTestId("topic-paused")).toHaveText(t.library.paused);

  await page.goto("/review");
  await expect(page.getByTestId("review-session")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("card-front")).toBeVisible();
  await expect(page.getByText(/^New · Neural networks$/)).toHaveCount(0);
  // The next topic in order (content/neuron/_topic.md) leads instead.
  await expect(page.getByText("New · The neuron and the layer")).toBeVisible();
});

test("regression (issue 11): a crafted import cannot write a card's text through undo", async ({
  page,
  baseURL,
}) => {
  await signUp(page, uniqueEmail("import-undo"), "en");
  const headers = { Origin: baseURL!, "Content-Type": "application/json" };
  for (const version of [0, 1]) {
    const graded = await page.request.post("/api/review/grade", {
      headers,
      data: {
        clientId: crypto.randomUUID(),
        cardId: "relu-definition-derivative",
        rating: 3,
        version,
        durationMs: 900,
      },
    });
    expect(graded.status()).toBe(201);
  }
  const exported = await (await page.request.get("/api/export")).json();
  const index = exported.reviewLogs.findIndex((l: { previous: string | null }) => l.previous !== null);
  const previous = JSON.parse(exported.reviewLogs[index].previous);
  exported.reviewLogs[index].previous = JSON.stringify({
    ...previous,
    card: { update: { frontEn: '<img src=x onerror="alert(1)">' } },
  });

  const imported = await page.request.post("/api/import", { headers, data: exported });
  expect(imported.status()).toBe(400);
  expect((await imported.json()).message).toContain(`reviewLogs[${index}].previous`);

  const undo = await page.request.post("/api/review/undo", { headers: { Origin: baseURL! } });
  expect(undo.status()).toBe(200);
  await page.goto("/cards/relu-definition-derivative");
  await expect(page.locator("img[src=x]")).toHaveCount(0);
});
