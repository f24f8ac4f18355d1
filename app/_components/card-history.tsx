import { getFormatter, getTranslations } from "next-intl/server";
import type { StudyScope } from "@/lib/repo/study";
import { CardActions } from "./card-actions";

/** The signed-in user's full history with one card, its status, and its actions. */
export async function CardHistory({ cardId, study }: { cardId: string; study: StudyScope }) {
  const t = await getTranslations("cardHistory");
  const format = await getFormatter();
  const { logs, state } = await study.cardHistory(cardId);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section
      aria-labelledby="history"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="history" className="font-semibold">
        {t("title")}
      </h2>
      {state ? (
        <p className="flex flex-wrap gap-3 text-sm" data-testid="card-status">
          <span>{t("due", { when: when(state.due) })}</span>
          {state.suspended ? <strong>{t("suspended")}</strong> : null}
          {state.flagged ? <strong>{t("flagged")}</strong> : null}
          {state.buriedUntil && state.buriedUntil > new Date() ? (
            <span>{t("buried", { when: when(state.buriedUntil) })}</span>
          ) : null}
        </p>
      ) : null}
      {logs.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                {(["when", "rating", "state", "interval", "time"] as const).map((c) => (
                  <th
                    key={c}
                    scope="col"
                    className="border-b border-slate-200 py-1 pr-3 font-medium dark:border-slate-700"
                  >
                    {t(`columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {logs.map((log) => (
                <tr key={log.reviewedAt.toISOString()}>
                  <td className="py-1 pr-3">{when(log.reviewedAt)}</td>
                  <td className="py-1 pr-3">{t(`ratings.${String(log.rating) as "1"}`)}</td>
                  <td className="py-1 pr-3">{t(`states.${String(log.state) as "0"}`)}</td>
                  <td className="py-1 pr-3">{t("days", { count: log.scheduledDays })}</td>
                  <td className="py-1 pr-3 tabular-nums">{(log.durationMs / 1000).toFixed(1)} s</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CardActions cardId={cardId} suspended={state?.suspended ?? false} flagged={state?.flagged ?? false} />
    </section>
  );
}
