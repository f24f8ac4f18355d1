"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { revokeSessionAction, type SettingsFormState } from "@/app/(app)/settings/actions";
import { Button } from "./ui/button";

export type SessionItem = { id: string; userAgent: string; lastSeenAt: string; current: boolean };

/** Summarises a User-Agent string as "Browser on OS" without a parsing library. */
function describeDevice(userAgent: string): string | null {
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const os = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  if (!browser && !os) return null;
  return [browser, os].filter(Boolean).join(" · ");
}

export function SessionList({ sessions }: { sessions: SessionItem[] }) {
  const t = useTranslations("settings");
  const format = useFormatter();
  const [state, action, pending] = useActionState<SettingsFormState, FormData>(revokeSessionAction, {
    status: "idle",
  });
  return (
    <div className="flex flex-col gap-2">
      {state.status === "sessionNotFound" ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t("errors.sessionNotFound")}
        </p>
      ) : null}
      <ul className="flex flex-col gap-2">
        {sessions.map((s) => (
          <li
            key={s.id}
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900"
          >
            <div>
              <p className="font-medium">
                {describeDevice(s.userAgent) ?? t("unknownDevice")}
                {s.current ? (
                  <span className="ml-2 text-sm text-indigo-700 dark:text-indigo-300">
                    ({t("thisDevice")})
                  </span>
                ) : null}
              </p>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {t("lastSeen", {
                  date: format.dateTime(new Date(s.lastSeenAt), { dateStyle: "medium", timeStyle: "short" }),
                })}
              </p>
            </div>
            {s.current ? null : (
              <form action={action}>
                <input type="hidden" name="sessionId" value={s.id} />
                <Button type="submit" variant="secondary" disabled={pending}>
                  {t("revoke")}
                </Button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
