import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "./_components/ui/button";
import { currentSession } from "@/lib/web/session";

export default async function LandingPage() {
  if (await currentSession()) redirect("/home");
  const t = await getTranslations("landing");
  const features = [
    ["featureSrsTitle", "featureSrsBody"],
    ["featureAnswersTitle", "featureAnswersBody"],
    ["featureLiveTitle", "featureLiveBody"],
  ] as const;
  return (
    <div className="flex flex-col gap-12">
      <section className="flex flex-col gap-6 pt-6">
        <h1 className="max-w-3xl text-3xl font-bold tracking-tight sm:text-4xl">{t("headline")}</h1>
        <p className="max-w-3xl text-lg text-slate-700 dark:text-slate-300">{t("lead")}</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/signup" className={buttonClass("primary")}>
            {t("ctaSignUp")}
          </Link>
          <Link href="/signin" className={buttonClass("secondary")}>
            {t("ctaSignIn")}
          </Link>
        </div>
      </section>
      <section aria-labelledby="features">
        <h2 id="features" className="mb-4 text-xl font-semibold">
          {t("featuresTitle")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          {features.map(([title, body]) => (
            <li
              key={title}
              className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
            >
              <h3 className="mb-2 font-semibold">{t(title)}</h3>
              <p className="text-sm text-slate-700 dark:text-slate-300">{t(body)}</p>
            </li>
          ))}
        </ul>
        <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">{t("languagesNote")}</p>
      </section>
    </div>
  );
}
