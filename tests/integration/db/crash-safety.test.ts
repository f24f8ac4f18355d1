import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrate";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
});
afterAll(async () => t.close());

/** Runs the writer (one process: `node --import tsx`, so SIGKILL hits the writer itself) until it has reported `commits` commits, then kills it with SIGKILL mid-stream. */
async function killWriterAfter(url: string, commits: number): Promise<string[]> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/write-loop.ts", url], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const committed: string[] = [];
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  for await (const line of lines) {
    committed.push(line.trim());
    if (committed.length === commits) child.kill("SIGKILL");
  }
  await exited;
  return committed;
}

describe(`a ${testDbKind} server killed in the middle of writes`, () => {
  it("keeps every write that was committed, with no half-written rows", async () => {
    const committed = await killWriterAfter(t.url, 40);
    expect(committed.length).toBeGreaterThanOrEqual(40);

    const users = await t.db.user.findMany({
      where: { email: { endsWith: "@crash.test" } },
      include: { sessions: true, settings: true },
    });
    const stored = new Set(users.map((u) => u.id));
    expect(committed.filter((id) => !stored.has(id))).toEqual([]);
    // A transaction is all or nothing: no user without its settings and session.
    expect(users.filter((u) => u.sessions.length !== 1 || u.settings === null)).toEqual([]);

    if (testDbKind === "sqlite") {
      const rows = await t.db.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
      expect(rows[0]?.integrity_check).toBe("ok");
    }
  }, 60_000);

  it("migrates nothing twice when the server starts again", async () => {
    const report = await migrateDatabase(t.url);
    expect(report.applied).toEqual([]);
  });
});
