"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "./_components/ui/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div role="alert" className="flex flex-col gap-3">
      <h1 className="text-2xl font-semibold">{t("serverErrorTitle")}</h1>
      <p>{t("serverErrorBody")}</p>
      <div className="flex gap-3">
        <Button onClick={reset}>{t("retry")}</Button>
        <Link href="/" className="self-center text-indigo-700 underline dark:text-indigo-300">
          {t("backHome")}
        </Link>
      </div>
    </div>
  );
}
