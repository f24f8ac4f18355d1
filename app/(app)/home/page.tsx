import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/app/_components/ui/button";
import { db } from "@/lib/db";
import { LEECH_LAPSES, studyScope } from "@/lib/repo/study";
import { dueNowCount } from "@/lib/review/due-now";
import { studyDayStart } from "@/lib/srs/day-start";
import { requireUser } from "@/lib/web/session";

export async function generateMetadata() {
  const t = await getTranslations("home");
  return { title: t("title") };
}

export default async function HomePage() {
  const { session, repo } = await requireUser();
  const t = await getTranslations("home");
  const now = new Date();
  const { timeZone, dayStartHour } = await repo.dayBoundary();
  const [base, dueNow] = await Promise.all([
    repo.studyCounts(studyDayStart(now, timeZone, dayStartHour)),
    dueNowCount({ db: db(), userId: session.userId, now }),
  ]);
  const counts = { ...base, dueNow };
  const leeches = await studyScope(db(), session.userId).leeches(LEECH_LAPSES);
  const th = await getTranslations("cardHistory");
  const ts = await getTranslations("stats");
  const tiles = [
    ["topics", counts.topics],
    ["cards", counts.cards],
    ["newCards", counts.newCards],
    ["dueNow", counts.dueNow],
    ["reviewedToday", counts.reviewedToday],
  ] as const;

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600 wrap-anywhere dark:text-slate-400">
          {t("greeting", { email: session.email })}
        </p>
      </div>

      <section aria-labelledby="counts">
        <h2 id="counts" className="mb-3 text-lg font-semibold">
          {t("countsTitle")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {tiles.map(([key, value]) => (
            <div
              key={key}
              className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
            >
              <dt className="text-sm text-slate-600 dark:text-slate-400">{t(key)}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-testid={`count-${key}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        {counts.cards === 0 ? (
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">{t("emptyDeck")}</p>
        ) : null}
        <Link
          href="/stats"
          className="mt-3 inline-block text-sm text-indigo-700 underline dark:text-indigo-300"
        >
          {ts("homeLink")}
        </Link>
      </section>

      <section
        aria-labelledby="review"
        className="rounded-lg border border-indigo-200 bg-indigo-50 p-5 dark:border-indigo-900 dark:bg-indigo-950"
      >
        <h2 id="review" className="mb-2 text-lg font-semibold">
          {t("reviewTitle")}
        </h2>
        <p className="mb-2 text-slate-800 dark:text-slate-200">{t("reviewBody")}</p>
        <p className="font-medium">{t("reviewDue", { count: counts.dueNow })}</p>
        <div className="mt-3 flex flex-wrap gap-2">
          <Link href="/review" className={buttonClass("primary")}>
            {t("startReview")}
          </Link>
          <Link href="/review/custom" className={buttonClass("secondary")}>
            {t("customStudy")}
          </Link>
        </div>
      </section>
      {leeches.length > 0 ? (
        <section aria-labelledby="leeches" className="flex flex-col gap-2">
          <h2 id="leeches" className="text-lg font-semibold">
            {th("leechesTitle")}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {th("leechesLead", { count: LEECH_LAPSES })}
          </p>
          <ul className="list-disc pl-5">
            {leeches.map((l) => (
              <li key={l.cardId}>
                <Link href={`/cards/${l.cardId}`} className="text-indigo-700 underline dark:text-indigo-300">
                  {l.cardId}
                </Link>{" "}
                — {th("lapses", { count: l.lapses })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
