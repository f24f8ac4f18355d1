import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { apiRoutes, allowedMethods, type ApiRoute } from "../../lib/http/api-routes";
import { messages, signIn, signUp, uniqueEmail } from "./helpers";

/**
 * No 5xx anywhere: every route handler (lib/http/api-routes.ts, which a unit test keeps equal to
 * app/api) and every Server Action gets malformed input, and nothing answers with a 5xx.
 * A new route goes into lib/http/api-routes.ts; a new Server Action into `walkedActions` below
 * (tests/unit/http/api-routes.test.ts fails until it is).
 */

const EVIL = "https://evil.example";
const UNKNOWN_UUID = "7f1c8a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"] as const;

type Probe = { what: string; status: number };

/** The route's pattern with a value for each dynamic segment. */
function pathOf(route: ApiRoute, id: string): string {
  return route.pattern.replace(/\[[^\]]+\]/g, id);
}

/** Every number made huge and every string an unknown id, in a copy of the sample body. */
function corrupt(value: unknown, number: number, text: string): unknown {
  if (typeof value === "number") return number;
  if (typeof value === "string") return text;
  if (Array.isArray(value)) return value.map((v) => corrupt(v, number, text));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, corrupt(v, number, text)]));
  }
  return value;
}

async function walkRoute(api: APIRequestContext, baseURL: string, route: ApiRoute): Promise<Probe[]> {
  const probes: Probe[] = [];
  const send = async (
    what: string,
    method: string,
    path: string,
    options: { headers?: Record<string, string>; data?: string | Buffer } = {},
  ) => {
    const response = await api.fetch(path, {
      method,
      headers: { origin: baseURL, ...options.headers },
      ...(options.data !== undefined ? { data: options.data } : {}),
      maxRedirects: 0,
    });
    probes.push({ what: `${method} ${path} ${what}`, status: response.status() });
    return response;
  };
  const ids = ["no-such-id", UNKNOWN_UUID, "%E0%A4%A", "x".repeat(2000), "1e309"];

  for (const id of route.pattern.includes("[") ? ids : ["-"]) {
    const path = pathOf(route, id);
    const allowed = allowedMethods(route);
    for (const method of METHODS) {
      const response = await send("(method walk)", method, path);
      if (id === "%E0%A4%A") {
        expect(response.status(), `${method} ${path}`).toBe(400);
      } else if (!allowed.includes(method)) {
        expect(response.status(), `${method} ${path}`).toBe(405);
        expect(response.headers()["allow"]).toBe(allowed.join(", "));
      }
    }
    await send(
      "with junk query",
      "GET",
      `${path}?count=1e400&lang=xx&format=zzz&exclude=${"a,".repeat(500)}&mode=%FF`,
    );
  }

  const path = pathOf(route, "no-such-id");
  for (const method of route.methods.filter((m) => m !== "GET")) {
    const json = { "content-type": "application/json" };
    await send("without Origin", method, path, { headers: { origin: "" } });
    await send("cross-origin", method, path, { headers: { origin: EVIL, ...json }, data: "{}" });
    await send("Origin not a URL", method, path, { headers: { origin: "not a url", ...json }, data: "{}" });
    await send("text/plain", method, path, { headers: { "content-type": "text/plain" }, data: "{}" });
    await send("no content-type", method, path, { data: "{}" });
    await send("invalid JSON", method, path, { headers: json, data: '{"a": ' });
    await send("empty body", method, path, { headers: json, data: "" });
    for (const body of ["[]", "null", '"x"', "1e400", "{}", '{"__proto__": {"x": 1}}']) {
      await send(`body ${body}`, method, path, { headers: json, data: body });
    }
    if (route.sampleBody !== undefined) {
      await send("sample body", method, path, { headers: json, data: JSON.stringify(route.sampleBody) });
      for (const [number, text] of [
        [1e308, UNKNOWN_UUID],
        [-1, "no-such-id"],
        [2 ** 63, "x".repeat(5000)],
        [0.5, ""],
      ] as const) {
        const data = JSON.stringify(corrupt(route.sampleBody, number, text));
        await send(`shape-alike ${data.slice(0, 60)}`, method, path, { headers: json, data });
      }
      const nested = JSON.stringify({ ...(route.sampleBody as object), extra: { deep: [[[[1]]]] } });
      await send("unknown key", method, path, { headers: json, data: nested });
    }
    // Past the route's limit (16 KB for JSON routes); the import's 50 MB limit is past the framework's 10 MB.
    const size = route.pattern === "/api/import" ? 11 * 1024 * 1024 : 65 * 1024;
    await send("oversized body", method, path, {
      headers: json,
      data: Buffer.from(JSON.stringify({ pad: "x".repeat(size) })),
    });
  }
  return probes;
}

