import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

/** A YYYY-MM-DD study day as a Date at UTC midnight (next-intl formats in UTC, so the date shows as is). */
export function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export const figureClass =
  "flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";
export const tableClass =
  "mt-2 w-full text-left text-sm tabular-nums [&_td]:py-0.5 [&_th]:py-0.5 [&_th]:pr-3 [&_td]:pr-3";

/**
 * One chart: a heading and summary as the figure's caption, the server-rendered
 * Plot markup (hidden from assistive technology), and the same numbers as a
 * table under a disclosure for screen readers, keyboard users and tests.
 */
export async function ChartFigure({
  id,
  title,
  summary,
  chart,
  legend,
  controls,
  table,
}: {
  id: string;
  title: string;
  summary?: ReactNode;
  /** SVG/HTML produced by Plot from our own data; Plot escapes every text it writes. */
  chart: string;
  legend?: string;
  controls?: ReactNode;
  table: ReactNode;
}) {
  const t = await getTranslations("stats");
  return (
    <figure aria-labelledby={`${id}-title`} className={figureClass} data-testid={`stats-${id}`}>
      <figcaption className="flex flex-col gap-1">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {summary ? <div className="text-sm text-slate-700 dark:text-slate-300">{summary}</div> : null}
      </figcaption>
      {controls}
      {legend ? (
        <div
          aria-hidden="true"
          className="text-slate-700 dark:text-slate-300"
          dangerouslySetInnerHTML={{ __html: legend }}
        />
      ) : null}
      <div
        aria-hidden="true"
        className="overflow-x-auto text-slate-700 dark:text-slate-300"
        dangerouslySetInnerHTML={{ __html: chart }}
      />
      <details className="text-sm">
        <summary className="cursor-pointer text-indigo-700 underline dark:text-indigo-300">
          {t("showData")}
        </summary>
        <div data-testid={`stats-${id}-table`}>{table}</div>
      </details>
    </figure>
  );
}
