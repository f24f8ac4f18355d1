import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_CONCURRENT_FITS } from "@/lib/limits";
import { acquireFitSlot } from "@/lib/optimizer/fit-slots";
import { fitStatus } from "@/lib/optimizer/fit-status";
import { runFit } from "@/lib/optimizer/run-fit";
import { startFit } from "@/lib/optimizer/start-fit";
import { giveHistory } from "../../fixtures/review-history";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";
import { createTestUser } from "../../fixtures/users";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
});
afterAll(async () => t.close());

describe(`a fit started while every worker slot is busy, on ${testDbKind}`, () => {
  it("stays queued (and alive) until a slot frees, then runs to done", async () => {
    const user = await createTestUser(t.db);
    await giveHistory(t.db, user.userId, { reviews: 450, seed: 7 });
    const held = await Promise.all(Array.from({ length: MAX_CONCURRENT_FITS }, () => acquireFitSlot()));
    const { job } = await startFit({ db: t.db, userId: user.userId, now: new Date() });
    const run = runFit({ db: t.db, userId: user.userId, jobId: job.id, heartbeatMs: 20 });

    await new Promise((r) => setTimeout(r, 200));
    const waiting = await fitStatus({ db: t.db, userId: user.userId, now: new Date() });
    expect(waiting.job?.status).toBe("queued");
    // The queued job's heartbeat moves, so no instance declares it interrupted.
    expect(waiting.job!.heartbeatAt.getTime()).toBeGreaterThan(job.heartbeatAt.getTime());

    for (const release of held) release();
    expect(await run).toBe("done");
    expect((await fitStatus({ db: t.db, userId: user.userId, now: new Date() })).job?.status).toBe("done");
  });
});
