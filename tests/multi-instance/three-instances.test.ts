/**
 * Three `npm start` at once against one empty PostgreSQL with one SESSION_SECRET, as
 * a rolling deploy or an autoscaler does: real processes (scripts/start.ts: migrate,
 * seed, then `next start` on the production build), driven over HTTP.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDeck } from "@/lib/content";
import { createDb } from "@/lib/db/client";
import { buildIsCurrent } from "../../scripts/build-if-needed";
import { freePort } from "../../scripts/test-support/postgres";
import { emptyDatabase, type EmptyDatabase } from "../fixtures/test-db";

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const deck = loadDeck("content").deck;
const SESSION_SECRET = "three-instances-secret-0123456789abcdef";
const STARTUP_MS = 240_000;

type Instance = { origin: string; output: () => string; stop: () => Promise<void> };

async function startInstance(databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradus-instance-"));
  // Own process group, so stopping it also stops the `next start` that start.ts spawns.
  const child: ChildProcess = spawn(process.execPath, [tsxCli, "scripts/start.ts"], {
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      SESSION_SECRET,
      HOST: "127.0.0.1",
      PORT: String(port),
    },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    origin: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.pid !== undefined) {
        process.kill(-child.pid, "SIGTERM");
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitUntilServing(instance: Instance): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (/start failed|prepare failed/.test(instance.output())) break;
    const ok = await fetch(`${instance.origin}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${instance.origin} did not serve /api/health; its output:\n${instance.output()}`);
}

/** Posts the sign-up form the way a browser without JavaScript does; returns the session cookie. */
async function signUp(origin: string, email: string, password: string): Promise<string> {
  const html = await (await fetch(`${origin}/signup`)).text();
  // The header's language switcher is a form too: take the one with the password field.
  const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)]
    .map((m) => m[1]!)
    .find((f) => f.includes('name="password"'));
  if (!form) throw new Error("the sign-up page has no form");
  const body = new FormData();
  for (const input of form.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
    const value = /\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? "";
    if (name) body.append(name.replace(/&quot;/g, '"'), value.replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
  }
  body.set("email", email);
  body.set("password", password);
  const res = await fetch(`${origin}/signup`, {
    method: "POST",
    body,
    headers: { Origin: origin },
    redirect: "manual",
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.includes("session="));
  if (!cookie) throw new Error(`sign-up set no session cookie (status ${res.status})`);
  return cookie;
}

type NextCardsBody = { cards: { id: string; version: number }[]; counts: Record<string, number> };

async function nextCards(origin: string, cookie: string): Promise<NextCardsBody> {
  const res = await fetch(`${origin}/api/review/next?count=1`, { headers: { cookie } });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as NextCardsBody;
}

async function post(origin: string, route: string, cookie: string, data?: unknown): Promise<Response> {
  return fetch(`${origin}${route}`, {
    method: "POST",
    headers: { cookie, Origin: origin, "Content-Type": "application/json" },
    body: data === undefined ? undefined : JSON.stringify(data),
  });
}

let database: EmptyDatabase;
let instances: Instance[] = [];
beforeAll(async () => {
  if (!buildIsCurrent()) {
    throw new Error("the production build is missing or stale: run `npx next build` first (npm test does)");
  }
  database = await emptyDatabase("postgresql");
  instances = await Promise.all([0, 1, 2].map(() => startInstance(database.url)));
  await Promise.all(instances.map(waitUntilServing));
}, STARTUP_MS + 30_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await database?.drop();
}, 60_000);

describe("three instances started at once on one empty PostgreSQL", () => {
  it("all serve", async () => {
    for (const instance of instances) {
      expect((await fetch(`${instance.origin}/api/health`)).status).toBe(200);
    }
  });

  // Regression: one instance died in the seeder with
  // "Unique constraint failed on the constraint: Topic_pkey".
  it("seed the deck once: one instance adds every card, the others find them unchanged", async () => {
    const added = instances
      .map((instance) => /seed: cards: (\d+) added/.exec(instance.output())?.[1])
      .map(Number)
      .sort((a, b) => b - a);
    expect(added).toEqual([deck.cards.length, 0, 0]);
    const db = createDb(database.url);
    try {
      expect(await db.card.count()).toBe(deck.cards.length);
      expect(await db.topic.count()).toBe(deck.topics.length);
    } finally {
      await db.$disconnect();
    }
  });

  it("accept a session made on one on the others: sign up on A, grade on B, undo on A, all agree", async () => {
    const [a, b, c] = instances.map((i) => i.origin) as [string, string, string];
    const cookie = await signUp(a, `multi-${randomUUID()}@example.com`, "correct horse battery");

    const before = await nextCards(b, cookie);
    const first = before.cards[0]!;
    const grade = await post(b, "/api/review/grade", cookie, {
      clientId: randomUUID(),
      cardId: first.id,
      rating: 3,
      version: first.version,
      durationMs: 1000,
    });
    expect(grade.status, await grade.clone().text()).toBe(201);

    // The graded card has left the new-card queue on every instance.
    for (const origin of [a, b, c]) {
      const after = await nextCards(origin, cookie);
      expect(after.cards[0]?.id).not.toBe(first.id);
    }

    const undo = await post(a, "/api/review/undo", cookie);
    expect(undo.status, await undo.clone().text()).toBe(200);

    // Undone on A: every instance shows the card first again, with the same counts as before.
    for (const origin of [a, b, c]) {
      const restored = await nextCards(origin, cookie);
      expect(restored.cards[0]?.id).toBe(first.id);
      expect(restored.counts).toEqual(before.counts);
    }
    // And nothing is left to undo anywhere.
    expect((await post(c, "/api/review/undo", cookie)).status).toBe(404);
  });
});
