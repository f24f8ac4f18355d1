import { expect, test, type APIResponse } from "@playwright/test";
import { newUser } from "./helpers";

type ErrorBody = { error: string; message: string };

/** A 4xx answer with a JSON body that explains itself. */
async function expectJsonError(response: APIResponse, status: number): Promise<ErrorBody> {
  expect(response.status(), await response.text()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = (await response.json()) as ErrorBody;
  expect(body.error).toEqual(expect.any(String));
  expect(body.message).toEqual(expect.any(String));
  expect(body.message.length).toBeGreaterThan(0);
  return body;
}

test("GET and PATCH /api/settings without a session are 401 JSON", async ({ request, baseURL }) => {
  expect((await expectJsonError(await request.get("/api/settings"), 401)).error).toBe("UNAUTHORIZED");
  const patch = await request.patch("/api/settings", {
    headers: { Origin: baseURL! },
    data: { theme: "dark" },
  });
  expect((await expectJsonError(patch, 401)).error).toBe("UNAUTHORIZED");
});

test("PATCH /api/settings refuses bad requests with a clear 4xx, never a 500", async ({
  browser,
  baseURL,
}) => {
  const { context } = await newUser(browser, "en");
  const api = context.request;
  const json = { Origin: baseURL!, "Content-Type": "application/json" };

  await test.step("foreign Origin → 403", async () => {
    const res = await api.patch("/api/settings", {
      headers: { ...json, Origin: "https://evil.example" },
      data: JSON.stringify({ theme: "dark" }),
    });
    expect((await expectJsonError(res, 403)).error).toBe("FORBIDDEN");
  });

  await test.step("no Origin at all → 403", async () => {
    const res = await api.patch("/api/settings", {
      headers: { "Content-Type": "application/json" },
      data: JSON.stringify({ theme: "dark" }),
    });
    await expectJsonError(res, 403);
  });

  await test.step("malformed JSON → 400", async () => {
    // A Buffer goes out byte for byte (a string that does not parse would be JSON-encoded by Playwright).
    const res = await api.patch("/api/settings", { headers: json, data: Buffer.from('{"theme": "dark"') });
    const body = await expectJsonError(res, 400);
    expect(body.message).toMatch(/json/i);
  });

  await test.step("a 100 kB body → 413", async () => {
    const res = await api.patch("/api/settings", {
      headers: json,
      data: JSON.stringify({ theme: "dark", padding: "x".repeat(100 * 1024) }),
    });
    expect((await expectJsonError(res, 413)).error).toBe("PAYLOAD_TOO_LARGE");
  });

  await test.step("a body that is not JSON → 415", async () => {
    const res = await api.patch("/api/settings", {
      headers: { Origin: baseURL!, "Content-Type": "text/plain" },
      data: JSON.stringify({ theme: "dark" }),
    });
    expect((await expectJsonError(res, 415)).error).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  await test.step("an unknown theme → 400 naming the allowed values", async () => {
    const res = await api.patch("/api/settings", {
      headers: json,
      data: JSON.stringify({ theme: "purple" }),
    });
    const body = await expectJsonError(res, 400);
    expect(body.error).toBe("INVALID_INPUT");
    for (const allowed of ["system", "light", "dark"]) expect(body.message).toContain(allowed);
  });

  await test.step("an unknown field → 400", async () => {
    const res = await api.patch("/api/settings", { headers: json, data: JSON.stringify({ isAdmin: true }) });
    await expectJsonError(res, 400);
  });

  await test.step("none of it changed anything", async () => {
    const res = await api.get("/api/settings");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ locale: "en", theme: "system" });
  });

  await test.step("a well-formed change still works", async () => {
    const res = await api.patch("/api/settings", { headers: json, data: JSON.stringify({ theme: "light" }) });
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ locale: "en", theme: "light" });
  });
  await context.close();
});

test("DELETE /api/sessions/<id> with an id that is not a UUID is 400, not 500", async ({
  browser,
  baseURL,
}) => {
  const { context } = await newUser(browser, "en");
  const res = await context.request.delete("/api/sessions/not-a-uuid", { headers: { Origin: baseURL! } });
  await expectJsonError(res, 400);
  await context.close();
});

test("forms and URLs refuse bad input with a 4xx, never a 500", async ({ request, baseURL }) => {
  const malformed = await request.get("/cards/%E0%A4%A");
  expect(malformed.status()).toBe(400);

  const crossOrigin = await request.post("/signin", {
    headers: {
      "Next-Action": "0123456789abcdef",
      Origin: "https://evil.example",
      "Content-Type": "text/plain",
    },
    data: "[]",
  });
  expect(crossOrigin.status()).toBe(403);
  expect((await crossOrigin.json()).message).toContain("evil.example");

  const oversized = await request.post("/signin", {
    headers: { "Next-Action": "0123456789abcdef", Origin: baseURL!, "Content-Type": "text/plain" },
    data: Buffer.alloc(100 * 1024, "a"),
  });
  expect(oversized.status()).toBe(413);
});

test("the deck downloads as an Anki text import in either language; a bad language is a 400", async ({
  request,
}) => {
  for (const lang of ["ru", "en"]) {
    const response = await request.get(`/api/deck/anki?lang=${lang}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toContain(`gradus-deck-${lang}.txt`);
    const lines = (await response.text()).trimEnd().split("\n");
    expect(lines.slice(0, 2)).toEqual(["#separator:tab", "#html:true"]);
    const notes = lines.filter((l) => !l.startsWith("#"));
    expect(notes.length).toBeGreaterThanOrEqual(200); // the whole deck (210 cards when written)
    expect(new Set(notes.map((l) => l.split("\t")[0])).size).toBe(notes.length); // one GUID per card
    expect(notes.some((l) => l.includes("katex-html"))).toBe(false);
    expect(notes.some((l) => l.includes("<math"))).toBe(true);
  }
  const bad = await request.get("/api/deck/anki?lang=de");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).message).toContain("lang");
});
