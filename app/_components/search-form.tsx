import { getTranslations } from "next-intl/server";
import { Button } from "./ui/button";

/** A plain GET form: works without JavaScript and the URL can be shared. */
export async function SearchForm({ action, query }: { action: string; query: string }) {
  const t = await getTranslations("library");
  return (
    <form action={action} method="get" role="search" className="flex flex-wrap items-end gap-2">
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <label htmlFor="q" className="text-sm font-medium">
          {t("searchLabel")}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query}
          placeholder={t("searchPlaceholder")}
          maxLength={200}
          className="min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
        />
      </div>
      <Button type="submit">{t("searchButton")}</Button>
    </form>
  );
}
