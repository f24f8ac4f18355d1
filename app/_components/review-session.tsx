"use client";

import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { NextCards, ReviewCard } from "@/lib/review/next-cards";
import type { RatingValue } from "@/lib/srs/scheduler";
import { CardSources, LiveExampleSlot } from "./card-extras";
import { CardStudy, type Verdict } from "./card-study";
import { Button, buttonClass } from "./ui/button";

type Wire = Omit<NextCards, "nextDue"> & { nextDue: string | null };
type Stats = { cards: number; again: number; ms: number };

const noSubscription = () => () => {};
const gradeKeys: Record<string, RatingValue> = { "1": 1, "2": 2, "3": 3, "4": 4 };
const gradeLabel = { 1: "again", 2: "hard", 3: "good", 4: "easy" } as const;

/** A custom session (lib/srs/custom-study.ts): its URL parameters and whether grades are recorded. */
export type CustomSession = { query: string; reschedule: boolean };

async function fetchNext(
  custom: CustomSession | null,
  exclude: string[] = [],
  first?: string,
): Promise<Wire> {
  const params = new URLSearchParams(custom?.query ?? "");
  params.set("count", "3");
  if (exclude.length) params.set("exclude", exclude.join(","));
  if (first) params.set("first", first);
  const response = await fetch(`/api/review/next?${params}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`next cards: HTTP ${response.status}`);
  return (await response.json()) as Wire;
}

/**
 * The review screen: front, reveal, grade, next — keyboard first. The next
 * card is already loaded, so a grade shows it at once while the grade is
 * saved in the background.
 */
export function ReviewSession({ initial, custom = null }: { initial: Wire; custom?: CustomSession | null }) {
  const t = useTranslations("review");
  const format = useFormatter();
  const [queue, setQueue] = useState<ReviewCard[]>(initial.cards);
  const [counts, setCounts] = useState(initial.counts);
  const [nextDue, setNextDue] = useState(initial.nextDue);
  const [revealed, setRevealed] = useState(false);
  const [suggested, setSuggested] = useState<RatingValue | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [stats, setStats] = useState<Stats>({ cards: 0, again: 0, ms: 0 });
  const [total] = useState(initial.counts.new + initial.counts.learning + initial.counts.review);
  // Set when the first card is on screen (an effect: render must stay pure).
  const shownAt = useRef(0);
  const pending = useRef<Promise<unknown>>(Promise.resolve());
  // Cards graded here whose grade the server may not have applied yet: card id → version graded.
  const graded = useRef(new Map<string, number>());
  // Custom sessions show each card once per pass: passed cards are done, failed ones come back next pass.
  const passed = useRef(new Set<string>());
  const failed = useRef(new Set<string>());
  const history = useRef<string[]>([]);
  const practice = custom !== null && !custom.reschedule;
  const [busy, setBusy] = useState(0);
  const card = queue[0];

  const refill = useCallback(
    async (first?: string) => {
      let next = await fetchNext(custom, [...passed.current, ...failed.current], first);
      if (custom && next.cards.length === 0 && failed.current.size > 0) {
        failed.current.clear(); // the next pass: the cards failed in this one
        next = await fetchNext(custom, [...passed.current], first);
      }
      // A card the server still shows at the version we graded is a grade in flight: skip it.
      // Checked inside the updater, so a grade made while this request was out is seen too.
      // (A custom session leaves done cards out through `exclude` instead.)
      const unseen = (c: ReviewCard) => {
        const gradedAt = custom ? undefined : graded.current.get(c.id);
        return gradedAt === undefined || c.version > gradedAt;
      };
      setQueue((previous) => {
        const cards = next.cards.filter(unseen);
        // Keep the card on screen where it is; only what comes after it is replaced.
        const current = previous[0];
        if (!current) return cards;
        const fresh = cards.find((c) => c.id === current.id) ?? current;
        return [fresh, ...cards.filter((c) => c.id !== current.id)];
      });
      setCounts(next.counts);
      setNextDue(next.nextDue);
    },
    [custom],
  );

  const showNext = useCallback(() => {
    setRevealed(false);
    setSuggested(null);
    shownAt.current = Date.now();
  }, []);

  const grade = useCallback(
    (rating: RatingValue) => {
      if (!card || !revealed) return;
      const durationMs = Math.min(Date.now() - shownAt.current, 3_600_000);
      const body = {
        clientId: crypto.randomUUID(),
        cardId: card.id,
        rating,
        version: card.version,
        durationMs,
      };
      setStats((s) => ({
        cards: s.cards + 1,
        again: s.again + (rating === 1 ? 1 : 0),
        ms: s.ms + durationMs,
      }));
      graded.current.set(card.id, card.version);
      (rating === 1 ? failed : passed).current.add(card.id);
      history.current.push(card.id);
      setBusy((b) => b + 1);
      // Show the prefetched card now; save and refill behind it, in order.
      setQueue((q) => q.filter((c) => c.id !== card.id));
      showNext();
      const save = async (attempt = 0): Promise<void> => {
        if (practice) return; // practice: the schedule stays as it is
        const response = await fetch("/api/review/grade", {
          method: "POST",
          keepalive: true, // a grade made just before leaving the page still arrives
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        }).catch(() => null);
        if (response?.status === 409) setNotice(t("conflict"));
        else if (!response || response.status >= 500) {
          setNotice(t("error"));
          if (attempt < 3) {
            await new Promise((r) => setTimeout(r, 1000 * (attempt + 1)));
            return save(attempt + 1);
          }
        }
      };
      pending.current = pending.current
        .then(() => save())
        .then(() => refill())
        .finally(() => setBusy((b) => b - 1));
    },
    [card, revealed, refill, showNext, t, practice],
  );

  const undo = useCallback(() => {
    setBusy((b) => b + 1);
    pending.current = pending.current
      .then(async () => {
        let cardId: string | undefined;
        if (practice) {
          cardId = history.current.pop();
          if (!cardId) return;
        } else {
          const response = await fetch("/api/review/undo", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
          });
          if (!response.ok) return;
          cardId = ((await response.json()) as { cardId: string }).cardId;
          history.current.pop();
        }
        passed.current.delete(cardId);
        failed.current.delete(cardId);
        setStats((s) => ({ ...s, cards: Math.max(0, s.cards - 1) }));
        setNotice(t("undone"));
        graded.current.clear();
        setQueue([]);
        await refill(cardId);
        showNext();
      })
      .finally(() => setBusy((b) => b - 1));
  }, [refill, showNext, t, practice]);

  // `ready` marks the moment keys work (after hydration); tests wait for it.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  useEffect(() => {
    shownAt.current = Date.now();
  }, []);

  // One key listener for the whole session, reading the latest state through a
  // ref that is updated before paint: a key pressed as soon as a button appears
  // must already see the state that shows it.
  const latest = useRef({ revealed, suggested, grade, undo });
  useLayoutEffect(() => {
    latest.current = { revealed, suggested, grade, undo };
  });

  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // The card already used this key (e.g. the Space that revealed it must not also grade it).
      if (event.defaultPrevented) return;
      const { revealed, suggested, grade, undo } = latest.current;
      const target = event.target as HTMLElement | null;
      const inField = Boolean(target?.closest("input, textarea, select"));
      if (event.key === "?" && !inField) {
        setHelp((h) => !h);
        return;
      }
      if (event.key === "Escape") setHelp(false);
      if ((event.key === "z" || event.key === "Z") && !inField && !event.altKey && !event.metaKey) {
        event.preventDefault();
        undo();
        return;
      }
      if (!revealed || inField) return;
      const rating = gradeKeys[event.key];
      if (rating) {
        event.preventDefault();
        grade(rating);
      } else if ((event.key === "Enter" || event.key === " ") && !target?.closest("button, a")) {
        event.preventDefault();
        grade(suggested ?? 3);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const onReveal = (verdict: Verdict) => {
    setRevealed(true);
    setSuggested(verdict === "correct" ? 3 : verdict === "wrong" ? 1 : null);
  };

  const remaining = counts.new + counts.learning + counts.review;
  const progress = total + stats.cards > 0 ? stats.cards / Math.max(total, stats.cards + remaining) : 1;

  return (
    <div
      className="flex max-w-3xl flex-col gap-5"
      data-testid="review-session"
      data-ready={ready}
      data-saving={busy > 0}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p aria-live="polite" data-testid="review-counts">
          {t("counts", { new: counts.new, learning: counts.learning, review: counts.review })}
        </p>
        <button type="button" onClick={() => setHelp(true)} className="underline" aria-haspopup="dialog">
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
          {notice}
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
            onReveal={onReveal}
          />
          {revealed ? (
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4" role="group" aria-label={t("title")}>
              {([1, 2, 3, 4] as const).map((rating) => (
                <Button
                  key={rating}
                  variant={suggested === rating ? "primary" : "secondary"}
                  onClick={() => grade(rating)}
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
      ) : busy > 0 ? (
        <p role="status">{t("loading")}</p>
      ) : (
        <section aria-labelledby="done" className="flex flex-col gap-3" data-testid="review-summary">
          <h2 id="done" className="text-xl font-semibold">
            {stats.cards > 0 ? t("doneTitle") : t("nothingDue")}
          </h2>
          {stats.cards > 0 ? (
            <p>
              {t("summary", {
                cards: stats.cards,
                minutes: Math.max(1, Math.round(stats.ms / 60_000)),
                againRate: Math.round((100 * stats.again) / Math.max(1, stats.cards)),
              })}
            </p>
          ) : null}
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
            <Button className="mt-4" onClick={() => setHelp(false)} autoFocus>
              {t("helpClose")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
