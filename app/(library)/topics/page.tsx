import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionErrorNotice } from "@/app/_components/action-error-notice";
import { CardList } from "@/app/_components/card-list";
import { SearchForm } from "@/app/_components/search-form";
import { db } from "@/lib/db";
import { listCards, listTopics } from "@/lib/repo/deck";
import { searchQuery } from "@/lib/web/search-params";

export async function generateMetadata() {
  const t = await getTranslations("library");
  return { title: t("title") };
}

export default async function TopicsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await getLocale();
  const t = await getTranslations("library");
  const params = await searchParams;
  const query = searchQuery(params);
  const [topics, results] = await Promise.all([
    listTopics(db(), locale),
    query ? listCards(db(), { query, locale, limit: 100 }) : Promise.resolve(null),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <ActionErrorNotice searchParams={params} />
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700 dark:text-slate-300">{t("lead")}</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {t("ankiExport")}{" "}
          <a
            href="/api/deck/anki?lang=ru"
            download
            className="text-indigo-700 underline dark:text-indigo-300"
          >
            Русский
          </a>
          {" · "}
          <a
            href="/api/deck/anki?lang=en"
            download
            className="text-indigo-700 underline dark:text-indigo-300"
          >
            English
          </a>
        </p>
      </div>
      <SearchForm action="/topics" query={query} />
      {results ? (
        <section aria-live="polite" className="flex flex-col gap-3">
          <p>{t("results", { count: results.length, query })}</p>
          <CardList cards={results} />
        </section>
      ) : topics.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {topics.map((topic) => (
            <li key={topic.id}>
              <Link
                href={`/topics/${topic.id}`}
                className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-indigo-400 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-indigo-500"
              >
                <span className="block font-semibold">{topic.title}</span>
                <span className="block text-sm text-slate-700 dark:text-slate-300">{topic.description}</span>
                <span className="mt-2 block text-sm text-slate-600 dark:text-slate-400">
                  {t("cardCount", { count: topic.cardCount })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
