import * as Plot from "@observablehq/plot";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ForecastDay } from "@/lib/stats";
import { ChartFigure, dayDate, tableClass } from "./chart-figure";
import { palette } from "./palette";
import { legendMarkup, plotMarkup } from "./plot-markup";

/** Cards due per study day over the next 30 days, learning and review stacked. */
export async function DueForecastChart({ forecast }: { forecast: ForecastDay[] }) {
  const t = await getTranslations("stats.forecast");
  const ts = await getTranslations("stats");
  const format = await getFormatter();
  const label = (day: string) => format.dateTime(dayDate(day), { day: "numeric", month: "short" });
  const kinds = [t("learning"), t("review")];
  const color = { type: "ordinal" as const, domain: kinds, range: [palette.learning, palette.review] };
  const bars = forecast.flatMap((d, i) => [
    { i, kind: kinds[0]!, count: d.learning },
    { i, kind: kinds[1]!, count: d.review },
  ]);
  const total = forecast.reduce((sum, d) => sum + d.learning + d.review, 0);
  const today = forecast[0] ? forecast[0].learning + forecast[0].review : 0;
  const busiest = Math.max(0, ...forecast.map((d) => d.learning + d.review));

  const chart = plotMarkup({
    width: 820,
    height: 220,
    marginLeft: 40,
    x: {
      type: "band",
      domain: forecast.map((_, i) => i),
      ticks: forecast.map((_, i) => i).filter((i) => i % 7 === 0),
      tickFormat: (i: number) => label(forecast[i]!.day),
      label: null,
    },
    // Whole cards only: no more ticks than the busiest day has cards.
    y: {
      grid: true,
      label: t("cards"),
      ticks: Math.min(5, Math.max(1, busiest)),
      tickFormat: "d",
      nice: true,
    },
    color,
    marks: [Plot.barY(bars, { x: "i", y: "count", fill: "kind", order: kinds }), Plot.ruleY([0])],
  });

  return (
    <ChartFigure
      id="forecast"
      title={t("title")}
      summary={<p>{t("summary", { total, today })}</p>}
      chart={chart}
      legend={legendMarkup({ color })}
      table={
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">{ts("day")}</th>
              <th scope="col">{t("learning")}</th>
              <th scope="col">{t("review")}</th>
              <th scope="col">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {forecast.map((d) => (
              <tr key={d.day} data-day={d.day}>
                <td>{label(d.day)}</td>
                <td>{d.learning}</td>
                <td>{d.review}</td>
                <td>{d.learning + d.review}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
