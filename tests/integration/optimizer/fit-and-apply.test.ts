import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { applyFit } from "@/lib/optimizer/apply-fit";
import { fitStatus } from "@/lib/optimizer/fit-status";
import { STALE_AFTER_MS } from "@/lib/optimizer/policy";
import { rescheduleCards } from "@/lib/optimizer/reschedule-cards";
import { resetParameters } from "@/lib/optimizer/reset-parameters";
import { runFit } from "@/lib/optimizer/run-fit";
import { startFit } from "@/lib/optimizer/start-fit";
import { fitJobScope } from "@/lib/repo/fit-jobs";
import { studyScope } from "@/lib/repo/study";
import { gradeCard } from "@/lib/review/grade-card";
import { MIN_REVIEWS_TO_FIT, type ReviewEvent } from "@/lib/srs/fsrs-items";
import { createScheduler, defaultFsrsParams, ratings, type CardMemory } from "@/lib/srs/scheduler";
import { rejectionOf } from "../../fixtures/rejection";
import { giveHistory } from "../../fixtures/review-history";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";
import { createTestUser } from "../../fixtures/users";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
});
afterAll(async () => t.close());

const now = new Date("2026-03-01T12:00:00Z");

async function cardStates(userId: string) {
  const rows = await t.db.cardState.findMany({ where: { userId }, orderBy: { cardId: "asc" } });
  return new Map(rows.map((r) => [r.cardId, r]));
}

/**
 * What a card should look like under `params`: its reviews graded again one by one from a
 * new card (the grading path, not the reschedule API the code under test uses).
 */
function regrade(events: readonly ReviewEvent[], cardId: string, params: number[] | null, settings: object) {
  const scheduler = createScheduler({
    ...(settings as Parameters<typeof createScheduler>[0]),
    fsrsParams: params,
  });
  const reviews = events.filter((e) => e.cardId === cardId);
  let card: CardMemory = scheduler.newCard(reviews[0]!.reviewedAt);
  for (const r of reviews) card = scheduler.grade(card, r.rating, r.reviewedAt).card;
  return card;
}

