import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionErrorNotice } from "@/app/_components/action-error-notice";
import { Button } from "@/app/_components/ui/button";
import { db } from "@/lib/db";
import { listTags, listTopics } from "@/lib/repo/deck";
import { studyScope } from "@/lib/repo/study";
import { nextCards } from "@/lib/review/next-cards";
import { requireUser } from "@/lib/web/session";
import { setStudyTagsAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("customStudy");
  return { title: t("title") };
}

const fieldClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900";
const panelClass =
  "flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";

/** Custom study: cram a topic or tag, study ahead, review what was forgotten today; and which tags are in study. */
export default async function CustomStudyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { session } = await requireUser();
  const t = await getTranslations("customStudy");
  const locale = await getLocale();
  const now = new Date();
  const count = (custom: Parameters<typeof nextCards>[0]["custom"]) =>
    nextCards({ db: db(), userId: session.userId, now, locale, count: 0, custom }).then(
      (r) => r.counts.new + r.counts.learning + r.counts.review,
    );
  const [topics, tags, paused, forgotten, ahead] = await Promise.all([
    listTopics(db(), locale),
    listTags(db()),
    studyScope(db(), session.userId).pausedTags(),
    count({ mode: "forgotten" }),
    count({ mode: "ahead", days: 3 }),
  ]);
  const pausedSet = new Set(paused);

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <ActionErrorNotice searchParams={await searchParams} />
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700 dark:text-slate-300">{t("lead")}</p>
      </div>

      <CramForm
        id="cram-topic"
        title={t("cramTopicTitle")}
        lead={t("cramLead")}
        field="topic"
        label={t("topic")}
        options={topics.map((topic) => ({ value: topic.id, text: `${topic.title} (${topic.cardCount})` }))}
      />
      <CramForm
        id="cram-tag"
        title={t("cramTagTitle")}
        field="tag"
        label={t("tag")}
        options={tags.map(({ tag, count }) => ({ value: tag, text: `#${tag} (${count})` }))}
      />

      <form action="/review" method="get" className={panelClass} aria-labelledby="ahead">
        <h2 id="ahead" className="text-lg font-semibold">
          {t("aheadTitle")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("aheadLead", { count: ahead })}</p>
        <input type="hidden" name="mode" value="ahead" />
        <label className="flex flex-col gap-1 text-sm">
          {t("days")}
          <input
            type="number"
            name="days"
            min={1}
            max={30}
            defaultValue={3}
            className={fieldClass + " w-24"}
          />
        </label>
        <Button type="submit" className="self-start">
          {t("start")}
        </Button>
      </form>

      <form action="/review" method="get" className={panelClass} aria-labelledby="forgotten">
        <h2 id="forgotten" className="text-lg font-semibold">
          {t("forgottenTitle")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("forgottenLead", { count: forgotten })}
        </p>
        <input type="hidden" name="mode" value="forgotten" />
        <Button type="submit" className="self-start" disabled={forgotten === 0}>
          {t("start")}
        </Button>
      </form>

      <form action={setStudyTagsAction} className={panelClass} aria-labelledby="tags">
        <h2 id="tags" className="text-lg font-semibold">
          {t("tagsTitle")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("tagsLead", { paused: paused.length })}
        </p>
        <fieldset className="flex max-h-64 flex-wrap gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm dark:border-slate-800">
          <legend className="sr-only">{t("tagsTitle")}</legend>
          {tags.map(({ tag, count }) => (
            <label key={tag} className="flex items-center gap-1.5">
              <input type="hidden" name="tag" value={tag} />
              <input type="checkbox" name="inStudy" value={tag} defaultChecked={!pausedSet.has(tag)} />#{tag}{" "}
              <span className="text-slate-500">({count})</span>
            </label>
          ))}
        </fieldset>
        <Button type="submit" variant="secondary" className="self-start">
          {t("saveTags")}
        </Button>
      </form>
    </div>
  );
}

/** A cram session over one topic or one tag: a GET form that opens /review with its parameters. */
function CramForm(props: {
  id: string;
  title: string;
  lead?: string;
  field: "topic" | "tag";
  label: string;
  options: { value: string; text: string }[];
}) {
  const t = useTranslations("customStudy");
  return (
    <form action="/review" method="get" className={panelClass} aria-labelledby={props.id}>
      <h2 id={props.id} className="text-lg font-semibold">
        {props.title}
      </h2>
      {props.lead ? <p className="text-sm text-slate-600 dark:text-slate-400">{props.lead}</p> : null}
      <input type="hidden" name="mode" value="cram" />
      <label className="flex flex-col gap-1 text-sm">
        {props.label}
        <select name={props.field} className={fieldClass} required>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.text}
            </option>
          ))}
        </select>
      </label>
      <RescheduleChoice label={t("reschedule")} hint={t("rescheduleHint")} />
      <Button type="submit" className="self-start">
        {t("start")}
      </Button>
    </form>
  );
}

function RescheduleChoice({ label, hint }: { label: string; hint: string }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" name="reschedule" value="1" className="mt-1" />
      <span>
        {label}
        <span className="block text-slate-600 dark:text-slate-400">{hint}</span>
      </span>
    </label>
  );
}
