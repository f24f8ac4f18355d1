import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hit } from "@/lib/repo/rate-counter";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
});
afterAll(async () => t.close());

const HOUR = 60 * 60 * 1000;
const t0 = new Date("2026-06-01T10:00:00Z");

describe(`rate counter hits on ${testDbKind}`, () => {
  it("counts 50 parallel hits as 1..50, none lost or repeated", async () => {
    const counts = await Promise.all(Array.from({ length: 50 }, () => hit(t.db, "test:parallel", HOUR, t0)));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("starts a new window once the old one has passed, exactly once under parallel hits", async () => {
    await hit(t.db, "test:window", HOUR, t0);
    await hit(t.db, "test:window", HOUR, t0);
    const next = new Date(t0.getTime() + HOUR + 1);
    const counts = await Promise.all(Array.from({ length: 20 }, () => hit(t.db, "test:window", HOUR, next)));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("keeps counting inside the window", async () => {
    await hit(t.db, "test:inside", HOUR, t0);
    expect(await hit(t.db, "test:inside", HOUR, new Date(t0.getTime() + HOUR))).toBe(2);
  });
});
