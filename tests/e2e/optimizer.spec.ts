import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createScheduler, type CardMemory } from "../../lib/srs/scheduler";
import { simulateReviews } from "../../lib/srs/simulate-reviews";
import { defaultStudySettings } from "../../lib/srs/study-settings";
import { format, messages, signUp, uniqueEmail } from "./helpers";

const t = messages.en.optimizer;

/** Card ids of the deck the e2e server seeds (content/<topic>/<card>.md, `id:` in the front matter). */
function deckCardIds(): string[] {
  const ids: string[] = [];
  for (const topic of fs.readdirSync("content", { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const file of fs.readdirSync(path.join("content", topic.name))) {
      if (file === "_topic.md" || !file.endsWith(".md")) continue;
      const id = /^id: (.+)$/m.exec(fs.readFileSync(path.join("content", topic.name, file), "utf8"))?.[1];
      if (id) ids.push(id.trim());
    }
  }
  return ids.sort();
}

/** An account export holding a simulated learner's history, as the app would have recorded it. */
function exportWithHistory(reviews: number) {
  const ids = deckCardIds();
  const events = simulateReviews({
    seed: 3,
    trueParams: [
      0.6, 2.0, 4.5, 14.0, 6.0, 0.6, 2.2, 0.02, 1.6, 0.2, 1.0, 1.8, 0.08, 0.35, 1.9, 0.4, 2.3, 0.6, 0.1, 0.06,
      0.25,
    ],
    reviews,
    newCardsPerDay: 3,
    start: new Date("2026-01-01T00:00:00Z"),
    cardId: (i) => ids[i] ?? `missing-${i}`,
  });
  const scheduler = createScheduler(defaultStudySettings);
  const cards = new Map<string, { memory: CardMemory; version: number }>();
  const reviewLogs = events.map((e, i) => {
    const before = cards.get(e.cardId);
    const { card, log } = scheduler.grade(
      before?.memory ?? scheduler.newCard(e.reviewedAt),
      e.rating,
      e.reviewedAt,
    );
    cards.set(e.cardId, { memory: card, version: (before?.version ?? 0) + 1 });
    return {
      ...log,
      clientId: `sim-${i}`,
      cardId: e.cardId,
      durationMs: 5000,
      previous: before ? JSON.stringify(before.memory) : null,
    };
  });
  return {
    format: "gradus-account",
    version: 1,
    exportedAt: new Date().toISOString(),
    preferences: { locale: "en", theme: "system" },
    study: defaultStudySettings,
    topics: [],
    cardStates: [...cards].map(([cardId, { memory, version }]) => ({
      cardId,
      ...memory,
      suspended: false,
      buriedUntil: null,
      flagged: false,
      version,
    })),
    reviewLogs,
  };
}

test("a new user sees the personal parameters section and that there are too few reviews", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("optimizer"), "en");
  await page.goto("/settings");
  const section = page.getByRole("region", { name: t.title });
  await expect(section).toBeVisible();
  await expect(section.getByText("You have 0 reviews.")).toBeVisible();
  await expect(section.getByText(format(t.tooFew, { min: 400 }))).toBeVisible();
  await expect(section.getByRole("button", { name: t.optimize })).toBeDisabled();
});

test("a user with a long history fits parameters, watches the progress, and applies them", async ({
  page,
  baseURL,
}) => {
  test.slow();
  await signUp(page, uniqueEmail("optimizer"), "en");
  const imported = await page.request.post("/api/import", {
    data: exportWithHistory(1000),
    headers: { Origin: baseURL! },
  });
  expect(imported.status(), await imported.text()).toBe(200);

  await page.goto("/settings");
  const section = page.getByRole("region", { name: t.title });
  await expect(section.getByText("You have 1,000 reviews.")).toBeVisible();
  // The first status poll after starting is shown as running at 42 %, so the progress bar
  // is checked deterministically (a real fit of 1,000 reviews may finish within a second).
  let faked = false;
  await page.route("**/api/optimizer", async (route) => {
    if (route.request().method() !== "GET" || faked) return route.fallback();
    faked = true;
    const response = await route.fetch();
    const body = (await response.json()) as { job: object };
    await route.fulfill({
      response,
      json: { ...body, job: { ...body.job, status: "running", progress: 0.42 } },
    });
  });
  await section.getByRole("button", { name: t.optimize }).click();
  await expect(section.getByRole("progressbar", { name: t.progressLabel })).toHaveAttribute(
    "aria-valuenow",
    "42",
  );
  await expect(section.getByText(format(t.running, { percent: 42 }))).toBeVisible();

  // The job runs in the background on a worker thread; the page polls until it is done.
  const result = section.getByRole("region", { name: t.resultTitle });
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result.getByRole("rowheader", { name: t.logLoss })).toBeVisible();
  await expect(result.getByText(t.improved)).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await result.getByRole("button", { name: t.apply }).click();
  await expect(section.getByRole("status")).toContainText(/Applied: \d+ cards rescheduled/);
  await expect(section.getByText(t.inUseCustom, { exact: false })).toBeVisible();
  await expect(section.getByRole("button", { name: t.useDefaults })).toBeVisible();
});
