import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(auth)/actions";
import { currentSession } from "@/lib/web/session";
import { LanguageSwitch } from "./language-switch";

const linkClass =
  "min-h-10 rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const ts = await getTranslations("stats");
  const session = await currentSession();
  return (
    <header className="border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-900/90">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <Link
          href={session ? "/home" : "/"}
          className="text-lg font-bold tracking-tight text-indigo-700 dark:text-indigo-300"
        >
          {t("brand")}
        </Link>
        <nav aria-label={t("main")} className="flex flex-wrap items-center gap-1">
          <Link href="/topics" className={linkClass}>
            {t("topics")}
          </Link>
          {session ? (
            <>
              <Link href="/home" className={linkClass}>
                {t("home")}
              </Link>
              <Link href="/review" className={linkClass}>
                {t("review")}
              </Link>
              <Link href="/stats" className={linkClass}>
                {ts("nav")}
              </Link>
              <Link href="/settings" className={linkClass}>
                {t("settings")}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className={linkClass}>
                  {t("signOut")}
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/signin" className={linkClass}>
                {t("signIn")}
              </Link>
              <Link href="/signup" className={linkClass}>
                {t("signUp")}
              </Link>
            </>
          )}
          <LanguageSwitch />
        </nav>
      </div>
    </header>
  );
}
