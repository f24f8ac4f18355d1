import { states } from "@/lib/srs/scheduler";
import { dayIndex, type StudyDayRange } from "./study-days";

/** Study days in the forecast, today included. */
export const FORECAST_DAYS = 30;

export type ForecastDay = {
  day: string;
  /** Learning and relearning cards (short steps). */
  learning: number;
  /** Cards in the review state. */
  review: number;
};

export type ForecastCard = { state: number; due: Date; suspended: boolean; buriedUntil: Date | null };

/**
 * Cards falling due on each of the next `FORECAST_DAYS` study days. Overdue cards
 * count on today, as the queue shows them today. Suspended and new cards are not
 * due; a buried card counts from the day it comes back. `range` must reach
 * FORECAST_DAYS - 1 days past today; the caller leaves out cards not in study
 * (retired, or in a paused topic).
 */
export function dueForecast(range: StudyDayRange, cards: readonly ForecastCard[]): ForecastDay[] {
  const last = range.today + FORECAST_DAYS - 1;
  if (last >= range.days.length) throw new RangeError(`the range ends before day ${FORECAST_DAYS}`);
  const days: ForecastDay[] = range.days
    .slice(range.today, last + 1)
    .map((day) => ({ day, learning: 0, review: 0 }));
  const todayStart = range.starts[range.today]!;

  for (const card of cards) {
    if (card.suspended || card.state === states.new) continue;
    const back = card.buriedUntil && card.buriedUntil > card.due ? card.buriedUntil : card.due;
    const i = back.getTime() < todayStart ? range.today : dayIndex(range, back);
    if (i < range.today || i > last) continue;
    const entry = days[i - range.today]!;
    if (card.state === states.review) entry.review++;
    else entry.learning++;
  }
  return days;
}
