import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import { ReviewSession } from "@/app/_components/review-session";
import { buttonClass } from "@/app/_components/ui/button";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { listTopics } from "@/lib/repo/deck";
import { nextCards } from "@/lib/review/next-cards";
import { customStudyParams, parseCustomStudy, type CustomStudy } from "@/lib/srs/custom-study";
import { toSearchParams } from "@/lib/web/search-params";
import { requireUser } from "@/lib/web/session";

export async function generateMetadata() {
  const t = await getTranslations("review");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const { session } = await requireUser();
  const t = await getTranslations("review");
  let custom: CustomStudy | null;
  try {
    custom = parseCustomStudy(toSearchParams(await searchParams));
  } catch (error) {
    if (error instanceof ZodError) return <InvalidSession />;
    throw error;
  }
  const first = await nextCards({
    db: db(),
    userId: session.userId,
    now: new Date(),
    locale: session.locale,
    count: 2,
    custom,
  }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!first) return <InvalidSession />;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{custom ? await customTitle(custom) : t("title")}</h1>
      <ReviewSession
        initial={{ ...first, nextDue: first.nextDue?.toISOString() ?? null }}
        custom={
          custom
            ? {
                query: customStudyParams(custom).toString(),
                reschedule: custom.mode !== "cram" || custom.reschedule,
              }
            : null
        }
      />
    </div>
  );
}

async function customTitle(custom: CustomStudy): Promise<string> {
  const t = await getTranslations("customStudy");
  if (custom.mode === "ahead") return t("titles.ahead", { days: custom.days });
  if (custom.mode === "forgotten") return t("titles.forgotten");
  let subject = custom.tag ? `#${custom.tag}` : custom.topic!;
  if (custom.topic) {
    const topics = await listTopics(db(), await getLocale());
    subject = topics.find((topic) => topic.id === custom.topic)?.title ?? subject;
  }
  return t(custom.reschedule ? "titles.cram" : "titles.practice", { subject });
}

async function InvalidSession() {
  const t = await getTranslations("customStudy");
  return (
    <div className="flex flex-col gap-3" role="alert">
      <h1 className="text-2xl font-semibold">{t("invalidTitle")}</h1>
      <p>{t("invalidLead")}</p>
      <Link href="/review/custom" className={buttonClass("secondary") + " self-start"}>
        {t("title")}
      </Link>
    </div>
  );
}
