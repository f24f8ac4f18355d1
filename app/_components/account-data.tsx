"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "./ui/button";

/** Export links and the restore-from-file control of the settings page. */
export function AccountData() {
  const t = useTranslations("data");
  const [message, setMessage] = useState<string | null>(null);

  const restore = async (file: File) => {
    if (!window.confirm(t("importConfirm"))) return;
    const response = await fetch("/api/import", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: await file.text(),
    });
    const body = (await response.json().catch(() => ({}))) as {
      message?: string;
      cardStates?: number;
      reviewLogs?: number;
    };
    setMessage(
      response.ok
        ? t("imported", { cardStates: body.cardStates ?? 0, reviewLogs: body.reviewLogs ?? 0 })
        : t("importFailed", { message: body.message ?? `HTTP ${response.status}` }),
    );
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <a href="/api/export?format=json" className={buttonClass("secondary")} download>
          {t("exportJson")}
        </a>
        <a href="/api/export?format=csv" className={buttonClass("secondary")} download>
          {t("exportCsv")}
        </a>
      </div>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("importLabel")}
        <input
          type="file"
          accept="application/json,.json"
          className="text-sm"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void restore(file);
            event.target.value = "";
          }}
        />
      </label>
      {message ? (
        <p role="status" className="text-sm">
          {message}
        </p>
      ) : null}
    </div>
  );
}
