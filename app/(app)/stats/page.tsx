import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DueForecastChart } from "@/app/_components/stats/due-forecast-chart";
import { RetentionChart } from "@/app/_components/stats/retention-chart";
import { ReviewHeatmap } from "@/app/_components/stats/review-heatmap";
import { ReviewTimeChart } from "@/app/_components/stats/review-time-chart";
import { StateCountsChart } from "@/app/_components/stats/state-counts-chart";
import { TopicMasteryChart } from "@/app/_components/stats/topic-mastery-chart";
import { buttonClass } from "@/app/_components/ui/button";
import { db } from "@/lib/db";
import { listTopics } from "@/lib/repo/deck";
import { statsScope } from "@/lib/repo/stats";
import { studyScope } from "@/lib/repo/study";
import { buildStats, rangeStart, statsRange } from "@/lib/stats";
import { requireUser } from "@/lib/web/session";
import { parsePeriod } from "./period";

export async function generateMetadata() {
  const t = await getTranslations("stats");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function StatsPage({ searchParams }: { searchParams: SearchParams }) {
  const { session } = await requireUser();
  const t = await getTranslations("stats");
  const period = parsePeriod(await searchParams);
  const now = new Date();
  const study = studyScope(db(), session.userId);
  const stats = statsScope(db(), session.userId);
  const settings = await study.settings();
  const range = statsRange({ now, timeZone: settings.timeZone, dayStartHour: settings.dayStartHour });
  const [reviews, cards, topics, pausedTopics, hasReviews] = await Promise.all([
    stats.reviewGroupsSince(rangeStart(range)),
    stats.cards(),
    listTopics(db(), await getLocale()),
    study.pausedTopics(),
    stats.hasReviews(),
  ]);
  const figures = buildStats({ now, range, settings, period, reviews, cards, topics, pausedTopics });

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("lead")}</p>
      </div>
      {hasReviews ? null : (
        <section
          aria-labelledby="stats-empty"
          data-testid="stats-empty"
          className="rounded-lg border border-indigo-200 bg-indigo-50 p-5 dark:border-indigo-900 dark:bg-indigo-950"
        >
          <h2 id="stats-empty" className="mb-2 text-lg font-semibold">
            {t("empty.title")}
          </h2>
          <p className="mb-3 text-slate-800 dark:text-slate-200">{t("empty.body")}</p>
          <Link href="/review" className={buttonClass("primary")}>
            {t("empty.action")}
          </Link>
        </section>
      )}
      <StateCountsChart counts={figures.counts} />
      <TopicMasteryChart mastery={figures.mastery} />
      {hasReviews ? (
        <>
          <ReviewHeatmap calendar={figures.calendar} />
          <DueForecastChart forecast={figures.forecast} />
          <RetentionChart retention={figures.retention} desiredRetention={settings.desiredRetention} />
          <ReviewTimeChart time={figures.time} />
        </>
      ) : null}
    </div>
  );
}
