import type { Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import type { Locale } from "@/lib/settings/preferences";

/**
 * The deck as an Anki text import (Anki 2.1.55+ reads the `#` headers): one
 * Basic note per card, tab-separated, HTML allowed, a stable GUID per card so a
 * re-import updates notes instead of duplicating them, decks "Gradus::<topic>".
 *
 * Formulas: our cards carry KaTeX output, whose visual half needs KaTeX's CSS
 * and fonts that Anki does not have. The MathML half renders natively in Anki's
 * web views, so the visual half is dropped and the MathML kept.
 */
export type AnkiCard = {
  id: string;
  topicTitle: string;
  type: "basic" | "cloze" | "mcq" | "numeric";
  tags: string[];
  frontHtml: string;
  backHtml: string;
  revealedHtml: string | null;
  options: { html: string; correct: boolean; whyHtml: string | null }[];
  numeric: { answer: number; tolerance: number; unit: string } | null;
};

const labels: Record<Locale, { correct: string; answer: string; options: string }> = {
  ru: { correct: "Верно", answer: "Ответ", options: "Варианты" },
  en: { correct: "Correct", answer: "Answer", options: "Options" },
};

const HEADERS = [
  "#separator:tab",
  "#html:true",
  "#notetype:Basic",
  "#guid column:1",
  "#deck column:4",
  "#tags column:5",
];

export function ankiExport(cards: AnkiCard[], locale: Locale): string {
  const lines = cards.map((card) =>
    [
      `gradus-${card.id}`,
      ankiHtml(front(card, locale)),
      ankiHtml(back(card, locale)),
      `Gradus::${card.topicTitle}`,
      ["gradus", ...card.tags].map((tag) => tag.replace(/\s+/g, "_")).join(" "),
    ]
      .map(field)
      .join("\t"),
  );
  return [...HEADERS, ...lines].join("\n") + "\n";
}

function front(card: AnkiCard, locale: Locale): string {
  if (card.type !== "mcq") return card.frontHtml;
  const letters = card.options.map((o, i) => `<li>${letter(i)}. ${o.html}</li>`).join("");
  return `${card.frontHtml}<p>${labels[locale].options}:</p><ul>${letters}</ul>`;
}

function back(card: AnkiCard, locale: Locale): string {
  const l = labels[locale];
  const parts: string[] = [];
  if (card.type === "cloze" && card.revealedHtml) parts.push(card.revealedHtml);
  if (card.type === "mcq") {
    const items = card.options.map(
      (o, i) =>
        `<li>${o.correct ? "✔" : "✘"} ${letter(i)}. ${o.html}${o.whyHtml ? ` — ${o.whyHtml}` : ""}</li>`,
    );
    const right = card.options.flatMap((o, i) => (o.correct ? [letter(i)] : [])).join(", ");
    parts.push(`<p><b>${l.correct}: ${right}</b></p><ul>${items.join("")}</ul>`);
  }
  if (card.numeric) {
    const { answer, tolerance, unit } = card.numeric;
    parts.push(`<p><b>${l.answer}: ${answer} ± ${tolerance}${unit ? ` ${escapeText(unit)}` : ""}</b></p>`);
  }
  parts.push(card.backHtml);
  return parts.join("");
}

const letter = (i: number) => String.fromCharCode(65 + i);

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** KaTeX's visual half removed (MathML kept); line breaks kept only where they matter (code). */
export function ankiHtml(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  prune(tree);
  return toHtml(tree);
}

function prune(node: Root | Element): void {
  node.children = node.children.filter((child: RootContent) => !isKatexVisual(child));
  for (const child of node.children) {
    if (child.type === "element") {
      if (child.tagName === "pre") breakLines(child);
      else prune(child);
    } else if (child.type === "text") {
      child.value = child.value.replace(/[\t\r\n]+/g, " ");
    }
  }
}

function isKatexVisual(node: RootContent): boolean {
  if (node.type !== "element") return false;
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes("katex-html");
}

/** Inside <pre>, a newline becomes <br> and a tab spaces, so a field stays on one line of the file. */
function breakLines(node: Element): void {
  node.children = node.children.flatMap((child): Element["children"] => {
    if (child.type === "element") {
      breakLines(child);
      return [child];
    }
    if (child.type !== "text") return [child];
    const pieces = child.value.replace(/\t/g, "    ").replace(/\r/g, "").split("\n");
    return pieces.flatMap((value, i) => [
      ...(i > 0 ? [{ type: "element" as const, tagName: "br", properties: {}, children: [] }] : []),
      { type: "text" as const, value },
    ]);
  });
}

/** One field of the file: quoted as CSV does, so a quote or separator inside is safe. */
function field(value: string): string {
  const flat = value.replace(/[\t\r\n]+/g, " ");
  return `"${flat.replace(/"/g, '""')}"`;
}