function serverErrors(probes: Probe[]): string[] {
  return probes.filter((p) => p.status >= 500).map((p) => `${p.status} ${p.what}`);
}

test.describe.configure({ timeout: 180_000 });

test("every route handler answers malformed requests without a 5xx, signed out", async ({
  request,
  baseURL,
}) => {
  const probes: Probe[] = [];
  for (const route of apiRoutes) probes.push(...(await walkRoute(request, baseURL!, route)));
  expect(probes.length).toBeGreaterThan(apiRoutes.length * 8);
  expect(serverErrors(probes)).toEqual([]);
});

test("every route handler answers malformed requests without a 5xx, signed in", async ({ page, baseURL }) => {
  await signUp(page, uniqueEmail("no500-api"), "en");
  const probes: Probe[] = [];
  for (const route of apiRoutes) probes.push(...(await walkRoute(page.request, baseURL!, route)));
  expect(serverErrors(probes)).toEqual([]);
  // Still signed in and working afterwards.
  expect((await page.request.get("/api/settings")).status()).toBe(200);
});

test("pages: TRACE and other methods get 405 with Allow, a bad percent-encoding 400", async ({ request }) => {
  for (const path of ["/", "/topics", "/cards/sigmoid-derivative-derivation", "/no-such-page"]) {
    for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND"]) {
      const response = await request.fetch(path, { method });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers()["allow"]).toBe("GET, HEAD, POST");
    }
  }
  expect((await request.get("/cards/%E0%A4%A")).status()).toBe(400);
  expect((await request.get("/topics/%")).status()).toBe(400);
});

/** The `$ACTION_ID_…` field name of a no-JS form on `path` (Next renders one per server-component form). */
async function actionField(page: Page, path: string): Promise<string> {
  const html = await (await page.request.get(path)).text();
  const name = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(html)?.[1];
  expect(name, `an action form on ${path}`).toBeTruthy();
  return name!;
}

test("a cross-origin no-JS form post to a Server Action is refused with 403, whatever its headers", async ({
  page,
  baseURL,
}) => {
  await signUp(page, uniqueEmail("no500-csrf"), "en");
  const field = await actionField(page, "/topics/activations");
  const form = { [field]: "", topicId: "activations", paused: "true" };
  const attempts: Record<string, string>[] = [
    { origin: EVIL },
    { origin: "null" },
    { origin: "not a url" },
    { origin: EVIL, "next-action": field.slice("$ACTION_ID_".length) },
    { "sec-fetch-site": "cross-site" },
  ];
  for (const headers of attempts) {
    const response = await page.request.post("/topics/activations", {
      headers,
      multipart: form,
      maxRedirects: 0,
    });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
  }
  // The same post from our own origin is fine, and one without any Origin is not a 5xx.
  const own = await page.request.post("/topics/activations", {
    headers: { origin: baseURL! },
    multipart: form,
    maxRedirects: 0,
  });
  expect(own.status()).toBeLessThan(400);
  const bogus = await page.request.post("/topics/activations", {
    headers: { "next-action": "0".repeat(42) },
    multipart: { $ACTION_ID_00: "" },
    maxRedirects: 0,
  });
  expect(bogus.status()).toBeLessThan(500);
  const urlencoded = await page.request.post("/settings", { form: { a: "b" }, maxRedirects: 0 });
  expect(urlencoded.status()).toBeLessThan(500);
});

/**
 * Every Server Action, driven through its real form with tampered fields. Names listed here are
 * checked against the "use server" files by tests/unit/http/api-routes.test.ts.
 */
export const walkedActions = [
  "setTopicPausedAction",
  "setStudyTagsAction",
  "savePreferencesAction",
  "revokeSessionAction",
  "saveStudySettingsAction",
  "switchLanguageAction",
  "signInAction",
  "signUpAction",
  "signOutAction",
  "changePasswordAction",
  "deleteAccountAction",
] as const;

/** Adds or overwrites a form field before submit, as a tampering client would. */
async function setField(page: Page, formSelector: string, name: string, value: string) {
  await page
    .locator(formSelector)
    .first()
    .evaluate(
      (form, [n, v]) => {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = n!;
        input.value = v!;
        form.querySelectorAll(`[name="${n}"]`).forEach((el) => el.removeAttribute("name"));
        form.append(input);
      },
      [name, value],
    );
}

