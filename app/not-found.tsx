import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
        {t("backHome")}
      </Link>
    </div>
  );
}
