"use client";

import Link from "next/link";
import { useLayoutEffect, useSyncExternalStore } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { isBusy, keyToAction, sessionProgress, sessionSummary } from "@/lib/review/session";
import { CardSources, LiveExampleSlot } from "./card-extras";
import { CardStudy } from "./card-study";
import { Button, buttonClass } from "./ui/button";
import { useReviewSession, type CustomSession } from "./use-review-session";
import type { NextCardsWire } from "@/lib/review/session";

export type { CustomSession } from "./use-review-session";

const noSubscription = () => () => {};
const gradeLabel = { 1: "again", 2: "hard", 3: "good", 4: "easy" } as const;

/**
 * The review screen: front, reveal, grade, next — keyboard first. The next
 * card is already loaded, so a grade shows it at once while the grade is
 * saved in the background. What happens when lives in lib/review/session
 * (a pure state machine); this renders its state and feeds it clicks and keys.
 */
export function ReviewSession({
  initial,
  custom = null,
}: {
  initial: NextCardsWire;
  custom?: CustomSession | null;
}) {
  const t = useTranslations("review");
  const format = useFormatter();
  const { state, store } = useReviewSession(initial, custom);
  const { act, dispatch } = store;
  const { counts, notice, practice, revealed, suggested, help, stats, nextDue } = state;
  const card = state.queue[0];
  const busy = isBusy(state);

  // `ready` marks the moment keys work (after hydration); tests wait for it.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  // One key listener for the whole session; it reads the machine's latest state,
  // so a key pressed as soon as a button appears already sees the state that shows it.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const result = keyToAction(
        {
          key: event.key,
          altKey: event.altKey,
          metaKey: event.metaKey,
          defaultPrevented: event.defaultPrevented,
          inField: Boolean(target?.closest("input, textarea, select")),
          onControl: Boolean(target?.closest("button, a")),
        },
        store.getState(),
      );
      if (!result) return;
      if (result.preventDefault) event.preventDefault();
      store.act(result.action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store]);

  const progress = sessionProgress(state);
  const summary = sessionSummary(state);
  const undo = () => act({ type: "undo" });

  return (
    <div
      className="flex max-w-3xl flex-col gap-5"
      data-testid="review-session"
      data-ready={ready}
      data-saving={busy}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p aria-live="polite" data-testid="review-counts">
          {t("counts", { new: counts.new, learning: counts.learning, review: counts.review })}
        </p>
        <button
          type="button"
          onClick={() => act({ type: "openHelp" })}
          className="underline"
          aria-haspopup="dialog"
        >
          {t("help")} (?)
        </button>
      </div>
      <div
        role="progressbar"
        aria-label={t("progress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress * 100)}
        className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
      >
        <div className="h-full bg-indigo-600 transition-all" style={{ width: `${progress * 100}%` }} />
      </div>
      {practice ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="practice-note">
          {t("practiceNote")}
        </p>
      ) : null}
      {notice ? (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          {t(notice)}
        </p>
      ) : null}

      {card ? (
        <section aria-label={t("title")} className="flex flex-col gap-5">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">
            {t(`kinds.${card.kind}`)} · {card.topicTitle}
          </p>
          <CardStudy
            key={`${card.id}-${card.version}`}
            type={card.type}
            frontHtml={card.frontHtml}
            backHtml={card.backHtml}
            revealedHtml={card.revealedHtml}
            options={card.options}
            numeric={card.numeric}
            revealed={revealed}
            onReveal={(verdict) => dispatch({ type: "revealed", verdict })}
          />
          {revealed ? (
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4" role="group" aria-label={t("title")}>
              {([1, 2, 3, 4] as const).map((rating) => (
                <Button
                  key={rating}
                  variant={suggested === rating ? "primary" : "secondary"}
                  onClick={() => act({ type: "grade", rating })}
                  className="flex-col"
                  aria-keyshortcuts={String(rating)}
                >
                  <span>
                    {rating}. {t(gradeLabel[rating])}
                    {suggested === rating ? ` (${t("suggested")})` : ""}
                  </span>
                  {practice ? null : <span className="text-xs opacity-80">{card.intervals[rating]}</span>}
                </Button>
              ))}
            </div>
          ) : null}
          {revealed ? (
            // Below the grade buttons, so grading never waits for a scroll.
            <>
              <LiveExampleSlot example={card.example} />
              <CardSources sources={card.sources} />
            </>
          ) : null}
          <div>
            <Button variant="ghost" onClick={undo} disabled={stats.cards === 0} aria-keyshortcuts="Z">
              {t("undo")} (Z)
            </Button>
          </div>
        </section>
      ) : busy ? (
        <p role="status">{t("loading")}</p>
      ) : (
        <section aria-labelledby="done" className="flex flex-col gap-3" data-testid="review-summary">
          <h2 id="done" className="text-xl font-semibold">
            {stats.cards > 0 ? t("doneTitle") : t("nothingDue")}
          </h2>
          {stats.cards > 0 ? <p>{t("summary", summary)}</p> : null}
          {nextDue ? <p>{t("nextDue", { when: format.relativeTime(new Date(nextDue)) })}</p> : null}
          <div className="flex gap-2">
            <Link href="/home" className={buttonClass("secondary")}>
              {t("backHome")}
            </Link>
            <Link href="/review/custom" className={buttonClass("secondary")}>
              {t("customStudy")}
            </Link>
            {stats.cards > 0 ? (
              <Button variant="ghost" onClick={undo}>
                {t("undo")} (Z)
              </Button>
            ) : null}
          </div>
        </section>
      )}

      {help ? (
        <div
          role="dialog"
          aria-modal="true"
          aria-labelledby="help-title"
          className="fixed inset-0 z-40 flex items-center justify-center bg-black/40 p-4"
        >
          <div className="w-full max-w-md rounded-lg bg-white p-5 shadow-lg dark:bg-slate-900">
            <h2 id="help-title" className="mb-3 text-lg font-semibold">
              {t("help")}
            </h2>
            <ul className="flex flex-col gap-1 text-sm">
              {(["reveal", "grade", "accept", "undo", "help", "close"] as const).map((key) => (
                <li key={key}>{t(`keys.${key}`)}</li>
              ))}
            </ul>
            <Button className="mt-4" onClick={() => act({ type: "closeHelp" })} autoFocus>
              {t("helpClose")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
