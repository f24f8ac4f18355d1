import { describe, expect, it } from "vitest";
import {
  AGAIN,
  MAX_GRADE_DURATION_MS,
  PREFETCH_COUNT,
  RETRY_DELAY_MS,
  RETRY_LIMIT,
  SUGGESTED_RATING,
  isBusy,
  reduce,
  sessionProgress,
  sessionSummary,
  type SessionEffect,
  type SessionEvent,
} from "@/lib/review/session";
import { T0, graded, nextCards, reveal, reviewCard, run, session } from "./session-builders";

const a = reviewCard("a");
const b = reviewCard("b");
const c = reviewCard("c");
const d = reviewCard("d");
const SECOND = 1_000;

const fetchNext = (overrides: Partial<Extract<SessionEffect, { type: "fetchNext" }>> = {}) => ({
  type: "fetchNext" as const,
  count: PREFETCH_COUNT,
  exclude: [],
  first: null,
  delayMs: 0,
  ...overrides,
});
const ids = (state: { queue: readonly { id: string }[] }) => state.queue.map((card) => card.id);

describe("a card on screen with its answer hidden", () => {
  it("ignores a grade until the answer is revealed", () => {
    const start = session([a, b]);
    const step = reduce(start, graded(3, T0 + SECOND));
    expect(step.state).toBe(start);
    expect(step.effects).toEqual([]);
  });

  it.each([
    ["correct", SUGGESTED_RATING.correct],
    ["wrong", SUGGESTED_RATING.wrong],
    [null, null],
  ] as const)("reveals with the check's verdict %s suggesting %s", (verdict, suggested) => {
    const { state, effects } = run(session([a]), { type: "revealed", verdict });
    expect(state.revealed).toBe(true);
    expect(state.suggested).toBe(suggested);
    expect(effects).toEqual([]);
  });

  it("keeps the first verdict when reveal comes twice", () => {
    const { state } = run(
      session([a]),
      { type: "revealed", verdict: "wrong" },
      { type: "revealed", verdict: "correct" },
    );
    expect(state.suggested).toBe(SUGGESTED_RATING.wrong);
  });

  it("opens, toggles and closes the keyboard help", () => {
    const start = session([a]);
    expect(run(start, { type: "helpOpened" }).state.help).toBe(true);
    expect(run(start, { type: "helpToggled" }).state.help).toBe(true);
    expect(run(start, { type: "helpToggled" }, { type: "helpToggled" }).state.help).toBe(false);
    expect(run(start, { type: "helpOpened" }, { type: "helpClosed" }).state.help).toBe(false);
  });
});

describe("revealing a card and grading it", () => {
  it("sends exactly one grade, with the card's version, the event's client id and the time shown", () => {
    const versioned = reviewCard("v", { version: 7 });
    const grade = graded(2, T0 + 12 * SECOND);
    const { effects } = run(session([versioned, b]), reveal, grade);
    expect(effects).toEqual([
      {
        type: "submitGrade",
        grade: { clientId: grade.clientId, cardId: "v", rating: 2, version: 7, durationMs: 12 * SECOND },
        delayMs: 0,
      },
    ]);
  });

  it("shows the prefetched card at once, answer hidden, and counts the grade", () => {
    const { state } = run(session([a, b]), { type: "revealed", verdict: "correct" }, graded(3, T0 + SECOND));
    expect(ids(state)).toEqual(["b"]);
    expect(state.revealed).toBe(false);
    expect(state.suggested).toBeNull();
    expect(state.shownAt).toBe(T0 + SECOND);
    expect(state.stats).toEqual({ cards: 1, again: 0, ms: SECOND });
    expect(isBusy(state)).toBe(true);
  });

  it("ignores a second grade while the first is in flight (a double press)", () => {
    const first = run(session([a, b]), reveal, graded(3, T0 + SECOND));
    const again = reduce(first.state, graded(3, T0 + SECOND + 5));
    expect(again.effects).toEqual([]);
    expect(again.state).toBe(first.state);
  });

  it("caps the answer time at the API's limit and never sends a negative one", () => {
    const long = run(session([a]), reveal, graded(3, T0 + 2 * MAX_GRADE_DURATION_MS));
    expect(long.effects[0]).toMatchObject({ grade: { durationMs: MAX_GRADE_DURATION_MS } });
    const skewed = run(session([a]), reveal, graded(3, T0 - SECOND));
    expect(skewed.effects[0]).toMatchObject({ grade: { durationMs: 0 } });
  });

  it("saves the next card's grade only after the first grade and its refill are done, in order", () => {
    const first = graded(3, T0 + SECOND);
    const second = graded(4, T0 + 2 * SECOND);
    const graded2 = run(session([a, b, c]), reveal, first, reveal, second);
    expect(graded2.effects.map((e) => e.type)).toEqual(["submitGrade"]);
    const saved = run(graded2.state, { type: "gradeSaved" });
    expect(saved.effects).toEqual([fetchNext()]);
    const refilled = run(saved.state, { type: "nextLoaded", next: nextCards([c, d]), at: T0 + 3 * SECOND });
    expect(refilled.effects).toEqual([
      expect.objectContaining({
        type: "submitGrade",
        grade: expect.objectContaining({ clientId: second.clientId }),
      }),
    ]);
  });
});

