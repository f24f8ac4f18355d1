import { getTranslations } from "next-intl/server";
import { ReviewSession } from "@/app/_components/review-session";
import { db } from "@/lib/db";
import { nextCards } from "@/lib/review/next-cards";
import { requireUser } from "@/lib/web/session";

export async function generateMetadata() {
  const t = await getTranslations("review");
  return { title: t("title") };
}

export default async function ReviewPage() {
  const { session } = await requireUser();
  const t = await getTranslations("review");
  const first = await nextCards({
    db: db(),
    userId: session.userId,
    now: new Date(),
    locale: session.locale,
    count: 2,
  });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ReviewSession initial={{ ...first, nextDue: first.nextDue?.toISOString() ?? null }} />
    </div>
  );
}
