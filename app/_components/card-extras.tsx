import { useId } from "react";
import { useTranslations } from "next-intl";
import type { Source } from "@/lib/content";
import type { CardView } from "@/lib/repo/deck";

/**
 * What the answer side shows below the answer, on the card page and in review:
 * the card's live example slot and its sources. (No "use client": it renders
 * on the server for the card page and in the browser inside the review screen.)
 */
export function LiveExampleSlot({ example }: { example: CardView["example"] }) {
  const t = useTranslations("library");
  const id = useId();
  if (!example) return null;
  return (
    <section
      aria-labelledby={id}
      data-testid="live-example"
      className="rounded-lg border border-dashed border-slate-300 p-4 dark:border-slate-700"
    >
      <h2 id={id} className="font-semibold">
        {t("liveExample")}
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("liveExampleSoon", { id: example.id })}</p>
    </section>
  );
}

export function CardSources({ sources }: { sources: Source[] }) {
  const t = useTranslations("library");
  const id = useId();
  const seedSources = sources.filter((s): s is Extract<Source, { doc: unknown }> => "doc" in s);
  const links = sources.filter((s): s is Extract<Source, { url: unknown }> => "url" in s);
  if (sources.length === 0) return null;
  return (
    <section aria-labelledby={id} data-testid="card-sources" className="flex flex-col gap-2 text-sm">
      <h2 id={id} className="font-semibold">
        {t("sources")}
      </h2>
      <ul className="list-disc pl-5">
        {seedSources.map((s) => (
          <li key={`${s.doc}-${s.section}`}>
            {t(`docs.${s.doc}`)}: {s.section}
          </li>
        ))}
      </ul>
      {links.length > 0 ? (
        <>
          <h3 className="font-semibold">{t("studyLinks")}</h3>
          <ul className="list-disc pl-5">
            {links.map((s) => (
              <li key={s.url}>
                <a
                  href={s.url}
                  rel="noopener noreferrer"
                  target="_blank"
                  className="text-indigo-700 underline dark:text-indigo-300"
                >
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