test("every Server Action answers tampered input without a 5xx", async ({ page, browser }) => {
  const failures: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500)
      failures.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  const t = messages.en;
  const email = uniqueEmail("no500-actions");
  await signUp(page, email, "en");
  // A second session, so the settings page lists one to revoke.
  const other = await browser.newContext({ locale: "en-US" });
  await signIn(await other.newPage(), email, "en");
  await other.close();

  // setTopicPausedAction — regression: an unknown topic escaped as an uncaught AppError (500).
  await page.goto("/topics/activations");
  await setField(page, 'form:has(input[name="paused"])', "topicId", "no-such-topic");
  await page.getByRole("button", { name: t.library.pause }).click();
  await expect(page).toHaveURL(/\/topics\?actionError=NOT_FOUND$/);
  await expect(page.getByTestId("action-error")).toHaveText(t.actionErrors.NOT_FOUND);

  // setStudyTagsAction — regression: an unknown tag escaped the same way.
  await page.goto("/review/custom");
  await setField(page, 'form:has(input[name="inStudy"])', "tag", "no-such-tag");
  await page.getByRole("button", { name: t.customStudy.saveTags }).click();
  await expect(page).toHaveURL(/\/review\/custom\?actionError=NOT_FOUND$/);
  await expect(page.getByTestId("action-error")).toHaveText(t.actionErrors.NOT_FOUND);
  await page.goto("/review/custom");
  await setField(page, 'form:has(input[name="inStudy"])', "tag", "x".repeat(500));
  await page.getByRole("button", { name: t.customStudy.saveTags }).click();
  await expect(page.getByTestId("action-error")).toHaveText(t.actionErrors.INVALID_INPUT);

  // savePreferencesAction, saveStudySettingsAction, revokeSessionAction on the settings page.
  await page.goto("/settings");
  await setField(page, 'form:has(input[name="theme"])', "theme", "neon");
  await page.getByRole("button", { name: t.settings.save, exact: true }).click();
  await expect(page.getByText(t.settings.errors.invalid)).toBeVisible();
  await page.goto("/settings");
  const studyForm = 'form:has(input[name="fuzz"])';
  await setField(page, studyForm, "newCardsPerDay", "1e400");
  await setField(page, studyForm, "timeZone", "Mars/Olympus_Mons");
  await page.locator(`${studyForm} button[type="submit"]`).click();
  await expect(page.locator(`${studyForm} [role="status"]`)).not.toBeEmpty();
  await page.goto("/settings");
  for (const id of ["not-a-uuid", UNKNOWN_UUID]) {
    const sessionForm = 'form:has(input[name="sessionId"])';
    await expect(page.locator(sessionForm).first()).toBeAttached();
    await setField(page, sessionForm, "sessionId", id);
    await page.locator(`${sessionForm} button[type="submit"]`).first().click();
    await page.waitForLoadState("networkidle");
  }

  // changePasswordAction and deleteAccountAction with oversized and missing fields: inline errors.
  for (const [button, fields] of [
    [t.account.changePassword, { currentPassword: "c".repeat(5000), newPassword: "n".repeat(5000) }],
    [t.account.deleteAccount, { currentPassword: "" }],
  ] as const) {
    await page.goto("/settings");
    const form = `form:has(button:text-is("${button}"))`;
    for (const [name, value] of Object.entries(fields)) await setField(page, form, name, value);
    await page.locator(`${form} button[type="submit"]`).click();
    await page.waitForLoadState("networkidle");
    await expect(page).toHaveURL(/\/settings$/);
  }

  // switchLanguageAction with a locale that does not exist.
  await page.goto("/home");
  await setField(page, 'form:has(input[name="locale"])', "locale", "xx");
  await page.locator('form:has(input[name="locale"]) button').first().click();
  await page.waitForLoadState("networkidle");

  // signOutAction, then signInAction / signUpAction with oversized and malformed fields.
  await page.goto("/home");
  await page.getByRole("button", { name: t.nav.signOut }).first().click();
  await expect(page).toHaveURL(/\/$/);
  for (const path of ["/signin", "/signup"]) {
    await page.goto(path);
    const authForm = 'form:has(input[name="password"])';
    await setField(page, authForm, "email", `${"a".repeat(5000)}@example.com`);
    await setField(page, authForm, "password", "p".repeat(5000));
    await page.locator(`${authForm} button[type="submit"]`).click();
    // A field error (email too long / password too long) is shown instead of a 500 page.
    await expect(page.locator('[id$="-error"], [role="alert"]').first()).toBeVisible();
  }

  expect(failures).toEqual([]);
});
