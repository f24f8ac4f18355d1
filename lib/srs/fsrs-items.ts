import type { RatingValue, StateValue } from "./scheduler";

/**
 * Our review log → the FSRS optimizer's training data. Pure: no binding, no database.
 *
 * fsrs-rs trains on one sequence of (rating, delta_t) per card, where delta_t is the
 * number of *study days* since the card's previous review (0 for the first review and
 * for any review on the same study day: learning steps are "short-term" reviews). Each
 * review after the first becomes one training item: the sequence up to and including
 * it, the last review's rating being the label (recalled unless Again). This is how the
 * binding's own CSV converter does it (packages/binding/src/convert.rs in ts-fsrs).
 */
export type ReviewEvent = { cardId: string; rating: RatingValue; state: StateValue; reviewedAt: Date };
export type FsrsReview = { rating: RatingValue; deltaT: number };
/** One card's current run; `times[i]` is when `reviews[i]` happened (ms since the epoch). */
export type CardSequence = { cardId: string; reviews: FsrsReview[]; times: number[] };
export type DayBoundary = { timeZone: string; dayStartHour: number };

/**
 * Fewest reviews we offer to fit on. fsrs-rs itself returns the default parameters for
 * fewer than 8 training items and fits only the four initial stabilities below 64; 400
 * reviews (two to three weeks of daily study here) is our own bar for 21 parameters to
 * move meaningfully from the defaults rather than chase noise.
 */
export const MIN_REVIEWS_TO_FIT = 400;
/** Fewest training items (reviews on a later study day than the card's first) for full training in fsrs-rs. */
export const MIN_ITEMS_TO_FIT = 64;

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/**
 * The zone's UTC offset at `instant`. Offsets change only on quarter-hour boundaries
 * (since 1972 every zone's offset is a whole number of quarter hours), so one lookup
 * per quarter hour is cached: a study session needs one Intl call, not one per review.
 */
function offsetMs(instant: number, timeZone: string): number {
  if (timeZone === "UTC") return 0;
  const key = `${timeZone} ${Math.floor(instant / QUARTER_HOUR_MS)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  if (offsets.size > 100_000) offsets.clear();
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const f: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) f[part.type] = Number(part.value);
  const wall = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!);
  const offset = wall - Math.floor(instant / 1000) * 1000;
  offsets.set(key, offset);
  return offset;
}

/** Which study day an instant falls on (days since the epoch, local time shifted back by dayStartHour). */
export function studyDayNumber(instant: Date, boundary: DayBoundary): number {
  const t = instant.getTime();
  return Math.floor((t + offsetMs(t, boundary.timeZone) - boundary.dayStartHour * 3_600_000) / DAY_MS);
}

/**
 * The reviews since the card was last new: a card reset to new ("forget") starts over,
 * and the reviews before the reset describe a memory that no longer exists. Empty when
 * no review was of a new card (history imported without its beginning): such a card has
 * no known starting point, so it is neither fitted on nor replayed. Input oldest first.
 */
export function currentLearningRun<T extends { state: StateValue }>(reviews: readonly T[]): T[] {
  for (let i = reviews.length - 1; i >= 0; i--) {
    if (reviews[i]!.state === 0) return reviews.slice(i);
  }
  return [];
}

/** Groups reviews by card (any order in), oldest first, and turns each card's current run into delta_t days. */
export function toCardSequences(events: readonly ReviewEvent[], boundary: DayBoundary): CardSequence[] {
  const byCard = new Map<string, ReviewEvent[]>();
  for (const e of events) {
    const list = byCard.get(e.cardId);
    if (list) list.push(e);
    else byCard.set(e.cardId, [e]);
  }
  const sequences: CardSequence[] = [];
  for (const [cardId, list] of byCard) {
    list.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    const run = currentLearningRun(list);
    if (run.length === 0) continue;
    let previousDay = studyDayNumber(run[0]!.reviewedAt, boundary);
    const reviews = run.map((e, i) => {
      const day = i === 0 ? previousDay : studyDayNumber(e.reviewedAt, boundary);
      const deltaT = Math.max(0, day - previousDay);
      previousDay = day;
      return { rating: e.rating, deltaT };
    });
    sequences.push({ cardId, reviews, times: run.map((e) => e.reviewedAt.getTime()) });
  }
  return sequences;
}

/**
 * The end indices (inclusive) of a sequence's training items: every review after the
 * first, once the card has had a review on a later day (items of only same-day reviews
 * carry no long-term information and the binding's converter drops them too).
 */
export function trainingItemEnds(sequence: CardSequence): number[] {
  const firstLongTerm = sequence.reviews.findIndex((r, i) => i > 0 && r.deltaT > 0);
  if (firstLongTerm < 0) return [];
  const ends: number[] = [];
  for (let end = firstLongTerm; end < sequence.reviews.length; end++) ends.push(end);
  return ends;
}

/**
 * The end indices of the items metrics are computed on: those whose last review came on a
 * later study day than the one before. A same-day review's outcome is not a prediction of
 * the forgetting curve (the binding's evaluate refuses such items, and the FSRS benchmark
 * leaves them out of its metrics too).
 */
export function evaluationItemEnds(sequence: CardSequence): number[] {
  return trainingItemEnds(sequence).filter((end) => sequence.reviews[end]!.deltaT > 0);
}

export function countTrainingItems(sequences: readonly CardSequence[]): number {
  return sequences.reduce((n, s) => n + trainingItemEnds(s).length, 0);
}

/**
 * Sequences flattened into typed arrays, so they cross to the fitting worker without a
 * copy (transferred, not cloned). Review k of sequence s is at index starts[s] + k;
 * `train`/`scored` mark the reviews that end a training / an evaluation item.
 */
export type PackedHistory = {
  starts: Int32Array;
  ratings: Uint8Array;
  deltas: Int32Array;
  times: Float64Array;
  train: Uint8Array;
  scored: Uint8Array;
};

export function packSequences(sequences: readonly CardSequence[]): PackedHistory {
  const total = sequences.reduce((n, s) => n + s.reviews.length, 0);
  const packed: PackedHistory = {
    starts: new Int32Array(sequences.length + 1),
    ratings: new Uint8Array(total),
    deltas: new Int32Array(total),
    times: new Float64Array(total),
    train: new Uint8Array(total),
    scored: new Uint8Array(total),
  };
  let at = 0;
  sequences.forEach((sequence, s) => {
    packed.starts[s] = at;
    sequence.reviews.forEach((r, k) => {
      packed.ratings[at + k] = r.rating;
      packed.deltas[at + k] = r.deltaT;
      packed.times[at + k] = sequence.times[k]!;
    });
    for (const end of trainingItemEnds(sequence)) packed.train[at + end] = 1;
    for (const end of evaluationItemEnds(sequence)) packed.scored[at + end] = 1;
    at += sequence.reviews.length;
  });
  packed.starts[sequences.length] = at;
  return packed;
}
