import { getTranslations } from "next-intl/server";
import { PreferencesForm } from "@/app/_components/preferences-form";
import { AccountData } from "@/app/_components/account-data";
import { ChangePasswordForm, DeleteAccountForm } from "@/app/_components/account-security";
import { FsrsOptimizer, type FitStatusJson } from "@/app/_components/fsrs-optimizer";
import { SessionList } from "@/app/_components/session-list";
import { StudySettingsForm } from "@/app/_components/study-settings-form";
import { db } from "@/lib/db";
import { fitStatus } from "@/lib/optimizer/fit-status";
import { studyScope } from "@/lib/repo/study";
import { requireUser } from "@/lib/web/session";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const { session, repo } = await requireUser();
  const t = await getTranslations("settings");
  const ts = await getTranslations("study");
  const td = await getTranslations("data");
  const to = await getTranslations("optimizer");
  const ta = await getTranslations("account");
  const [prefs, sessions, study, optimizer] = await Promise.all([
    repo.preferences(),
    repo.sessions(session.id),
    studyScope(db(), session.userId).settings(),
    fitStatus({ db: db(), userId: session.userId, now: new Date() }),
  ]);
  return (
    <div className="flex max-w-2xl flex-col gap-10">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section aria-labelledby="prefs" className="flex flex-col gap-4">
        <h2 id="prefs" className="text-lg font-semibold">
          {t("preferencesTitle")}
        </h2>
        <PreferencesForm locale={prefs.locale} theme={prefs.theme} />
      </section>
      <section aria-labelledby="study" className="flex flex-col gap-3">
        <h2 id="study" className="text-lg font-semibold">
          {ts("title")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{ts("lead")}</p>
        <StudySettingsForm settings={study} timeZones={Intl.supportedValuesOf("timeZone")} />
      </section>
      <section aria-labelledby="optimizer" className="flex flex-col gap-3">
        <h2 id="optimizer" className="text-lg font-semibold">
          {to("title")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{to("lead")}</p>
        {/* Dates cross to the client component as JSON strings. */}
        <FsrsOptimizer initial={JSON.parse(JSON.stringify(optimizer)) as FitStatusJson} />
      </section>
      <section aria-labelledby="data" className="flex flex-col gap-3">
        <h2 id="data" className="text-lg font-semibold">
          {td("title")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{td("lead")}</p>
        <AccountData />
      </section>
      <section aria-labelledby="sessions" className="flex flex-col gap-3">
        <h2 id="sessions" className="text-lg font-semibold">
          {t("sessionsTitle")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("sessionsLead")}</p>
        <SessionList
          sessions={sessions.map((s) => ({
            id: s.id,
            userAgent: s.userAgent,
            lastSeenAt: s.lastSeenAt.toISOString(),
            current: s.current,
          }))}
        />
      </section>
      <section aria-labelledby="account" className="flex flex-col gap-6">
        <h2 id="account" className="text-lg font-semibold">
          {ta("title")}
        </h2>
        <section aria-labelledby="change-password" className="flex flex-col gap-3">
          <h3 id="change-password" className="font-semibold">
            {ta("changePasswordTitle")}
          </h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">{ta("changePasswordLead")}</p>
          <ChangePasswordForm />
        </section>
        <section aria-labelledby="delete-account" className="flex flex-col gap-3">
          <h3 id="delete-account" className="font-semibold">
            {ta("deleteTitle")}
          </h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">{ta("deleteLead")}</p>
          <DeleteAccountForm />
        </section>
      </section>
    </div>
  );
}