describe("saving a grade", () => {
  const graded1 = () => run(session([a, b]), reveal, graded(3, T0 + SECOND));

  it("refills the queue once the grade is saved", () => {
    const { state, effects } = run(graded1().state, { type: "gradeSaved" });
    expect(effects).toEqual([fetchNext()]);
    expect(state.tasks.map((t) => t.type)).toEqual(["refill"]);
  });

  it("on a conflict (409) says the card was graded elsewhere and reloads the queue", () => {
    const { state, effects } = run(graded1().state, { type: "gradeConflict" });
    expect(state.notice).toBe("conflict");
    expect(effects).toEqual([fetchNext()]);
    // The reload shows the card again at the version the other tab left it at.
    const reloaded = run(state, {
      type: "nextLoaded",
      next: nextCards([reviewCard("a", { version: 1 }), b]),
      at: T0 + 2 * SECOND,
    });
    expect(ids(reloaded.state)).toEqual(["b", "a"]);
    expect(isBusy(reloaded.state)).toBe(false);
  });

  it("keeps a grade that met a network error retryable: the same body again, after growing delays", () => {
    const { state, effects } = graded1();
    const request = effects[0];
    let current = state;
    for (let attempt = 1; attempt <= RETRY_LIMIT; attempt++) {
      const step = reduce(current, { type: "gradeFailed" });
      expect(step.state.notice).toBe("error");
      expect(step.effects).toEqual([{ ...request, delayMs: attempt * RETRY_DELAY_MS }]);
      current = step.state;
    }
    // A retry that gets through ends the story like a first try.
    expect(run(current, { type: "gradeSaved" }).effects).toEqual([fetchNext()]);
  });

  it("gives up on a grade after the last retry, keeps the error notice and goes on", () => {
    const failures = Array.from({ length: RETRY_LIMIT + 1 }, (): SessionEvent => ({ type: "gradeFailed" }));
    const { state, effects } = run(graded1().state, ...failures);
    expect(effects.filter((e) => e.type === "submitGrade")).toHaveLength(RETRY_LIMIT);
    expect(effects.at(-1)).toEqual(fetchNext());
    expect(state.notice).toBe("error");
  });

  it("goes on quietly when the server refuses the grade for another reason", () => {
    const { state, effects } = run(graded1().state, { type: "gradeRejected", status: 404 });
    expect(effects).toEqual([fetchNext()]);
    expect(state.notice).toBeNull();
  });

  it("ignores an outcome that answers nothing in flight", () => {
    const idle = session([a]);
    for (const event of [
      { type: "gradeSaved" },
      { type: "gradeFailed" },
      { type: "nextLoaded", next: nextCards([]), at: T0 },
      { type: "undoDone", cardId: "a" },
    ] satisfies SessionEvent[]) {
      expect(reduce(idle, event)).toEqual({ state: idle, effects: [] });
    }
  });
});

describe("refilling the queue", () => {
  const savedAfterGradingA = () =>
    run(session([a, b]), reveal, graded(3, T0 + SECOND), { type: "gradeSaved" }).state;

  it("keeps the card on screen and replaces what comes after it, with the server's counts", () => {
    const { state } = run(savedAfterGradingA(), {
      type: "nextLoaded",
      next: nextCards([c, b, d], { counts: { new: 3, learning: 1, review: 2 }, nextDue: null }),
      at: T0 + 2 * SECOND,
    });
    expect(ids(state)).toEqual(["b", "c", "d"]);
    expect(state.counts).toEqual({ new: 3, learning: 1, review: 2 });
    // The card on screen did not change, so its answer time runs on.
    expect(state.shownAt).toBe(T0 + SECOND);
  });

  it("skips a card the server still shows at the version graded here (its grade is in flight)", () => {
    const { state } = run(savedAfterGradingA(), {
      type: "nextLoaded",
      next: nextCards([a, b, c]),
      at: T0 + 2 * SECOND,
    });
    expect(ids(state)).toEqual(["b", "c"]);
  });

  it("shows loading while the queue is empty and cards are coming, then the new card from when it arrived", () => {
    const emptied = run(session([a]), reveal, graded(3, T0 + SECOND), { type: "gradeSaved" }).state;
    expect(emptied.queue).toEqual([]);
    expect(isBusy(emptied)).toBe(true);
    const { state } = run(emptied, { type: "nextLoaded", next: nextCards([b]), at: T0 + 5 * SECOND });
    expect(ids(state)).toEqual(["b"]);
    expect(state.shownAt).toBe(T0 + 5 * SECOND);
    expect(state.revealed).toBe(false);
  });

  it("retries a failed refill after growing delays, then says the cards could not be loaded", () => {
    let current = savedAfterGradingA();
    for (let attempt = 1; attempt <= RETRY_LIMIT; attempt++) {
      const step = reduce(current, { type: "nextFailed" });
      expect(step.effects).toEqual([fetchNext({ delayMs: attempt * RETRY_DELAY_MS })]);
      current = step.state;
    }
    const { state, effects } = run(current, { type: "nextFailed" });
    expect(effects).toEqual([]);
    expect(state.notice).toBe("loadError");
    expect(isBusy(state)).toBe(false);
  });

  // Regression: the component chained its requests on one promise; a refill that threw left the
  // chain rejected, and every later grade and undo of the session was silently skipped.
  it("a refill that failed for good does not stop later grades being saved", () => {
    const failures = Array.from({ length: RETRY_LIMIT + 1 }, (): SessionEvent => ({ type: "nextFailed" }));
    const afterFailure = run(savedAfterGradingA(), ...failures).state;
    const { effects } = run(afterFailure, reveal, graded(3, T0 + 9 * SECOND));
    expect(effects).toEqual([
      expect.objectContaining({ type: "submitGrade", grade: expect.objectContaining({ cardId: "b" }) }),
    ]);
  });
});

