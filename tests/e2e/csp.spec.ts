import { expect, test, type Page, type Response } from "@playwright/test";
import { mainNav, messages, signUp, uniqueEmail } from "./helpers";

/**
 * Every page under the Content-Security-Policy the proxy sends: no violation, the policy
 * carries a fresh nonce, every script in the HTML carries it, and what needs inline
 * styles (KaTeX, the stats charts) still renders.
 */

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
});

/** Console lines in which Chromium reports a blocked resource. */
function watchConsole(page: Page): string[] {
  const refused: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Refused to|Content Security Policy/i.test(text)) refused.push(text);
  });
  return refused;
}

async function expectCleanPage(page: Page, response: Response | null, refused: string[]) {
  expect(response, "navigation response").not.toBeNull();
  const policy = (await response!.headerValue("content-security-policy")) ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, `CSP of ${page.url()}: ${policy}`).toBeTruthy();
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).toContain("object-src 'none'");
  // Every <script> Next wrote into the HTML carries this response's nonce (theme included: it needs none).
  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, page.url()).toContain(`nonce="${nonce}"`);
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => window.__cspViolations), page.url()).toEqual([]);
  expect(refused, page.url()).toEqual([]);
}

async function visit(page: Page, path: string, refused: string[], status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await expectCleanPage(page, response, refused);
}

/** KaTeX draws with style attributes: they must apply (a blocked style attribute leaves element.style empty). */
async function expectKatexRendered(page: Page) {
  const math = page.locator(".katex").first();
  await expect(math).toBeVisible();
  const styled = await page
    .locator(".katex [style]")
    .evaluateAll((els) => els.filter((el) => (el as HTMLElement).style.length > 0).length);
  expect(styled).toBeGreaterThan(0);
}

test("signed out: landing, sign-in, sign-up, topics, a topic, a card with math and the 404 page run under the CSP", async ({
  page,
}) => {
  const refused = watchConsole(page);
  await visit(page, "/", refused);
  await visit(page, "/signin", refused);
  await visit(page, "/signup", refused);
  await visit(page, "/topics", refused);
  await visit(page, "/topics/activations", refused);
  await visit(page, "/cards/sigmoid-derivative-derivation?lang=en", refused);
  await page.keyboard.press("Space");
  await expect(page.getByTestId("card-back")).toBeVisible();
  await expectKatexRendered(page);
  await visit(page, "/no-such-page", refused, 404);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
});

test("signed in: home, topics, a card, review, custom study, stats and settings run under the CSP", async ({
  page,
}) => {
  const refused = watchConsole(page);
  await signUp(page, uniqueEmail("csp"), "en");
  await visit(page, "/home", refused);
  await visit(page, "/topics/activations", refused);
  await visit(page, "/cards/sigmoid-derivative-derivation?lang=en", refused);
  await page.keyboard.press("Space");
  await expectKatexRendered(page);

  await visit(page, "/review", refused);
  await expect(page.getByTestId("review-session")).toHaveAttribute("data-ready", "true");
  const counts = page.getByTestId("review-counts");
  const before = (await counts.textContent()) ?? "";
  await page.keyboard.press("Space");
  await expect(page.getByTestId("card-back")).toBeVisible();
  await page.keyboard.press("3");
  await expect(counts).not.toHaveText(before);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);

  await visit(page, "/review/custom", refused);
  await visit(page, "/settings", refused);

  await visit(page, "/stats", refused);
  // The charts are server-rendered SVG; plot.css (not an inline <style>) gives them their layout.
  const chart = page.getByTestId("stats-calendar").locator("svg.gradus-plot").first();
  await expect(chart).toBeAttached();
  expect(await chart.evaluate((svg) => getComputedStyle(svg).display)).toBe("block");
  expect(await page.locator("main style").count()).toBe(0);

  // A client-side navigation renders the charts from an RSC payload: still nothing blocked.
  await visit(page, "/home", refused);
  await mainNav(page, "en").getByRole("link", { name: messages.en.stats.nav }).click();
  await expect(page).toHaveURL(/\/stats$/);
  await expect(page.getByTestId("stats-calendar").locator("svg").first()).toBeAttached();
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(refused).toEqual([]);
});

test("every page response carries the other security headers; HSTS only when the proxy says HTTPS", async ({
  request,
}) => {
  const plain = await request.get("/");
  const headers = plain.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toBeUndefined();

  const viaTls = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(viaTls.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);

  // Two responses never share a nonce.
  const again = await request.get("/");
  expect(again.headers()["content-security-policy"]).not.toBe(headers["content-security-policy"]);
});
