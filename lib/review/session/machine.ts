import type { NextCards, ReviewCard } from "@/lib/review/next-cards";
import type { RatingValue } from "@/lib/srs/scheduler";

/*
 * The review screen as a pure state machine: `reduce(state, event)` returns the
 * next state and the effects (plain data) the screen must run; the screen feeds
 * each effect's outcome back as an event. Time and client ids come in events.
 *
 *   card on screen:   question ──revealed──▶ answer ──grade──▶ question (next card, at once)
 *                         ▲                                       │
 *                         └────── undone card back (first) ◀──undo┘
 *   no card:          loading (tasks pending) | summary (idle)
 *
 * Server work runs as a serial task list; the head is the one in flight:
 *
 *   grade ─▶ [saveGrade, refill]      (practice: [refill])
 *   saveGrade ─gradeSaved | gradeRejected───────────────▶ next task
 *             ─gradeConflict──────────── notice "conflict" ▶ next task (the refill reloads the queue)
 *             ─gradeFailed── attempt < RETRY_LIMIT ─▶ same grade, same clientId, after a delay
 *                         └─ otherwise ────────── notice "error" ▶ next task
 *   refill ─nextLoaded─▶ queue merged behind the card on screen ▶ next task
 *          ─nextFailed─▶ retried like a grade; then notice "loadError" ▶ next task
 *   undo ─undoDone(cardId)─▶ queue emptied, refill(first: cardId) ─▶ that card on screen
 *        ─undoFailed──────▶ next task            (practice: undone locally, no request)
 */

/** Cards asked for per refill: the one on screen and those prefetched behind it. */
export const PREFETCH_COUNT = 3;
/** The longest answer time sent with a grade (the grade API's limit). */
export const MAX_GRADE_DURATION_MS = 3_600_000;
/** Retries of a failed request (network error or 5xx) before giving up on it. */
export const RETRY_LIMIT = 3;
/** Retry n waits n × this. */
export const RETRY_DELAY_MS = 1_000;
/** What Enter or Space grades when the answer check suggested nothing. */
export const DEFAULT_RATING: RatingValue = 3;
/** The grade suggested by the automatic check of an mcq or numeric answer. */
export const SUGGESTED_RATING = { correct: 3, wrong: 1 } as const satisfies Record<string, RatingValue>;
/** The rating that counts as forgotten (fails a custom-session pass, counts in the again rate). */
export const AGAIN: RatingValue = 1;

/** `NextCards` as JSON carries it. */
export type NextCardsWire = Omit<NextCards, "nextDue"> & { nextDue: string | null };
export type Verdict = "correct" | "wrong" | null;
export type Notice = "conflict" | "error" | "loadError" | "undone";

/** Exactly the body of POST /api/review/grade. */
export type GradeRequest = {
  clientId: string;
  cardId: string;
  rating: RatingValue;
  version: number;
  durationMs: number;
};

export type Task =
  | { type: "saveGrade"; grade: GradeRequest; attempt: number }
  | { type: "refill"; first: string | null; attempt: number }
  | { type: "undo" };

export type SessionState = {
  /** A custom session (each card once per pass); practice records nothing. */
  custom: boolean;
  practice: boolean;
  /** queue[0] is the card on screen; the rest are prefetched. */
  queue: readonly ReviewCard[];
  counts: NextCards["counts"];
  nextDue: string | null;
  /** Cards due when the session opened (the progress bar's whole). */
  total: number;
  revealed: boolean;
  suggested: RatingValue | null;
  /** When the card on screen was shown (ms since the epoch, from events). */
  shownAt: number;
  notice: Notice | null;
  help: boolean;
  stats: { cards: number; again: number; ms: number };
  /** Grades made here, newest last, for undo. */
  history: readonly { cardId: string; rating: RatingValue; durationMs: number }[];
  /** Card id → version graded here: a refill that still shows that version is a grade in flight. */
  graded: Readonly<Record<string, number>>;
  /** Custom session: done this pass, and failed this pass (back next pass). */
  passed: readonly string[];
  failed: readonly string[];
  /** Serial server work; the head is in flight. */
  tasks: readonly Task[];
};

