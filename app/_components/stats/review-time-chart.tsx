import * as Plot from "@observablehq/plot";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReviewTime } from "@/lib/stats";
import { ChartFigure, dayDate, tableClass } from "./chart-figure";
import { palette } from "./palette";
import { plotMarkup } from "./plot-markup";

/** Minutes spent answering per study day over the last 30 days. */
export async function ReviewTimeChart({ time }: { time: ReviewTime }) {
  const t = await getTranslations("stats.time");
  const ts = await getTranslations("stats");
  const format = await getFormatter();
  const label = (day: string) => format.dateTime(dayDate(day), { day: "numeric", month: "short" });
  const minutes = (ms: number) => format.number(ms / 60_000, { maximumFractionDigits: 1 });
  const duration = (ms: number) =>
    ms < 60_000
      ? t("seconds", { n: format.number(ms / 1000, { maximumFractionDigits: 0 }) })
      : t("minutesShort", { n: minutes(ms) });
  const bars = time.days.map((d, i) => ({ i, minutes: d.ms / 60_000 }));
  const last = time.days.length - 1;

  const chart = plotMarkup({
    width: 820,
    height: 200,
    marginLeft: 50,
    x: {
      type: "band",
      domain: bars.map((b) => b.i),
      ticks: bars.map((b) => b.i).filter((i) => (last - i) % 7 === 0),
      tickFormat: (i: number) => label(time.days[i]!.day),
      label: null,
    },
    y: { grid: true, label: t("axis"), nice: true, domain: time.totalMs === 0 ? [0, 1] : undefined },
    marks: [Plot.barY(bars, { x: "i", y: "minutes", fill: palette.time }), Plot.ruleY([0])],
  });

  return (
    <ChartFigure
      id="time"
      title={t("title")}
      summary={
        <p data-testid="stats-time-summary" data-total-ms={time.totalMs}>
          {time.reviews === 0
            ? t("noReviews")
            : t("summary", {
                duration: duration(time.totalMs),
                reviews: time.reviews,
                seconds: format.number((time.averageMs ?? 0) / 1000, { maximumFractionDigits: 1 }),
              })}
        </p>
      }
      chart={chart}
      table={
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">{ts("day")}</th>
              <th scope="col">{t("minutes")}</th>
              <th scope="col">{t("reviews")}</th>
            </tr>
          </thead>
          <tbody>
            {time.days
              .filter((d) => d.reviews > 0)
              .toReversed()
              .map((d) => (
                <tr key={d.day} data-day={d.day}>
                  <td>{label(d.day)}</td>
                  <td>{minutes(d.ms)}</td>
                  <td>{d.reviews}</td>
                </tr>
              ))}
          </tbody>
        </table>
      }
    />
  );
}