describe(`fitting personal FSRS parameters on ${testDbKind}`, () => {
  let alice: { userId: string };
  let aliceEvents: ReviewEvent[];
  let bob: { userId: string };
  let bobEvents: ReviewEvent[];
  let jobId: string;

  beforeAll(async () => {
    alice = await createTestUser(t.db);
    bob = await createTestUser(t.db);
    // 1,000 reviews: enough for fitted parameters to beat the defaults on this learner.
    aliceEvents = await giveHistory(t.db, alice.userId, { reviews: 1000 });
    bobEvents = await giveHistory(t.db, bob.userId, { reviews: 450, seed: 99 });
  });

  it("runs a started job to done, with progress at 1 and before/after metrics", async () => {
    const { job, created } = await startFit({ db: t.db, userId: alice.userId, now });
    expect(created).toBe(true);
    expect(job).toMatchObject({ status: "queued", progress: 0, reviewCount: 1000 });
    jobId = job.id;

    // Asking again while it is queued returns the same job instead of starting a second one.
    const again = await startFit({ db: t.db, userId: alice.userId, now });
    expect(again).toMatchObject({ created: false, job: { id: jobId } });

    expect(await runFit({ db: t.db, userId: alice.userId, jobId })).toBe("done");
    const { job: done } = await fitStatus({ db: t.db, userId: alice.userId, now: new Date() });
    expect(done).toMatchObject({ id: jobId, status: "done", progress: 1, error: null });
    expect(done!.paramsBefore).toEqual([...defaultFsrsParams]);
    expect(done!.paramsAfter).toHaveLength(21);
    expect(done!.paramsAfter).not.toEqual(done!.paramsBefore);
    const { before, after } = done!.metrics!;
    for (const m of [before, after]) {
      expect(m.logLoss).toBeGreaterThan(0);
      expect(m.rmseBins).toBeGreaterThan(0);
    }
    // Fitted on this very history, the new parameters must predict it better.
    expect(after.logLoss).toBeLessThan(before.logLoss);
  });

  it("keeps another user's job out of reach: not listed, not applicable, nothing written", async () => {
    const bobBefore = await cardStates(bob.userId);
    expect((await fitStatus({ db: t.db, userId: bob.userId, now })).job).toBeNull();
    expect(await fitJobScope(t.db, bob.userId).job(jobId)).toBeNull();
    const error = await rejectionOf(applyFit({ db: t.db, userId: bob.userId, jobId, now }), AppError);
    expect(error.code).toBe("NOT_FOUND");
    expect(await studyScope(t.db, bob.userId).settings()).toMatchObject({ fsrsParams: null });
    expect(await cardStates(bob.userId)).toEqual(bobBefore);
    expect((await fitJobScope(t.db, alice.userId).job(jobId))?.status).toBe("done");
  });

  it("optimizer applied and rescheduled: parameters set, each card replayed with them, versions bumped", async () => {
    const beforeApply = await cardStates(alice.userId);
    const bobBefore = await cardStates(bob.userId);
    const fitted = (await fitJobScope(t.db, alice.userId).job(jobId))!.paramsAfter!;
    const settings = await studyScope(t.db, alice.userId).settings();

    const result = await applyFit({ db: t.db, userId: alice.userId, jobId, now });
    expect(result).toEqual({ rescheduled: beforeApply.size, params: fitted });
    expect((await studyScope(t.db, alice.userId).settings()).fsrsParams).toEqual(fitted);
    expect((await fitJobScope(t.db, alice.userId).job(jobId))?.status).toBe("applied");

    const afterApply = await cardStates(alice.userId);
    let moved = 0;
    for (const [cardId, old] of beforeApply) {
      const expected = regrade(aliceEvents, cardId, fitted, settings);
      const row = afterApply.get(cardId)!;
      expect(row.version).toBe(old.version + 1);
      expect(row.stability).toBeCloseTo(expected.stability, 6);
      expect(row.difficulty).toBeCloseTo(expected.difficulty, 6);
      expect(row.due.toISOString()).toBe(expected.due.toISOString());
      expect(row.state).toBe(expected.state);
      expect(row.lastReview?.toISOString()).toBe(old.lastReview?.toISOString());
      if (row.stability !== old.stability) moved++;
    }
    expect(moved).toBeGreaterThan(beforeApply.size / 2);
    expect(await cardStates(bob.userId)).toEqual(bobBefore);
  });

  it("gives a review tab opened before the reschedule a clean CONFLICT, not a lost update", async () => {
    const [cardId, state] = [...(await cardStates(alice.userId))][0]!;
    const stale = await rejectionOf(
      gradeCard({
        db: t.db,
        userId: alice.userId,
        cardId,
        rating: ratings.good,
        clientId: randomUUID(),
        expectedVersion: state.version - 1,
        durationMs: 1000,
        now,
      }),
      AppError,
    );
    expect(stale.code).toBe("CONFLICT");
  });

  it("refuses to apply a job twice, and writes nothing", async () => {
    const before = await cardStates(alice.userId);
    const error = await rejectionOf(applyFit({ db: t.db, userId: alice.userId, jobId, now }), AppError);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/applied/);
    expect(await cardStates(alice.userId)).toEqual(before);
  });

  it("goes back to the default parameters and reschedules with them", async () => {
    const before = await cardStates(alice.userId);
    const settings = await studyScope(t.db, alice.userId).settings();
    await resetParameters({ db: t.db, userId: alice.userId, now });
    expect((await studyScope(t.db, alice.userId).settings()).fsrsParams).toBeNull();
    const after = await cardStates(alice.userId);
    for (const [cardId, old] of before) {
      const expected = regrade(aliceEvents, cardId, null, settings);
      expect(after.get(cardId)!.version).toBe(old.version + 1);
      expect(after.get(cardId)!.stability).toBeCloseTo(expected.stability, 6);
      expect(after.get(cardId)!.due.toISOString()).toBe(expected.due.toISOString());
    }
  });

  it("keeps a grade that lands between two chunks of the reschedule, replaying that card with the new parameters", async () => {
    const params = defaultFsrsParams.map((w, i) => (i < 4 ? w * 1.5 : w));
    const settings = await studyScope(t.db, bob.userId).settings();
    const before = await cardStates(bob.userId);
    const [cardId] = [...before.keys()];
    let graded: { version: number } | null = null;
    const result = await rescheduleCards({
      db: t.db,
      userId: bob.userId,
      params,
      now,
      afterChunk: async () => {
        if (graded) return;
        // The user grades a card from a tab opened now, between two written chunks.
        const current = (await cardStates(bob.userId)).get(cardId!)!;
        const outcome = await gradeCard({
          db: t.db,
          userId: bob.userId,
          cardId: cardId!,
          rating: ratings.good,
          clientId: randomUUID(),
          expectedVersion: current.version,
          durationMs: 1000,
          now,
        });
        graded = { version: outcome.version };
      },
    });
    expect(graded).not.toBeNull();
    expect(result.rescheduled).toBe(before.size);
    expect((await studyScope(t.db, bob.userId).settings()).fsrsParams).toEqual(params);
    const events = [
      ...bobEvents,
      { cardId: cardId!, rating: ratings.good, state: 2 as const, reviewedAt: now },
    ];
    expect(await t.db.reviewLog.count({ where: { userId: bob.userId } })).toBe(bobEvents.length + 1);
    const after = await cardStates(bob.userId);
    // The grade is kept (its version is followed by exactly one replay) ...
    expect(after.get(cardId!)!.version).toBe(graded!.version + 1);
    // ... and the card is what its whole history, that grade included, gives under the new parameters.
    const expected = regrade(events, cardId!, params, settings);
    expect(after.get(cardId!)!.stability).toBeCloseTo(expected.stability, 6);
    expect(after.get(cardId!)!.due.toISOString()).toBe(expected.due.toISOString());
    for (const [other, old] of before) {
      if (other === cardId) continue;
      expect(after.get(other)!.stability).toBeCloseTo(
        regrade(bobEvents, other, params, settings).stability,
        6,
      );
      expect(after.get(other)!.version).toBe(old.version + 1);
    }
  });
});

