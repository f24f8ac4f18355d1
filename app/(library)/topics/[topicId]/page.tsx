import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CardList } from "@/app/_components/card-list";
import { SearchForm } from "@/app/_components/search-form";
import { db } from "@/lib/db";
import { Button, buttonClass } from "@/app/_components/ui/button";
import { findTopic, listCards } from "@/lib/repo/deck";
import { studyScope } from "@/lib/repo/study";
import { currentSession } from "@/lib/web/session";
import { setTopicPausedAction } from "../actions";
import { searchQuery } from "@/lib/web/search-params";

type Props = {
  params: Promise<{ topicId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const topic = await findTopic(db(), (await params).topicId, await getLocale());
  return { title: topic?.title };
}

export default async function TopicPage({ params, searchParams }: Props) {
  const { topicId } = await params;
  const locale = await getLocale();
  const t = await getTranslations("library");
  const topic = await findTopic(db(), topicId, locale);
  if (!topic) notFound();
  const query = searchQuery(await searchParams);
  const cards = await listCards(db(), { topicId, query, locale });
  const session = await currentSession();
  const paused = session ? (await studyScope(db(), session.userId).pausedTopics()).has(topicId) : false;

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/topics" className="text-indigo-700 underline dark:text-indigo-300">
          {t("allTopics")}
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold">{topic.title}</h1>
        <p className="text-slate-700 dark:text-slate-300">{topic.description}</p>
      </div>
      {session ? (
        <form action={setTopicPausedAction} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="topicId" value={topic.id} />
          <input type="hidden" name="paused" value={paused ? "false" : "true"} />
          <Link
            href={`/review?mode=cram&topic=${encodeURIComponent(topic.id)}`}
            className={buttonClass("primary")}
          >
            {t("cram")}
          </Link>
          <Button type="submit" variant="secondary">
            {paused ? t("resume") : t("pause")}
          </Button>
          {paused ? (
            <p role="status" className="text-sm" data-testid="topic-paused">
              {t("paused")}
            </p>
          ) : null}
        </form>
      ) : null}
      <SearchForm action={`/topics/${topic.id}`} query={query} />
      <p aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
        {query ? t("results", { count: cards.length, query }) : t("cardCount", { count: cards.length })}
      </p>
      <CardList cards={cards} />
    </div>
  );
}
