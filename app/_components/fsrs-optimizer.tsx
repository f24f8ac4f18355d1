"use client";

import { useCallback, useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { FitStatus } from "@/lib/optimizer/fit-status";
import { isImprovement } from "@/lib/optimizer/policy";
import { Button } from "./ui/button";

/** FitStatus as it arrives over JSON (dates as strings). */
export type FitStatusJson = Omit<FitStatus, "job"> & {
  job:
    | (Omit<NonNullable<FitStatus["job"]>, "createdAt" | "updatedAt" | "heartbeatAt"> & {
        createdAt: string;
        updatedAt: string;
        heartbeatAt: string;
      })
    | null;
};

const POLL_MS = 1000;
type Notice = { kind: "status" | "alert"; text: string };

/** Settings section: fit FSRS parameters to the user's history, show the fit, apply it or go back to defaults. */
export function FsrsOptimizer({ initial }: { initial: FitStatusJson }) {
  const t = useTranslations("optimizer");
  const [status, setStatus] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const job = status.job;
  const active = job?.status === "queued" || job?.status === "running";

  const refresh = useCallback(async () => {
    const response = await fetch("/api/optimizer", { cache: "no-store" });
    if (response.ok) setStatus((await response.json()) as FitStatusJson);
  }, []);

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [active, refresh]);

  const post = async (url: string, body?: object) => {
    setBusy(true);
    setNotice(null);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: body ? { "Content-Type": "application/json" } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      const data = (await response.json().catch(() => ({}))) as { message?: string; rescheduled?: number };
      if (!response.ok) {
        setNotice({
          kind: "alert",
          text: t("requestFailed", { message: data.message ?? `HTTP ${response.status}` }),
        });
        return null;
      }
      return data;
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const optimize = () => void post("/api/optimizer");
  const apply = async (jobId: string) => {
    if (!window.confirm(t("applyConfirm"))) return;
    const result = await post("/api/optimizer/apply", { jobId });
    if (result) setNotice({ kind: "status", text: t("applied", { count: result.rescheduled ?? 0 }) });
  };
  const restoreDefaults = async () => {
    if (!window.confirm(t("useDefaultsConfirm"))) return;
    const result = await post("/api/optimizer/apply", { defaults: true });
    if (result)
      setNotice({ kind: "status", text: t("defaultsRestored", { count: result.rescheduled ?? 0 }) });
  };

  const enough = status.reviewCount >= status.minReviews;
  const percent = Math.round((job?.progress ?? 0) * 100);

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        {t("reviewCount", { count: status.reviewCount })}{" "}
        {status.params ? t("inUseCustom") : t("inUseDefault")}
      </p>
      {!enough ? (
        <p className="text-sm text-amber-700 dark:text-amber-400">
          {t("tooFew", { min: status.minReviews })}
        </p>
      ) : null}

      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={optimize} disabled={!enough || active || busy}>
          {job && !active ? t("optimizeAgain") : t("optimize")}
        </Button>
        {status.params ? (
          <Button
            type="button"
            variant="secondary"
            onClick={() => void restoreDefaults()}
            disabled={active || busy}
          >
            {t("useDefaults")}
          </Button>
        ) : null}
      </div>

      {active ? (
        <div className="flex flex-col gap-1">
          <div
            role="progressbar"
            aria-label={t("progressLabel")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
          >
            <div
              className="h-full bg-indigo-600 transition-[width] dark:bg-indigo-400"
              style={{ width: `${percent}%` }}
            />
          </div>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {job?.status === "queued" ? t("queued") : t("running", { percent })}
          </p>
        </div>
      ) : null}

      {job?.status === "failed" && job.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t(`failed.${job.error}`)}
        </p>
      ) : null}

      {(job?.status === "done" || job?.status === "applied") &&
      job.metrics &&
      job.paramsBefore &&
      job.paramsAfter ? (
        <FitResult
          metrics={job.metrics}
          before={job.paramsBefore}
          after={job.paramsAfter}
          footer={
            job.status === "applied" ? (
              <p className="text-sm">{t("alreadyApplied")}</p>
            ) : isImprovement(job.metrics) ? (
              <div className="flex flex-col items-start gap-2">
                <p className="text-sm">{t("improved")}</p>
                <Button type="button" onClick={() => void apply(job.id)} disabled={busy}>
                  {t("apply")}
                </Button>
              </div>
            ) : (
              <p className="text-sm">{t("notImproved")}</p>
            )
          }
        />
      ) : null}

      {notice ? (
        <p
          role={notice.kind}
          className={`text-sm ${notice.kind === "alert" ? "text-red-700 dark:text-red-400" : ""}`}
        >
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}

type Metrics = NonNullable<FitStatus["job"]>["metrics"] & object;

function FitResult(props: { metrics: Metrics; before: number[]; after: number[]; footer: ReactNode }) {
  const t = useTranslations("optimizer");
  const cell = "border-b border-slate-200 px-2 py-1 text-right tabular-nums dark:border-slate-700";
  const head = "border-b border-slate-300 px-2 py-1 text-right font-medium dark:border-slate-600";
  return (
    <section aria-labelledby="fit-result" className="flex flex-col gap-3">
      <h3 id="fit-result" className="font-semibold">
        {t("resultTitle")}
      </h3>
      <table className="w-fit text-sm">
        <thead>
          <tr>
            <th scope="col" className={`${head} text-left`}>
              {t("metric")}
            </th>
            <th scope="col" className={head}>
              {t("inUse")}
            </th>
            <th scope="col" className={head}>
              {t("fitted")}
            </th>
          </tr>
        </thead>
        <tbody>
          {(["logLoss", "rmseBins"] as const).map((key) => (
            <tr key={key}>
              <th scope="row" className={`${cell} text-left font-normal`}>
                {t(key === "logLoss" ? "logLoss" : "rmse")}
              </th>
              <td className={cell}>{props.metrics.before[key].toFixed(4)}</td>
              <td className={cell}>{props.metrics.after[key].toFixed(4)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("lowerIsBetter")}</p>
      <details className="text-sm">
        <summary className="cursor-pointer">{t("parameters")}</summary>
        <table className="mt-2 w-fit">
          <thead>
            <tr>
              <th scope="col" className={`${head} text-left`}>
                w
              </th>
              <th scope="col" className={head}>
                {t("inUse")}
              </th>
              <th scope="col" className={head}>
                {t("fitted")}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.after.map((value, i) => (
              <tr key={i}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  w{i}
                </th>
                <td className={cell}>{props.before[i]?.toFixed(4) ?? "—"}</td>
                <td className={cell}>{value.toFixed(4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {props.footer}
    </section>
  );
}
