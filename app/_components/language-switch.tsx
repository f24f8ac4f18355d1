import { getLocale, getTranslations } from "next-intl/server";
import { switchLanguageAction } from "./preference-actions";

/** One button that flips ru ⇄ en; a plain form, so it works before hydration too. */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  const other = locale === "ru" ? "en" : "ru";
  return (
    <form action={switchLanguageAction}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={`${t("language")}: ${t("switchTo")}`}
        className="min-h-10 rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        {t("switchTo")}
      </button>
    </form>
  );
}
