import * as Plot from "@observablehq/plot";
import { getTranslations } from "next-intl/server";
import type { StateCounts } from "@/lib/stats";
import { figureClass } from "./chart-figure";
import { palette } from "./palette";
import { legendMarkup, plotMarkup } from "./plot-markup";

const stateKeys = ["new", "learning", "review", "relearning"] as const;

/** Live cards by state as tiles (the text alternative) over one stacked bar. */
export async function StateCountsChart({ counts }: { counts: StateCounts }) {
  const t = await getTranslations("stats.counts");
  const names = stateKeys.map((k) => t(k));
  const color = { type: "ordinal" as const, domain: names, range: stateKeys.map((k) => palette[k]) };
  const parts = stateKeys.map((k, i) => ({ name: names[i]!, count: counts[k] }));
  const chart = plotMarkup({
    width: 820,
    height: 50,
    marginLeft: 10,
    marginRight: 10,
    marginTop: 5,
    marginBottom: 5,
    x: { axis: null, domain: [0, Math.max(1, counts.total)] },
    color,
    marks: [Plot.barX(parts, { x: "count", fill: "name", order: names, insetRight: 1 })],
  });
  const tiles = [...stateKeys, "suspended", "buried"] as const;

  return (
    <figure aria-labelledby="counts-title" className={figureClass} data-testid="stats-counts">
      <figcaption className="flex flex-col gap-1">
        <h2 id="counts-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t("summary", { count: counts.total })}</p>
      </figcaption>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-6">
        {tiles.map((key) => (
          <div key={key} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
            <dt className="text-sm text-slate-600 dark:text-slate-400">{t(key)}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`stats-count-${key}`}>
              {counts[key]}
            </dd>
          </div>
        ))}
      </dl>
      <div
        aria-hidden="true"
        className="text-slate-700 dark:text-slate-300"
        dangerouslySetInnerHTML={{ __html: legendMarkup({ color }) }}
      />
      <div
        aria-hidden="true"
        className="text-slate-700 dark:text-slate-300"
        dangerouslySetInnerHTML={{ __html: chart }}
      />
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("note")}</p>
    </figure>
  );
}
