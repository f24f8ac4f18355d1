"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./ui/button";

type Props = { cardId: string; suspended: boolean; flagged: boolean };

/** Suspend / bury / flag / reset buttons for the signed-in user's copy of a card. */
export function CardActions({ cardId, suspended, flagged }: Props) {
  const t = useTranslations("cardHistory");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const run = (action: string) =>
    startTransition(async () => {
      if (action === "reset" && !window.confirm(t("resetConfirm"))) return;
      const response = await fetch(`/api/cards/${cardId}/actions`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ action }),
      });
      if (!response.ok)
        setError(
          ((await response.json().catch(() => ({}))) as { message?: string }).message ??
            `HTTP ${response.status}`,
        );
      else setError(null);
      router.refresh();
    });

  const actions = [
    suspended ? "unsuspend" : "suspend",
    "bury",
    flagged ? "unflag" : "flag",
    "reset",
  ] as const;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {actions.map((action) => (
          <Button key={action} variant="secondary" disabled={pending} onClick={() => run(action)}>
            {t(`actions.${action}`)}
          </Button>
        ))}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