describe("undoing the last grade", () => {
  const gradedTwice = () =>
    run(
      session([a, b, c]),
      reveal,
      graded(3, T0 + SECOND),
      { type: "gradeSaved" },
      { type: "nextLoaded", next: nextCards([b, c]), at: T0 + SECOND },
      reveal,
      graded(AGAIN, T0 + 4 * SECOND),
      { type: "gradeSaved" },
      { type: "nextLoaded", next: nextCards([c]), at: T0 + 4 * SECOND },
    ).state;

  it("asks the server, then brings the undone card back first with its answer hidden", () => {
    const before = gradedTwice();
    const asked = run(before, { type: "undoRequested" });
    expect(asked.effects).toEqual([{ type: "requestUndo" }]);
    const done = run(asked.state, { type: "undoDone", cardId: "b" });
    expect(done.state.notice).toBe("undone");
    expect(done.state.queue).toEqual([]);
    expect(done.effects).toEqual([fetchNext({ first: "b" })]);
    const back = run(done.state, { type: "nextLoaded", next: nextCards([b, c]), at: T0 + 9 * SECOND });
    expect(ids(back.state)).toEqual(["b", "c"]);
    expect(back.state.revealed).toBe(false);
    expect(back.state.shownAt).toBe(T0 + 9 * SECOND);
  });

  it("restores the summary's figures to what they were before that grade", () => {
    const before = gradedTwice();
    expect(before.stats).toEqual({ cards: 2, again: 1, ms: 4 * SECOND });
    const { state } = run(before, { type: "undoRequested" }, { type: "undoDone", cardId: "b" });
    expect(state.stats).toEqual({ cards: 1, again: 0, ms: SECOND });
    expect(state.history.map((h) => h.cardId)).toEqual(["a"]);
  });

  it("forgets which versions were graded, so the undone card is not skipped as in flight", () => {
    const { state } = run(
      gradedTwice(),
      { type: "undoRequested" },
      { type: "undoDone", cardId: "b" },
      { type: "nextLoaded", next: nextCards([b]), at: T0 + 9 * SECOND },
    );
    expect(state.graded).toEqual({});
    expect(ids(state)).toEqual(["b"]);
  });

  it("waits for a grade in flight before asking the server", () => {
    const inFlight = run(session([a, b]), reveal, graded(3, T0 + SECOND)).state;
    const asked = run(inFlight, { type: "undoRequested" });
    expect(asked.effects).toEqual([]);
    const { effects } = run(
      asked.state,
      { type: "gradeSaved" },
      { type: "nextLoaded", next: nextCards([b]), at: T0 + 2 * SECOND },
    );
    expect(effects).toEqual([fetchNext(), { type: "requestUndo" }]);
  });

  it("changes nothing on screen when the server has nothing to undo", () => {
    const before = gradedTwice();
    const { state, effects } = run(before, { type: "undoRequested" }, { type: "undoFailed" });
    expect(effects).toEqual([{ type: "requestUndo" }]);
    expect(state).toEqual(before);
  });
});