export type SessionEvent =
  // From the user (clicks and keys map to the same events; see keyboard.ts).
  | { type: "started"; at: number }
  | { type: "revealed"; verdict: Verdict }
  | { type: "graded"; rating: RatingValue; at: number; clientId: string }
  | { type: "undoRequested" }
  | { type: "helpToggled" }
  | { type: "helpClosed" }
  | { type: "helpOpened" }
  // Outcomes of effects.
  | { type: "gradeSaved" }
  | { type: "gradeConflict" }
  | { type: "gradeFailed" }
  | { type: "gradeRejected"; status: number }
  | { type: "nextLoaded"; next: NextCardsWire; at: number }
  | { type: "nextFailed" }
  | { type: "undoDone"; cardId: string }
  | { type: "undoFailed" };

export type SessionEffect =
  | { type: "submitGrade"; grade: GradeRequest; delayMs: number }
  | { type: "fetchNext"; count: number; exclude: string[]; first: string | null; delayMs: number }
  | { type: "requestUndo" };

export type Transition = { state: SessionState; effects: SessionEffect[] };

export function initialSessionState(
  initial: NextCardsWire,
  mode: { custom: boolean; practice: boolean },
): SessionState {
  const { counts } = initial;
  return {
    ...mode,
    queue: initial.cards,
    counts,
    nextDue: initial.nextDue,
    total: counts.new + counts.learning + counts.review,
    revealed: false,
    suggested: null,
    shownAt: 0,
    notice: null,
    help: false,
    stats: { cards: 0, again: 0, ms: 0 },
    history: [],
    graded: {},
    passed: [],
    failed: [],
    tasks: [],
  };
}

const still = (state: SessionState): Transition => ({ state, effects: [] });

export function reduce(state: SessionState, event: SessionEvent): Transition {
  const head = state.tasks[0];
  switch (event.type) {
    case "started":
      return still({ ...state, shownAt: event.at });
    case "revealed":
      if (!state.queue[0] || state.revealed) return still(state);
      return still({
        ...state,
        revealed: true,
        suggested: event.verdict ? SUGGESTED_RATING[event.verdict] : null,
      });
    case "graded":
      return grade(state, event);
    case "undoRequested":
      return enqueue(state, [{ type: "undo" }]);
    case "helpToggled":
      return still({ ...state, help: !state.help });
    case "helpOpened":
      return still({ ...state, help: true });
    case "helpClosed":
      return still({ ...state, help: false });

    case "gradeSaved":
    case "gradeRejected":
      return head?.type === "saveGrade" ? finishHead(state) : still(state);
    case "gradeConflict":
      return head?.type === "saveGrade" ? finishHead({ ...state, notice: "conflict" }) : still(state);
    case "gradeFailed":
      if (head?.type !== "saveGrade") return still(state);
      return retryHead({ ...state, notice: "error" }, "error");

    case "nextLoaded":
      return head?.type === "refill" ? loaded(state, head, event.next, event.at) : still(state);
    case "nextFailed":
      return head?.type === "refill" ? retryHead(state, "loadError") : still(state);

    case "undoDone":
      return head?.type === "undo" ? undone(state, event.cardId) : still(state);
    case "undoFailed":
      return head?.type === "undo" ? finishHead(state) : still(state);
  }
}

function grade(state: SessionState, event: Extract<SessionEvent, { type: "graded" }>): Transition {
  const card = state.queue[0];
  // Only a revealed card is graded; the grade hides the answer, so a repeat is ignored.
  if (!card || !state.revealed) return still(state);
  const durationMs = Math.max(0, Math.min(event.at - state.shownAt, MAX_GRADE_DURATION_MS));
  const failed = event.rating === AGAIN;
  const next: SessionState = {
    ...state,
    // Show the prefetched card now; the grade is saved behind it.
    queue: state.queue.filter((c) => c.id !== card.id),
    revealed: false,
    suggested: null,
    shownAt: event.at,
    stats: {
      cards: state.stats.cards + 1,
      again: state.stats.again + (failed ? 1 : 0),
      ms: state.stats.ms + durationMs,
    },
    history: [...state.history, { cardId: card.id, rating: event.rating, durationMs }],
    graded: { ...state.graded, [card.id]: card.version },
    passed: failed ? state.passed : [...state.passed, card.id],
    failed: failed ? [...state.failed, card.id] : state.failed,
  };
  const refill: Task = { type: "refill", first: null, attempt: 0 };
  if (state.practice) return enqueue(next, [refill]);
  const request: GradeRequest = {
    clientId: event.clientId,
    cardId: card.id,
    rating: event.rating,
    version: card.version,
    durationMs,
  };
  return enqueue(next, [{ type: "saveGrade", grade: request, attempt: 0 }, refill]);
}