describe(`fitting refusals and interrupted jobs on ${testDbKind}`, () => {
  it(`refuses to start below ${MIN_REVIEWS_TO_FIT} reviews, saying how many there are`, async () => {
    const user = await createTestUser(t.db);
    await giveHistory(t.db, user.userId, { reviews: 30, seed: 3 });
    const error = await rejectionOf(startFit({ db: t.db, userId: user.userId, now }), AppError);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(`fitting needs at least ${MIN_REVIEWS_TO_FIT} reviews; this account has 30`);
    expect(await fitJobScope(t.db, user.userId).latestJob()).toBeNull();
  });

  it("refuses to apply fitted parameters that predict the history no better, and writes nothing", async () => {
    const user = await createTestUser(t.db);
    await giveHistory(t.db, user.userId, { reviews: MIN_REVIEWS_TO_FIT, seed: 13 });
    const jobs = fitJobScope(t.db, user.userId);
    const job = (await jobs.createJob({ id: randomUUID(), reviewCount: MIN_REVIEWS_TO_FIT, now }))!;
    await jobs.finishJob(job.id, {
      paramsAfter: [...defaultFsrsParams].map((p) => p * 1.1),
      metrics: { before: { logLoss: 0.31, rmseBins: 0.05 }, after: { logLoss: 0.3125, rmseBins: 0.04 } },
      now,
    });
    const before = await cardStates(user.userId);
    const error = await rejectionOf(
      applyFit({ db: t.db, userId: user.userId, jobId: job.id, now }),
      AppError,
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/no better than those in use \(log loss 0\.3125 vs 0\.3100\)/);
    expect(await cardStates(user.userId)).toEqual(before);
    expect((await studyScope(t.db, user.userId).settings()).fsrsParams).toBeNull();
    expect((await jobs.job(job.id))?.status).toBe("done");
  });

  it("refuses to apply a job that has not finished", async () => {
    const user = await createTestUser(t.db);
    await giveHistory(t.db, user.userId, { reviews: MIN_REVIEWS_TO_FIT, seed: 5 });
    const { job } = await startFit({ db: t.db, userId: user.userId, now });
    const error = await rejectionOf(
      applyFit({ db: t.db, userId: user.userId, jobId: job.id, now }),
      AppError,
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/is queued/);
  });

  it("reports a job whose heartbeat stopped as interrupted, frees the slot, and the old runner stops", async () => {
    const user = await createTestUser(t.db);
    await giveHistory(t.db, user.userId, { reviews: MIN_REVIEWS_TO_FIT, seed: 11 });
    const started = new Date("2026-03-01T12:00:00Z");
    const { job } = await startFit({ db: t.db, userId: user.userId, now: started });

    const soon = new Date(started.getTime() + STALE_AFTER_MS - 1000);
    expect((await fitStatus({ db: t.db, userId: user.userId, now: soon })).job?.status).toBe("queued");

    const late = new Date(started.getTime() + STALE_AFTER_MS + 1000);
    const status = await fitStatus({ db: t.db, userId: user.userId, now: late });
    expect(status.job).toMatchObject({ id: job.id, status: "failed", error: "INTERRUPTED" });

    // The slot is free again, and the interrupted job's runner gives up without writing.
    const next = await startFit({ db: t.db, userId: user.userId, now: late });
    expect(next.created).toBe(true);
    expect(await runFit({ db: t.db, userId: user.userId, jobId: job.id })).toBe("gone");
    expect((await fitJobScope(t.db, user.userId).job(job.id))?.status).toBe("failed");
  });
});
