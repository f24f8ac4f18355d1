"use client";

import { useId, useLayoutEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { RenderedOption } from "@/lib/content";
import { isMcqCorrect, isWithinTolerance, parseNumberInput } from "@/lib/study/answer-check";
import { Button } from "./ui/button";

type Props = {
  type: "basic" | "cloze" | "mcq" | "numeric";
  frontHtml: string;
  backHtml: string;
  revealedHtml: string | null;
  options: RenderedOption[];
  numeric: { answer: number; tolerance: number; unit: string } | null;
  /** Controlled mode (the review screen): the parent owns the reveal and the keyboard. */
  revealed?: boolean;
  onReveal?: (verdict: Verdict) => void;
};

/** The automatic check of an mcq or numeric answer; null when there is nothing to check. */
export type Verdict = "correct" | "wrong" | null;

/**
 * The question, the type's way of answering (choose, type a number) and the
 * reveal. Space or Enter reveals when focus is not in a field.
 */
export function CardStudy(props: Props) {
  const t = useTranslations("library");
  const [ownRevealed, setOwnRevealed] = useState(false);
  const controlled = props.revealed !== undefined;
  const revealed = controlled ? props.revealed! : ownRevealed;
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [typed, setTyped] = useState("");
  const answerId = useId();

  const typedValue = parseNumberInput(typed);
  const verdict = (): Verdict => {
    if (props.type === "mcq")
      return isMcqCorrect(
        props.options.map((o) => o.correct),
        chosen,
      )
        ? "correct"
        : "wrong";
    if (props.type === "numeric" && props.numeric) {
      return typedValue !== null &&
        isWithinTolerance(typedValue, props.numeric.answer, props.numeric.tolerance)
        ? "correct"
        : "wrong";
    }
    return null;
  };
  const reveal = () => {
    if (controlled) props.onReveal?.(verdict());
    else setOwnRevealed(true);
  };

  // The key handler always calls the latest reveal (it sees the current choice).
  const revealRef = useRef(reveal);
  useLayoutEffect(() => {
    revealRef.current = reveal;
  });

  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (revealed || event.altKey || event.ctrlKey || event.metaKey) return;
      if (target?.closest("input, textarea, select, button, a")) return;
      if (event.key === " " || event.key === "Enter") {
        event.preventDefault();
        revealRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [revealed]);

  return (
    <div className="flex flex-col gap-5">
      <div
        className="card-html text-lg"
        data-testid="card-front"
        dangerouslySetInnerHTML={{
          __html: revealed && props.revealedHtml ? props.revealedHtml : props.frontHtml,
        }}
      />

      {props.type === "mcq" ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm text-slate-600 dark:text-slate-400">{t("chooseHint")}</legend>
          {props.options.map((option, index) => {
            const checked = chosen.has(index);
            const verdict = !revealed ? null : option.correct ? "correct" : checked ? "wrong" : "neutral";
            return (
              <div
                key={index}
                data-verdict={verdict ?? undefined}
                className="rounded-md border border-slate-300 p-3 data-[verdict=correct]:border-emerald-600 data-[verdict=correct]:bg-emerald-50 data-[verdict=wrong]:border-red-600 data-[verdict=wrong]:bg-red-50 dark:data-[verdict=wrong]:bg-red-950 dark:border-slate-600 dark:data-[verdict=correct]:bg-emerald-950"
              >
                <label className="flex cursor-pointer items-start gap-3">
                  <input
                    type="checkbox"
                    className="mt-1.5"
                    checked={checked}
                    disabled={revealed}
                    onChange={() =>
                      setChosen((prev) => {
                        const next = new Set(prev);
                        if (next.has(index)) next.delete(index);
                        else next.add(index);
                        return next;
                      })
                    }
                  />
                  <span className="card-html" dangerouslySetInnerHTML={{ __html: option.html }} />
                </label>
                {revealed ? (
                  <p className="mt-2 text-sm">
                    <strong>{option.correct ? t("optionCorrect") : t("optionWrong")}</strong>
                    {checked ? ` (${t("youChose")})` : null}
                    {option.whyHtml ? (
                      <span
                        className="card-html mt-1 block"
                        dangerouslySetInnerHTML={{ __html: option.whyHtml }}
                      />
                    ) : null}
                  </p>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ) : null}

      {props.type === "numeric" && props.numeric ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${answerId}-n`} className="text-sm font-medium">
              {t("numericLabel")}
            </label>
            <div className="flex items-center gap-2">
              <input
                id={`${answerId}-n`}
                inputMode="decimal"
                value={typed}
                disabled={revealed}
                onChange={(e) => setTyped(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    e.stopPropagation();
                    reveal();
                  }
                }}
                aria-invalid={typed !== "" && typedValue === null ? true : undefined}
                className="min-h-10 w-40 rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
              />
              {props.numeric.unit ? <span>{props.numeric.unit}</span> : null}
            </div>
          </div>
          {typed !== "" && typedValue === null ? (
            <p className="text-sm text-red-700 dark:text-red-400">{t("numericInvalid")}</p>
          ) : null}
        </div>
      ) : null}

      {revealed ? (
        <section
          aria-labelledby={answerId}
          className="flex flex-col gap-3 border-t border-slate-200 pt-4 dark:border-slate-800"
        >
          {props.type === "mcq" ? (
            <p role="status" className="font-medium">
              {isMcqCorrect(
                props.options.map((o) => o.correct),
                chosen,
              )
                ? "✓"
                : "✗"}
            </p>
          ) : null}
          {props.type === "numeric" && props.numeric && typedValue !== null ? (
            <p role="status" className="font-medium">
              {isWithinTolerance(typedValue, props.numeric.answer, props.numeric.tolerance)
                ? t("numericCorrect", { answer: props.numeric.answer, tolerance: props.numeric.tolerance })
                : t("numericWrong", { answer: props.numeric.answer, tolerance: props.numeric.tolerance })}
            </p>
          ) : null}
          <h2 id={answerId} className="text-lg font-semibold">
            {t("answer")}
          </h2>
          <div
            className="card-html"
            data-testid="card-back"
            dangerouslySetInnerHTML={{ __html: props.backHtml }}
          />
        </section>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={reveal}>
            {props.type === "mcq" || props.type === "numeric" ? t("checkAnswer") : t("showAnswer")}
          </Button>
          <span className="text-sm text-slate-600 dark:text-slate-400">{t("keyboardHint")}</span>
        </div>
      )}
    </div>
  );
}
