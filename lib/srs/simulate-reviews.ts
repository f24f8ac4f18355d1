import { Random } from "@/lib/compute/random";
import type { ReviewEvent } from "./fsrs-items";
import { createScheduler, ratings, type CardMemory, type RatingValue } from "./scheduler";
import { defaultStudySettings, type StudySettings } from "./study-settings";

/**
 * A synthetic learner for tests and benchmarks: each card's real memory follows FSRS
 * with `trueParams`, while the app schedules it with `scheduledWith` (the defaults
 * unless given), as for a user who has not fitted yet. At each review the learner
 * recalls with the true retrievability, then answers Hard/Good/Easy in fixed
 * proportions, or Again on a lapse. Deterministic for a seed.
 */
export type SimulationOptions = {
  seed: number;
  trueParams: readonly number[];
  scheduledWith?: readonly number[] | null;
  /** Stop once this many reviews were made. */
  reviews: number;
  newCardsPerDay: number;
  start: Date;
  /** Hour (UTC) at which each day's session begins. */
  sessionHour?: number;
  cardId?: (index: number) => string;
};

const DAY_MS = 86_400_000;
const settings = (w: readonly number[] | null): StudySettings => ({
  ...defaultStudySettings,
  fuzz: false,
  fsrsParams: w ? [...w] : null,
});

export function simulateReviews(options: SimulationOptions): ReviewEvent[] {
  const random = new Random(options.seed);
  const truth = createScheduler(settings(options.trueParams));
  const app = createScheduler(settings(options.scheduledWith ?? null));
  const cardId = options.cardId ?? ((i: number) => `sim-${i}`);
  const cards: { id: string; shown: CardMemory; real: CardMemory }[] = [];
  const events: ReviewEvent[] = [];
  const sessionHour = options.sessionHour ?? 9;

  for (let day = 0; events.length < options.reviews; day++) {
    const sessionStart = options.start.getTime() + day * DAY_MS + sessionHour * 3_600_000;
    const dayEnd = options.start.getTime() + (day + 1) * DAY_MS;
    for (let n = 0; n < options.newCardsPerDay; n++) {
      const at = new Date(sessionStart);
      cards.push({ id: cardId(cards.length), shown: app.newCard(at), real: truth.newCard(at) });
    }
    // Review everything due today in due order; learning steps bring cards back the same day.
    let clock = sessionStart;
    for (;;) {
      const due = cards.filter((c) => c.shown.due.getTime() < dayEnd).sort(byDue);
      if (due.length === 0 || events.length >= options.reviews) break;
      for (const card of due) {
        if (events.length >= options.reviews) break;
        clock = Math.max(clock + 20_000, card.shown.due.getTime());
        if (clock >= dayEnd) break;
        const now = new Date(clock);
        const rating = answer(random, truth.retrievability(card.real, now), card.real.state === 0);
        events.push({ cardId: card.id, rating, state: card.shown.state, reviewedAt: now });
        card.shown = app.grade(card.shown, rating, now).card;
        card.real = truth.grade(card.real, rating, now).card;
      }
      if (clock >= dayEnd) break;
    }
  }
  return events;
}

function byDue(a: { shown: CardMemory }, b: { shown: CardMemory }): number {
  return a.shown.due.getTime() - b.shown.due.getTime();
}

function answer(random: Random, recall: number, isNew: boolean): RatingValue {
  // A new card has nothing to recall yet: its first answer says how easy it looked.
  const u = random.uniform();
  if (isNew) return u < 0.2 ? ratings.again : u < 0.35 ? ratings.hard : u < 0.9 ? ratings.good : ratings.easy;
  if (u >= recall) return ratings.again;
  const v = random.uniform();
  return v < 0.1 ? ratings.hard : v < 0.92 ? ratings.good : ratings.easy;
}
