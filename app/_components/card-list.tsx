import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CardListItem } from "@/lib/repo/deck";

export async function CardList({ cards }: { cards: CardListItem[] }) {
  const t = await getTranslations("library");
  return (
    <ul className="flex flex-col gap-2">
      {cards.map((card) => (
        <li key={card.id}>
          <Link
            href={`/cards/${card.id}`}
            className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-indigo-400 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-indigo-500"
          >
            <span className="mb-1 flex gap-2 text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">
              <span>{t(`types.${card.type as "basic"}`)}</span>
              <span aria-hidden="true">·</span>
              <span>{t(`difficulty.${String(card.difficulty) as "1"}`)}</span>
            </span>
            <span
              className="card-html line-clamp-3 block"
              dangerouslySetInnerHTML={{ __html: card.frontHtml }}
            />
          </Link>
        </li>
      ))}
    </ul>
  );
}
