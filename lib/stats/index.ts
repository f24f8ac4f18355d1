export { buildStats, statsRange, STATS_PAST_DAYS, type StatsInput, type UserStats } from "./build-stats";
export { CALENDAR_DAYS, reviewCalendar, type CalendarDay, type ReviewCalendar } from "./review-calendar";
export { dueForecast, FORECAST_DAYS, type ForecastCard, type ForecastDay } from "./due-forecast";
export { REVIEW_TIME_DAYS, reviewTime, type ReviewTime, type ReviewTimeDay } from "./review-time";
export { stateCounts, type StateCounts } from "./state-counts";
export {
  dayIndex,
  monthOf,
  rangeStart,
  studyDayRange,
  weekdayOf,
  weekOf,
  type StudyClock,
  type StudyDayRange,
} from "./study-days";
export { topicMastery, type MasteryReport, type TopicMastery } from "./topic-mastery";
export {
  RETENTION_BUCKETS,
  retentionPeriods,
  retentionRate,
  trueRetention,
  type PassFail,
  type RetentionBucket,
  type RetentionPeriod,
  type TrueRetention,
} from "./true-retention";
export {
  GROUP_MS,
  groupReviews,
  MATURE_DAYS,
  reviewKind,
  reviewKinds,
  type ReviewGroup,
  type ReviewKind,
} from "./review-groups";
