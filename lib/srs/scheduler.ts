import type { State } from "ts-fsrs";
import {
  createEmptyCard,
  default_w,
  fsrs,
  generatorParameters,
  migrateParameters,
  Rating,
  type Card as FsrsCard,
  type Grade,
  type StepUnit,
} from "ts-fsrs";
import type { StudySettings } from "./study-settings";

/**
 * The one seam over ts-fsrs: the rest of the app speaks CardMemory (camelCase,
 * plain data) and never imports the library.
 */
export const ratings = { again: 1, hard: 2, good: 3, easy: 4 } as const;
export type RatingValue = 1 | 2 | 3 | 4;
export const states = { new: 0, learning: 1, review: 2, relearning: 3 } as const;
export type StateValue = 0 | 1 | 2 | 3;
/** The library's default FSRS parameters: what a user with `fsrsParams: null` is scheduled with. */
export const defaultFsrsParams: readonly number[] = Object.freeze([...default_w]);

/**
 * The 21-parameter (FSRS-6) form of stored parameters, as ts-fsrs itself reads them:
 * older 17/19-parameter vectors are converted, null gives the defaults. The optimizer
 * scores and fits in this form.
 */
export function fsrsParamsInUse(params: readonly number[] | null): number[] {
  return params ? migrateParameters(params) : [...defaultFsrsParams];
}

export type CardMemory = {
  state: StateValue;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
};

/** What one review records: the state before it (for the log) and when. */
export type ReviewRecord = {
  rating: RatingValue;
  state: StateValue;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reviewedAt: Date;
};

export type Scheduler = {
  /** The state of a card never studied, due at `now`. */
  newCard(now: Date): CardMemory;
  /** The outcome of each rating, without committing any (for the buttons' intervals). */
  preview(card: CardMemory, now: Date): Record<RatingValue, CardMemory>;
  grade(card: CardMemory, rating: RatingValue, now: Date): { card: CardMemory; log: ReviewRecord };
  /** Probability of recall at `now` (0 for a new card). */
  retrievability(card: CardMemory, now: Date): number;
  /**
   * The card as these settings would have left it after `reviews` (oldest first,
   * starting from a new card): ts-fsrs's reschedule, i.e. every review graded
   * again in order. Null for an empty history.
   */
  replay(reviews: readonly { rating: RatingValue; reviewedAt: Date }[]): CardMemory | null;
};

export function createScheduler(
  settings: Pick<
    StudySettings,
    "desiredRetention" | "maximumInterval" | "learningSteps" | "relearningSteps" | "fuzz" | "fsrsParams"
  >,
): Scheduler {
  const f = fsrs(
    generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumInterval,
      enable_fuzz: settings.fuzz,
      enable_short_term: true,
      learning_steps: settings.learningSteps as StepUnit[],
      relearning_steps: settings.relearningSteps as StepUnit[],
      ...(settings.fsrsParams ? { w: settings.fsrsParams } : {}),
    }),
  );
  return {
    newCard: (now) => fromFsrs(createEmptyCard(now)),
    preview(card, now) {
      const outcomes = f.repeat(toFsrs(card), now);
      return {
        1: fromFsrs(outcomes[Rating.Again].card),
        2: fromFsrs(outcomes[Rating.Hard].card),
        3: fromFsrs(outcomes[Rating.Good].card),
        4: fromFsrs(outcomes[Rating.Easy].card),
      };
    },
    grade(card, rating, now) {
      const { card: next, log } = f.next(toFsrs(card), now, rating as Grade);
      return {
        card: fromFsrs(next),
        log: {
          rating,
          state: log.state as StateValue,
          due: log.due,
          stability: log.stability,
          difficulty: log.difficulty,
          elapsedDays: log.elapsed_days,
          lastElapsedDays: log.last_elapsed_days,
          scheduledDays: log.scheduled_days,
          learningSteps: log.learning_steps,
          reviewedAt: log.review,
        },
      };
    },
    retrievability(card, now) {
      return card.state === states.new ? 0 : f.get_retrievability(toFsrs(card), now, false);
    },
    replay(reviews) {
      const first = reviews[0];
      if (!first) return null;
      // The first card is new at the first review, as grade() starts from newCard(now);
      // without it ts-fsrs would start from a card created at the wall-clock time.
      const start = createEmptyCard(first.reviewedAt);
      const { collections } = f.reschedule(
        start,
        reviews.map((r) => ({ rating: r.rating as Grade, review: r.reviewedAt })),
        { skipManual: true, first_card: start, now: reviews.at(-1)?.reviewedAt ?? first.reviewedAt },
      );
      const last = collections[collections.length - 1];
      return last ? fromFsrs(last.card) : null;
    },
  };
}

function toFsrs(card: CardMemory): FsrsCard {
  return {
    state: card.state as State,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    ...(card.lastReview ? { last_review: card.lastReview } : {}),
  };
}

function fromFsrs(card: FsrsCard): CardMemory {
  return {
    state: card.state as StateValue,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ?? null,
  };
}

/** "10m", "3h", "4d", "2mo", "1.5y": how an interval is shown on a grade button. */
export function formatInterval(from: Date, to: Date): string {
  const minutes = Math.max(1, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${Math.round((days / 30) * 10) / 10}mo`.replace(".0mo", "mo");
  return `${Math.round((days / 365) * 10) / 10}y`.replace(".0y", "y");
}