describe("a custom session", () => {
  const custom = { custom: true };

  it("leaves the cards done in this pass out of each refill", () => {
    const { effects } = run(
      session([a, b, c], custom),
      reveal,
      graded(AGAIN, T0 + SECOND),
      { type: "gradeSaved" },
      { type: "nextLoaded", next: nextCards([b, c]), at: T0 + SECOND },
      reveal,
      graded(3, T0 + 2 * SECOND),
      { type: "gradeSaved" },
    );
    expect(effects.filter((e) => e.type === "fetchNext").at(-1)).toEqual(fetchNext({ exclude: ["b", "a"] }));
  });

  it("starts the next pass with the failed cards when a pass runs out", () => {
    const failedA = run(session([a], custom), reveal, graded(AGAIN, T0 + SECOND), { type: "gradeSaved" });
    expect(failedA.effects.at(-1)).toEqual(fetchNext({ exclude: ["a"] }));
    const emptyPass = run(failedA.state, { type: "nextLoaded", next: nextCards([]), at: T0 + SECOND });
    expect(emptyPass.effects).toEqual([fetchNext({ exclude: [] })]);
    expect(emptyPass.state.failed).toEqual([]);
    // The failed card comes back even at the version graded: custom sessions do not skip by version.
    const { state } = run(emptyPass.state, { type: "nextLoaded", next: nextCards([a]), at: T0 + 2 * SECOND });
    expect(ids(state)).toEqual(["a"]);
  });

  it("takes an undone card out of the pass so it can come back", () => {
    const { state, effects } = run(
      session([a, b], custom),
      reveal,
      graded(3, T0 + SECOND),
      { type: "gradeSaved" },
      { type: "nextLoaded", next: nextCards([b]), at: T0 + SECOND },
      { type: "undoRequested" },
      { type: "undoDone", cardId: "a" },
    );
    expect(state.passed).toEqual([]);
    expect(effects.at(-1)).toEqual(fetchNext({ first: "a" }));
  });
});

describe("practice (a custom session that records nothing)", () => {
  const practice = { custom: true, practice: true };

  it("sends no grade, only refills", () => {
    const { state, effects } = run(session([a, b], practice), reveal, graded(3, T0 + SECOND));
    expect(effects).toEqual([fetchNext({ exclude: ["a"] })]);
    expect(state.stats.cards).toBe(1);
  });

  it("undoes locally: no request, the last card back first", () => {
    const { state, effects } = run(
      session([a, b, c], practice),
      reveal,
      graded(3, T0 + SECOND),
      { type: "nextLoaded", next: nextCards([b, c]), at: T0 + SECOND },
      reveal,
      graded(3, T0 + 2 * SECOND),
      { type: "nextLoaded", next: nextCards([c]), at: T0 + 2 * SECOND },
      { type: "undoRequested" },
    );
    expect(effects.some((e) => e.type === "requestUndo")).toBe(false);
    expect(effects.at(-1)).toEqual(fetchNext({ exclude: ["a"], first: "b" }));
    expect(state.notice).toBe("undone");
    expect(state.stats.cards).toBe(1);
  });

  it("has nothing to undo before the first grade", () => {
    const start = session([a], practice);
    const { state, effects } = run(start, { type: "undoRequested" });
    expect(effects).toEqual([]);
    expect(state).toEqual(start);
  });
});

describe("the end of a session", () => {
  it("shows the summary once the last grade is saved and nothing is left", () => {
    const { state } = run(
      session([a, b]),
      reveal,
      graded(AGAIN, T0 + 30 * SECOND),
      { type: "gradeSaved" },
      { type: "nextLoaded", next: nextCards([b]), at: T0 + 30 * SECOND },
      reveal,
      graded(3, T0 + 120 * SECOND),
      { type: "gradeSaved" },
      {
        type: "nextLoaded",
        next: nextCards([], { nextDue: "2030-01-01T00:00:00.000Z" }),
        at: T0 + 121 * SECOND,
      },
    );
    expect(state.queue).toEqual([]);
    expect(isBusy(state)).toBe(false);
    expect(state.nextDue).toBe("2030-01-01T00:00:00.000Z");
    // 30 s + 90 s answering, one of two forgotten.
    expect(sessionSummary(state)).toEqual({ cards: 2, minutes: 2, againRate: 50 });
    expect(sessionProgress(state)).toBe(1);
  });

  it("rounds a short session up to one minute and an empty one to no again rate", () => {
    const quick = run(session([a]), reveal, graded(3, T0 + SECOND)).state;
    expect(sessionSummary(quick).minutes).toBe(1);
    expect(sessionSummary(session([]))).toEqual({ cards: 0, minutes: 1, againRate: 0 });
  });

  it("measures progress against the cards due when the session opened", () => {
    const { state } = run(
      session([a, b, c, d]),
      reveal,
      graded(3, T0 + SECOND),
      { type: "gradeSaved" },
      { type: "nextLoaded", next: nextCards([b, c, d]), at: T0 + SECOND },
    );
    expect(sessionProgress(state)).toBe(1 / 4);
    expect(sessionProgress(session([]))).toBe(1);
  });
});
