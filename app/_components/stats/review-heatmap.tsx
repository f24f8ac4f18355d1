import * as Plot from "@observablehq/plot";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReviewCalendar } from "@/lib/stats";
import { ChartFigure, dayDate, tableClass } from "./chart-figure";
import { palette } from "./palette";
import { legendMarkup, plotMarkup } from "./plot-markup";

const CELL = 15;

/** Colour steps for a day's count: at most four, spread over the busiest day's count. */
function heatScale(max: number) {
  const steps = [0.25, 0.5, 0.75].map((f) => 1 + Math.floor(max * f)).filter((t) => t > 1);
  const domain = steps.length > 0 ? [...new Set(steps)] : [2];
  return { type: "threshold" as const, domain, range: palette.heat.slice(0, domain.length + 1) };
}

/** A year of reviews per study day: weeks as columns, weekdays (Monday first) as rows. */
export async function ReviewHeatmap({ calendar }: { calendar: ReviewCalendar }) {
  const t = await getTranslations("stats.calendar");
  const ts = await getTranslations("stats");
  const format = await getFormatter();
  const weeks = (calendar.days[calendar.days.length - 1]?.week ?? 0) + 1;
  const active = calendar.days.filter((d) => d.count > 0);
  const color = { ...heatScale(Math.max(0, ...active.map((d) => d.count))), label: t("legend") };
  const monthStarts = calendar.days.filter((d) => d.day.endsWith("-01"));
  const monthOfWeek = new Map(
    monthStarts.map((d) => [d.week, format.dateTime(dayDate(d.day), { month: "short" })]),
  );
  // 2024-01-01 was a Monday: row r is that weekday's short name.
  const weekdayName = (r: number) => format.dateTime(dayDate(`2024-01-0${r + 1}`), { weekday: "short" });

  const chart = plotMarkup({
    width: weeks * CELL + 40,
    height: 7 * CELL + 30,
    marginLeft: 40,
    marginTop: 20,
    marginRight: 0,
    marginBottom: 10,
    padding: 0.15,
    x: { type: "band", domain: Array.from({ length: weeks }, (_, i) => i), axis: null },
    y: { type: "band", domain: [0, 1, 2, 3, 4, 5, 6], axis: null },
    color,
    marks: [
      Plot.cell(calendar.days, { x: "week", y: "weekday", fill: "currentColor", fillOpacity: 0.08, rx: 2 }),
      Plot.cell(active, {
        x: "week",
        y: "weekday",
        fill: "count",
        rx: 2,
        title: (d: (typeof active)[number]) =>
          t("cellTitle", { date: format.dateTime(dayDate(d.day), { dateStyle: "medium" }), count: d.count }),
      }),
      Plot.axisX({
        anchor: "top",
        ticks: [...monthOfWeek.keys()],
        tickFormat: (w: number) => monthOfWeek.get(w) ?? "",
        tickSize: 0,
        textAnchor: "start",
        label: null,
      }),
      Plot.axisY({
        ticks: [0, 2, 4],
        tickFormat: weekdayName,
        tickSize: 0,
        label: null,
      }),
    ],
  });
  const legend = legendMarkup({ color, width: 260, tickFormat: (v: number) => `${v}` });

  return (
    <ChartFigure
      id="calendar"
      title={t("title")}
      summary={
        <>
          <p>{t("summary", { total: calendar.total, days: calendar.activeDays })}</p>
          <p>
            <span data-testid="stats-today" data-count={calendar.today}>
              {t("today", { count: calendar.today })}
            </span>{" "}
            <span data-testid="stats-streak">{t("streak", { count: calendar.streak })}</span>
          </p>
        </>
      }
      chart={chart}
      legend={legend}
      table={
        <table className={tableClass}>
          <caption className="text-left text-slate-600 dark:text-slate-400">{t("tableNote")}</caption>
          <thead>
            <tr>
              <th scope="col">{ts("day")}</th>
              <th scope="col">{t("reviews")}</th>
            </tr>
          </thead>
          <tbody>
            {active.toReversed().map((d) => (
              <tr key={d.day} data-day={d.day}>
                <td>{format.dateTime(dayDate(d.day), { dateStyle: "medium" })}</td>
                <td>{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
