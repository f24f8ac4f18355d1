import type { Db } from "@/lib/db";
import { findCard, type CardView } from "@/lib/repo/deck";
import { studyScope } from "@/lib/repo/study";
import { buildQueue, queueCounts, type QueueKind } from "@/lib/srs/build-queue";
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
  /** When the next card becomes due if nothing is left now. */
  nextDue: Date | null;
};

const HOUR = 3_600_000;

/** The start of the user's current study day and of the next one (DST-safe). */
export function studyDay(now: Date, timeZone: string, dayStartHour: number) {
  const dayStart = studyDayStart(now, timeZone, dayStartHour);
  const nextDayStart = studyDayStart(new Date(dayStart.getTime() + 26 * HOUR), timeZone, dayStartHour);
  return { dayStart, nextDayStart };
}

/** The head of today's queue with everything the review screen shows, including each rating's interval. */
export async function nextCards(options: {
  db: Db;
  userId: string;
  now: Date;
  locale: Locale;
  count: number;
}): Promise<NextCards> {
  const { db, userId, now } = options;
  const study = studyScope(db, userId);
  const settings = await study.settings();
  const { dayStart, nextDayStart } = studyDay(now, settings.timeZone, settings.dayStartHour);
  const inputs = await study.queueInputs({ now, dayStart, nextDayStart, newLimit: settings.newCardsPerDay });
  const queue = buildQueue({
    now,
    nextDayStart,
    due: inputs.due,
    fresh: inputs.fresh,
    limits: { newCardsPerDay: settings.newCardsPerDay, reviewsPerDay: settings.reviewsPerDay },
    doneToday: inputs.doneToday,
  });
  const scheduler = createScheduler(settings);
  const cards: ReviewCard[] = [];
  for (const entry of queue.slice(0, options.count)) {
    const [view, stored] = await Promise.all([
      findCard(db, entry.cardId, options.locale, { withRelated: false }),
      study.memory(entry.cardId),
    ]);
    if (!view) continue;
    const memory = stored?.memory ?? scheduler.newCard(now);
    const preview = scheduler.preview(memory, now);
    const intervals = Object.fromEntries(
      ([1, 2, 3, 4] as const).map((r) => [r, formatInterval(now, preview[r].due)]),
    ) as Record<RatingValue, string>;
    cards.push({ ...view, version: stored?.version ?? 0, kind: entry.kind, intervals });
  }
  const nextDue =
    queue.length > 0
      ? null
      : (inputs.due.filter((c) => c.due > now).sort((a, b) => a.due.getTime() - b.due.getTime())[0]?.due ??
        null);
  return { counts: queueCounts(queue), cards, nextDue };
}
