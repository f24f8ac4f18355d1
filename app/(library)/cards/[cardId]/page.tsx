import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CardSources, LiveExampleSlot } from "@/app/_components/card-extras";
import { CardHistory } from "@/app/_components/card-history";
import { CardStudy } from "@/app/_components/card-study";
import { db } from "@/lib/db";
import { findCard } from "@/lib/repo/deck";
import { studyScope } from "@/lib/repo/study";
import { isLocale, type Locale } from "@/lib/settings/preferences";
import { currentSession } from "@/lib/web/session";

type Props = {
  params: Promise<{ cardId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Card content language: the UI language unless ?lang= asks for the other one. */
async function contentLocale(searchParams: Props["searchParams"]): Promise<Locale> {
  const requested = (await searchParams).lang;
  return isLocale(requested) ? requested : await getLocale();
}

export async function generateMetadata({ params, searchParams }: Props) {
  const card = await findCard(db(), (await params).cardId, await contentLocale(searchParams));
  return { title: card ? `${card.topicTitle}: ${card.id}` : undefined };
}

export default async function CardPage({ params, searchParams }: Props) {
  const { cardId } = await params;
  const locale = await contentLocale(searchParams);
  const t = await getTranslations("library");
  const card = await findCard(db(), cardId, locale);
  if (!card) notFound();
  const session = await currentSession();
  const other: Locale = locale === "ru" ? "en" : "ru";

  return (
    <article lang={locale} className="flex max-w-3xl flex-col gap-6">
      <nav aria-label="breadcrumb" className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <Link href={`/topics/${card.topicId}`} className="text-indigo-700 underline dark:text-indigo-300">
          {card.topicTitle}
        </Link>
        <Link
          href={`/cards/${card.id}?lang=${other}`}
          lang={other}
          className="text-indigo-700 underline dark:text-indigo-300"
        >
          {t("readIn", { language: other === "ru" ? "Русский" : "English" })}
        </Link>
      </nav>
      <p className="flex gap-2 text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">
        <span>{t(`types.${card.type}`)}</span>
        <span aria-hidden="true">·</span>
        <span>{t(`difficulty.${String(card.difficulty) as "1"}`)}</span>
      </p>

      <CardStudy
        key={`${card.id}-${locale}`}
        type={card.type}
        frontHtml={card.frontHtml}
        backHtml={card.backHtml}
        revealedHtml={card.revealedHtml}
        options={card.options}
        numeric={card.numeric}
      />

      <LiveExampleSlot example={card.example} />
      <CardSources sources={card.sources} />

      {session ? <CardHistory cardId={card.id} study={studyScope(db(), session.userId)} /> : null}

      {card.related.length > 0 ? (
        <section aria-labelledby="related" className="flex flex-col gap-2">
          <h2 id="related" className="font-semibold">
            {t("related")}
          </h2>
          <ul className="flex flex-col gap-2">
            {card.related.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/cards/${r.id}`}
                  className="card-html block rounded-md border border-slate-200 p-3 hover:border-indigo-400 dark:border-slate-800"
                  dangerouslySetInnerHTML={{ __html: r.frontHtml }}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
