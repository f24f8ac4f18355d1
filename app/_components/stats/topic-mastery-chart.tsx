import * as Plot from "@observablehq/plot";
import { getFormatter, getTranslations } from "next-intl/server";
import type { MasteryReport } from "@/lib/stats";
import { ChartFigure, tableClass } from "./chart-figure";
import { palette } from "./palette";
import { plotMarkup } from "./plot-markup";

const ROW = 26;

/**
 * Per-topic mastery in content order: the pale bar is the studied share, the
 * solid bar the mean recall over all the topic's cards; the weakest started
 * topic is drawn in the warning colour and named in the caption.
 */
export async function TopicMasteryChart({ mastery }: { mastery: MasteryReport }) {
  const t = await getTranslations("stats.mastery");
  const format = await getFormatter();
  const percent = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 0 });
  const rows = mastery.topics.map((topic) => ({
    ...topic,
    masteryPct: topic.mastery * 100,
    coveragePct: topic.coverage * 100,
    weakest: topic.id === mastery.weakest,
  }));
  const titleOf = new Map(rows.map((r) => [r.id, r.title]));
  const weakest = rows.find((r) => r.weakest);

  const chart = plotMarkup({
    width: 820,
    height: rows.length * ROW + 50,
    marginBottom: 40,
    marginLeft: 240,
    marginRight: 40,
    x: { domain: [0, 100], grid: true, label: t("axis") },
    y: { type: "band", domain: rows.map((r) => r.id), axis: null, padding: 0.25 },
    marks: [
      Plot.barX(rows, { y: "id", x: "coveragePct", fill: "currentColor", fillOpacity: 0.12 }),
      Plot.barX(rows, {
        y: "id",
        x: "masteryPct",
        fill: (r: (typeof rows)[number]) => (r.weakest ? palette.weakest : palette.mastery),
      }),
      Plot.text(rows, {
        y: "id",
        x: "masteryPct",
        text: (r: (typeof rows)[number]) => percent(r.mastery),
        textAnchor: "start",
        dx: 4,
        fill: "currentColor",
      }),
      Plot.axisY({
        tickFormat: (id: string) => titleOf.get(id) ?? id,
        tickSize: 0,
        label: null,
        textOverflow: "ellipsis",
        lineWidth: 14,
      }),
      Plot.ruleX([0]),
    ],
  });

  return (
    <ChartFigure
      id="mastery"
      title={t("title")}
      summary={
        <>
          <p>{t("lead")}</p>
          <p className="font-medium" data-testid="stats-weakest">
            {weakest
              ? t("weakest", { topic: weakest.title, mastery: percent(weakest.mastery) })
              : t("noneStarted")}
          </p>
        </>
      }
      chart={chart}
      table={
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">{t("topic")}</th>
              <th scope="col">{t("mastery")}</th>
              <th scope="col">{t("coverage")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-topic={r.id}>
                <th scope="row" className="font-normal">
                  {r.title}
                </th>
                <td>{percent(r.mastery)}</td>
                <td>{t("studiedOf", { studied: r.studied, cards: r.cards })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
