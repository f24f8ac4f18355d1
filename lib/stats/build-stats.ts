import { createScheduler, type CardMemory } from "@/lib/srs/scheduler";
import type { StudySettings } from "@/lib/srs/study-settings";
import { CALENDAR_DAYS, reviewCalendar, type ReviewCalendar } from "./review-calendar";
import { dueForecast, FORECAST_DAYS, type ForecastDay } from "./due-forecast";
import { reviewTime, type ReviewTime } from "./review-time";
import { stateCounts, type StateCounts } from "./state-counts";
import { studyDayRange, type StudyClock, type StudyDayRange } from "./study-days";
import { topicMastery, type MasteryReport, type MasteryTopic } from "./topic-mastery";
import type { ReviewGroup } from "./review-groups";
import { trueRetention, type RetentionPeriod, type TrueRetention } from "./true-retention";

/**
 * Past study days the page needs: the calendar's year plus one day, which also
 * covers twelve calendar months (at most 366 days) for monthly retention.
 */
export const STATS_PAST_DAYS = CALENDAR_DAYS;

/** The study days every statistic is bucketed into: a year back, the forecast ahead. */
export function statsRange(clock: StudyClock): StudyDayRange {
  return studyDayRange(clock, STATS_PAST_DAYS, FORECAST_DAYS);
}

export type StatsInput = {
  now: Date;
  range: StudyDayRange;
  settings: StudySettings;
  period: RetentionPeriod;
  /** The user's reviews from the range's start on, counted per quarter hour and kind. */
  reviews: readonly ReviewGroup[];
  /** The user's state rows of live cards. */
  cards: readonly {
    topicId: string;
    memory: CardMemory;
    suspended: boolean;
    buriedUntil: Date | null;
  }[];
  /** Live topics in content order, with their live card counts. */
  topics: readonly MasteryTopic[];
  /** Topics the user paused: their cards are not forecast (the queue skips them). */
  pausedTopics: ReadonlySet<string>;
};

export type UserStats = {
  counts: StateCounts;
  calendar: ReviewCalendar;
  forecast: ForecastDay[];
  retention: TrueRetention;
  time: ReviewTime;
  mastery: MasteryReport;
};

/** Every figure on the statistics page, from the rows the stats repository returns. */
export function buildStats(input: StatsInput): UserStats {
  const { now, range, cards } = input;
  const liveCards = input.topics.reduce((sum, t) => sum + t.cardCount, 0);
  const flat = cards.map((c) => ({ ...c.memory, suspended: c.suspended, buriedUntil: c.buriedUntil }));
  return {
    counts: stateCounts(liveCards, flat, now),
    calendar: reviewCalendar(range, input.reviews),
    forecast: dueForecast(
      range,
      cards
        .filter((c) => !input.pausedTopics.has(c.topicId))
        .map((c) => ({ ...c.memory, suspended: c.suspended, buriedUntil: c.buriedUntil })),
    ),
    retention: trueRetention(range, input.reviews, input.period),
    time: reviewTime(range, input.reviews),
    mastery: topicMastery(input.topics, cards, createScheduler(input.settings), now),
  };
}
