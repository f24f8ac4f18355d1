import type { Db } from "@/lib/db";
import { findCards, type CardView } from "@/lib/repo/deck";
import { studyScope } from "@/lib/repo/study";
import { customCandidates } from "@/lib/repo/custom-study";
import {
  buildQueue,
  queueCounts,
  remainingCounts,
  type QueueEntry,
  type QueueKind,
} from "@/lib/srs/build-queue";
import { customQueue, type CustomStudy } from "@/lib/srs/custom-study";
import { studyDayStart } from "@/lib/srs/day-start";
import { createScheduler, formatInterval, type RatingValue } from "@/lib/srs/scheduler";
import type { Locale } from "@/lib/settings/preferences";

export type ReviewCard = CardView & {
  version: number;
  kind: QueueKind;
  intervals: Record<RatingValue, string>;
};
export type NextCards = {
  counts: Record<QueueKind, number>;
  cards: ReviewCard[];
  /** When the next card becomes due if nothing is left now (normal queue only). */
  nextDue: Date | null;
};

const HOUR = 3_600_000;
/**
 * How many of the most overdue reviews are loaded per call: the screen shows at
 * most a handful, and an undone review card returns near the head.
 */
const REVIEW_HEAD = 50;

/** The start of the user's current study day and of the next one (DST-safe). */
export function studyDay(now: Date, timeZone: string, dayStartHour: number) {
  const dayStart = studyDayStart(now, timeZone, dayStartHour);
  const nextDayStart = studyDayStart(new Date(dayStart.getTime() + 26 * HOUR), timeZone, dayStartHour);
  return { dayStart, nextDayStart };
}

/**
 * The head of today's queue — or of a custom session — with everything the
 * review screen shows, including each rating's interval.
 */
export async function nextCards(options: {
  db: Db;
  userId: string;
  now: Date;
  locale: Locale;
  count: number;
  /** A custom session instead of the day's queue. */
  custom?: CustomStudy | null;
  /** Cards already done in this custom session. */
  exclude?: ReadonlySet<string>;
  /** The card to show first if it is in the queue (the one an undo brought back). */
  first?: string;
}): Promise<NextCards> {
  const { db, userId, now } = options;
  const study = studyScope(db, userId);
  const { settings, pausedTags, studyEpoch } = await study.queueContext();
  const scheduler = createScheduler(settings);
  const { dayStart, nextDayStart } = studyDay(now, settings.timeZone, settings.dayStartHour);

  let queue: QueueEntry[];
  let counts: Record<QueueKind, number> | undefined;
  // Cards held back by today's limits come back when the next study day starts.
  let heldBack = false;
  if (options.custom) {
    const rows = await customCandidates(db, userId, options.custom, {
      now,
      dayStart,
      nextDayStart,
      pausedTags,
    });
    const candidates = rows.map((r) => ({
      cardId: r.cardId,
      state: r.memory?.state ?? null,
      due: r.memory?.due ?? null,
      retrievability: r.memory ? scheduler.retrievability(r.memory, now) : 0,
      order: r.order,
      ...(r.failedAt ? { failedAt: r.failedAt } : {}),
    }));
    queue = customQueue(options.custom, candidates, {
      now,
      nextDayStart,
      exclude: options.exclude ?? new Set(),
    });
  } else {
    const inputs = await study.queueInputs({
      now,
      dayStart,
      nextDayStart,
      newLimit: settings.newCardsPerDay,
      pausedTags,
      studyEpoch,
      reviewHead: REVIEW_HEAD,
    });
    const input = {
      now,
      nextDayStart,
      due: inputs.due,
      fresh: inputs.fresh,
      limits: { newCardsPerDay: settings.newCardsPerDay, reviewsPerDay: settings.reviewsPerDay },
      doneToday: inputs.doneToday,
      ...(inputs.reviewsDue === undefined ? {} : { reviewsDue: inputs.reviewsDue }),
    };
    queue = buildQueue(input);
    counts = remainingCounts(input);
    // An empty queue with reviews due today means the day's review limit holds them back.
    heldBack =
      (inputs.reviewsDue ?? 0) > 0 ||
      (settings.newCardsPerDay > 0 && inputs.doneToday.newCards >= settings.newCardsPerDay);
  }

  // The card an undo brought back comes first when it is in the queue.
  const undone = queue.findIndex((e) => e.cardId === options.first);
  if (undone > 0) queue.unshift(...queue.splice(undone, 1));

  const cards: ReviewCard[] = [];
  const shown = queue.slice(0, options.count);
  const ids = shown.map((e) => e.cardId);
  const [views, stored] = await Promise.all([findCards(db, ids, options.locale), study.memories(ids)]);
  const viewById = new Map(views.map((v) => [v.id, v]));
  for (const entry of shown) {
    const view = viewById.get(entry.cardId);
    if (!view) continue;
    const memory = stored.get(entry.cardId)?.memory ?? scheduler.newCard(now);
    const preview = scheduler.preview(memory, now);
    const intervals = Object.fromEntries(
      ([1, 2, 3, 4] as const).map((r) => [r, formatInterval(now, preview[r].due)]),
    ) as Record<RatingValue, string>;
    cards.push({ ...view, version: stored.get(entry.cardId)?.version ?? 0, kind: entry.kind, intervals });
  }
  return {
    counts: counts ?? queueCounts(queue),
    cards,
    nextDue: queue.length > 0 || options.custom ? null : await nextDueAfter(),
  };

  async function nextDueAfter(): Promise<Date | null> {
    const due = await study.nextDue(now, pausedTags);
    if (!heldBack) return due;
    return due && due < nextDayStart ? due : nextDayStart;
  }
}