function undone(state: SessionState, cardId: string): Transition {
  const last = state.history.at(-1);
  const stats = last
    ? {
        cards: state.stats.cards - 1,
        again: state.stats.again - (last.rating === AGAIN ? 1 : 0),
        ms: state.stats.ms - last.durationMs,
      }
    : state.stats;
  const next: SessionState = {
    ...state,
    stats,
    history: state.history.slice(0, -1),
    passed: state.passed.filter((id) => id !== cardId),
    failed: state.failed.filter((id) => id !== cardId),
    notice: "undone",
    graded: {},
    // The undone card comes back first, once the refill has it.
    queue: [],
    tasks: [{ type: "refill", first: cardId, attempt: 0 }, ...state.tasks.slice(1)],
  };
  return start(next);
}

function loaded(
  state: SessionState,
  head: Extract<Task, { type: "refill" }>,
  next: NextCardsWire,
  at: number,
): Transition {
  // A custom session's pass is over: start the next one with the cards failed in it.
  if (state.custom && next.cards.length === 0 && state.failed.length > 0)
    return start({ ...state, failed: [], tasks: [{ ...head, attempt: 0 }, ...state.tasks.slice(1)] });
  // A card the server still shows at the version graded here is a grade in flight: skip it.
  // (A custom session leaves done cards out through `exclude` instead.)
  const unseen = (c: ReviewCard) => {
    const gradedAt = state.custom ? undefined : state.graded[c.id];
    return gradedAt === undefined || c.version > gradedAt;
  };
  const cards = next.cards.filter(unseen);
  // Keep the card on screen where it is; only what comes after it is replaced.
  const current = state.queue[0];
  const queue = current
    ? [cards.find((c) => c.id === current.id) ?? current, ...cards.filter((c) => c.id !== current.id)]
    : cards;
  const shown = queue[0]?.id !== current?.id;
  return finishHead({
    ...state,
    queue,
    counts: next.counts,
    nextDue: next.nextDue,
    ...(shown ? { revealed: false, suggested: null, shownAt: at } : {}),
  });
}

/** A failed request again, same body, after a growing delay; past the limit, a notice and the next task. */
function retryHead(state: SessionState, notice: Notice): Transition {
  const head = state.tasks[0];
  if (!head || head.type === "undo") return finishHead(state);
  if (head.attempt >= RETRY_LIMIT) return finishHead({ ...state, notice });
  return start({ ...state, tasks: [{ ...head, attempt: head.attempt + 1 }, ...state.tasks.slice(1)] });
}

function enqueue(state: SessionState, tasks: Task[]): Transition {
  const next = { ...state, tasks: [...state.tasks, ...tasks] };
  return state.tasks.length === 0 ? start(next) : still(next);
}

function finishHead(state: SessionState): Transition {
  return start({ ...state, tasks: state.tasks.slice(1) });
}

/** Runs the head task: its effect, or, for work without a request, its result at once. */
function start(state: SessionState): Transition {
  const head = state.tasks[0];
  if (!head) return still(state);
  const delayMs = "attempt" in head ? RETRY_DELAY_MS * head.attempt : 0;
  switch (head.type) {
    case "saveGrade":
      return { state, effects: [{ type: "submitGrade", grade: head.grade, delayMs }] };
    case "refill":
      return {
        state,
        effects: [
          {
            type: "fetchNext",
            count: PREFETCH_COUNT,
            exclude: state.custom ? [...state.passed, ...state.failed] : [],
            first: head.first,
            delayMs,
          },
        ],
      };
    case "undo": {
      if (!state.practice) return { state, effects: [{ type: "requestUndo" }] };
      // Practice recorded nothing: undo the last grade made here.
      const last = state.history.at(-1);
      return last ? undone(state, last.cardId) : finishHead(state);
    }
  }
}
