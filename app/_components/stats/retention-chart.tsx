import Link from "next/link";
import * as Plot from "@observablehq/plot";
import { getFormatter, getTranslations } from "next-intl/server";
import { retentionPeriods, retentionRate, type PassFail, type TrueRetention } from "@/lib/stats";
import { ChartFigure, dayDate, tableClass } from "./chart-figure";
import { palette } from "./palette";
import { legendMarkup, plotMarkup } from "./plot-markup";

/** True retention of young and mature cards per day, week or month, with the user's target as a rule. */
export async function RetentionChart({
  retention,
  desiredRetention,
}: {
  retention: TrueRetention;
  desiredRetention: number;
}) {
  const t = await getTranslations("stats.retention");
  const format = await getFormatter();
  const percent = (rate: number | null) =>
    rate === null ? t("none") : format.number(rate, { style: "percent", maximumFractionDigits: 1 });
  const when = (start: string) =>
    retention.period === "month"
      ? format.dateTime(dayDate(start), { month: "short", year: "numeric" })
      : format.dateTime(dayDate(start), { day: "numeric", month: "short" });

  const series = [
    { name: t("young"), key: "young", colour: palette.young },
    { name: t("mature"), key: "mature", colour: palette.mature },
  ] as const;
  const color = {
    type: "ordinal" as const,
    domain: series.map((s) => s.name),
    range: series.map((s) => s.colour),
  };
  const points = series.flatMap((s) =>
    retention.buckets.map((b, i) => ({ i, series: s.name, rate: retentionRate(b[s.key]) })),
  );
  const shown = points.filter((p) => p.rate !== null);
  const lowest = Math.min(desiredRetention, ...shown.map((p) => p.rate!));
  const n = retention.buckets.length;
  const every = retention.period === "day" ? 7 : 3;

  const chart = plotMarkup({
    width: 820,
    height: 220,
    marginLeft: 40,
    x: {
      type: "point",
      domain: retention.buckets.map((_, i) => i),
      ticks: retention.buckets.map((_, i) => i).filter((i) => (n - 1 - i) % every === 0),
      tickFormat: (i: number) => when(retention.buckets[i]!.start),
      label: null,
      inset: 8,
    },
    y: {
      domain: [Math.max(0, Math.floor(lowest * 10) / 10 - 0.1) * 100, 100],
      grid: true,
      label: t("axis"),
    },
    color,
    marks: [
      Plot.ruleY([desiredRetention * 100], {
        stroke: "currentColor",
        strokeDasharray: "4,3",
        strokeOpacity: 0.6,
      }),
      // A line only joins neighbours that both have reviews (null rates break it); dots show lone points.
      Plot.line(points, {
        x: "i",
        y: (p: (typeof points)[number]) => (p.rate === null ? NaN : p.rate * 100),
        stroke: "series",
        strokeWidth: 2,
      }),
      Plot.dot(shown, { x: "i", y: (p: (typeof shown)[number]) => p.rate! * 100, fill: "series", r: 3 }),
    ],
  });

  const row = (name: string, counts: PassFail, testId: string) => (
    <tr data-testid={testId}>
      <th scope="row">{name}</th>
      <td>{counts.passed}</td>
      <td>{counts.failed}</td>
      <td>{percent(retentionRate(counts))}</td>
    </tr>
  );
  const head = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t("passed")}</th>
        <th scope="col">{t("failed")}</th>
        <th scope="col">{t("rate")}</th>
      </tr>
    </thead>
  );
  const total = retention.total.passed + retention.total.failed;

  return (
    <ChartFigure
      id="retention"
      title={t("title")}
      summary={
        <>
          <p>{t("lead")}</p>
          <p>
            {total === 0
              ? t("noReviews")
              : t("summary", { rate: percent(retentionRate(retention.total)), count: total })}{" "}
            {t("target", { rate: percent(desiredRetention) })}
          </p>
          <table className={`${tableClass} max-w-md`} data-testid="stats-retention-summary">
            {head(t("cards"))}
            <tbody>
              {row(t("young"), retention.young, "retention-young")}
              {row(t("mature"), retention.mature, "retention-mature")}
              {row(t("total"), retention.total, "retention-total")}
            </tbody>
          </table>
        </>
      }
      controls={
        <nav aria-label={t("groupBy")} className="flex items-center gap-1 text-sm">
          <span className="mr-1 text-slate-600 dark:text-slate-400">{t("groupBy")}:</span>
          {retentionPeriods.map((p) => (
            <Link
              key={p}
              href={`?period=${p}`}
              scroll={false}
              aria-current={p === retention.period ? "page" : undefined}
              className="min-h-8 rounded-md px-3 py-1 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-indigo-600 aria-[current=page]:text-white dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-indigo-500"
            >
              {t(`periods.${p}`)}
            </Link>
          ))}
        </nav>
      }
      chart={chart}
      legend={legendMarkup({ color })}
      table={
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">{t("period")}</th>
              <th scope="col">{t("young")}</th>
              <th scope="col">{t("mature")}</th>
              <th scope="col">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {retention.buckets.toReversed().map((b) => (
              <tr key={b.start} data-start={b.start}>
                <td>{when(b.start)}</td>
                {[b.young, b.mature, b.total].map((c, i) => (
                  <td key={i}>
                    {percent(retentionRate(c))} ({c.passed}/{c.passed + c.failed})
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
