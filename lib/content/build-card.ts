import { clozeVariants, findBlanks } from "./cloze";
import type { ContentIssue } from "./issues";
import { parseOptions, type McqOption } from "./mcq-options";
import { renderMarkdown, searchableText } from "./render-markdown";
import type { CardFrontMatter } from "./schema";
import { languages, sectionHeading, type Body, type Language, type Section } from "./sections";
import type { LoadedCard, RenderedSide } from "./types";

type Built = Omit<LoadedCard, "sourcePath" | "contentHash">;

/** Checks a card's body against its type and renders both languages; problems are collected, not thrown. */
export function buildCard(
  file: string,
  meta: CardFrontMatter,
  body: Body,
): { card?: Built; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const sides: Partial<Record<Language, RenderedSide>> = {};
  const optionSets: Partial<Record<Language, McqOption[]>> = {};
  const blankSets: Partial<Record<Language, string>> = {};
  const text: string[] = [];
  /** Renders Markdown that starts at file line `line`; TeX problems become issues on their own lines. */
  const render = (markdown: string, line: number, field: string): string => {
    const { html, problems } = renderMarkdown(markdown);
    for (const p of problems) issues.push({ file, line: line + p.line - 1, field, message: p.message });
    return html;
  };

  for (const language of languages) {
    const block = body[language];
    if (!block) {
      issues.push({ file, line: 1, field: `body.${language}`, message: `missing "## ${language}" section` });
      continue;
    }
    const need = (key: "question" | "answer"): Section | null => {
      const section = block.sections[key];
      if (section && section.text !== "") return section;
      issues.push({
        file,
        line: section?.line ?? block.line,
        field: `body.${language}.${key}`,
        message: `missing or empty "### ${sectionHeading[language][key]}"`,
      });
      return null;
    };
    const question = need("question");
    const answer = need("answer");
    const optionsSection = block.sections.options;
    if (meta.type !== "mcq" && optionsSection) {
      issues.push({
        file,
        line: optionsSection.line - 1,
        field: `body.${language}.options`,
        message: "only mcq cards have options",
      });
    }
    if (!question || !answer) continue;

    text.push(question.text, answer.text);

    const side: RenderedSide = { front: "", back: render(answer.text, answer.line, `body.${language}`) };
    const blanks = findBlanks(question.text);
    if (meta.type === "cloze") {
      if (blanks.length === 0) {
        issues.push({
          file,
          line: question.line,
          field: `body.${language}.question`,
          message: "a cloze card needs at least one {{c1::…}} blank",
        });
      }
      blankSets[language] = [...new Set(blanks.map((b) => b.number))].sort().join(",");
      const variants = clozeVariants(question.text);
      side.front = render(variants.front, question.line, `body.${language}.question`);
      // The revealed variant repeats the same formulas; only report what the front did not.
      const before = issues.length;
      side.revealed = render(variants.back, question.line, `body.${language}.question`);
      if (
        issues.length > before &&
        before > 0 &&
        issues.slice(before).every((i) => issues.slice(0, before).some((j) => j.line === i.line))
      ) {
        issues.length = before;
      }
    } else {
      if (blanks.length > 0) {
        issues.push({
          file,
          line: question.line,
          field: `body.${language}.question`,
          message: `{{c…::}} blanks are only for cloze cards (type is ${meta.type})`,
        });
      }
      side.front = render(question.text, question.line, `body.${language}`);
    }

    if (meta.type === "mcq") {
      if (!optionsSection) {
        issues.push({
          file,
          line: block.line,
          field: `body.${language}.options`,
          message: `an mcq needs "### ${sectionHeading[language].options}"`,
        });
      } else {
        const parsed = parseOptions(file, language, optionsSection);
        issues.push(...parsed.issues);
        optionSets[language] = parsed.options;
        side.options = parsed.options.map((o) => ({
          html: render(o.text, o.line, `body.${language}.options`),
          correct: o.correct,
          whyHtml: o.why ? render(o.why, o.line + 1, `body.${language}.options`) : null,
        }));
        text.push(...parsed.options.map((o) => o.text));
      }
    }
    if (meta.type === "numeric" && meta.unit) side.unit = meta.unit[language];
    sides[language] = side;
  }

  const [ru, en] = [optionSets.ru, optionSets.en];
  if (ru && en && ru.map((o) => o.correct).join() !== en.map((o) => o.correct).join()) {
    issues.push({
      file,
      line: en[0]?.line ?? 1,
      field: "body.en.options",
      message: "ru and en options differ in number or in which are correct",
    });
  }
  if (blankSets.ru !== undefined && blankSets.en !== undefined && blankSets.ru !== blankSets.en) {
    issues.push({
      file,
      line: body.en?.line ?? 1,
      field: "body.en.question",
      message: `ru and en use different blanks (ru: c${blankSets.ru}, en: c${blankSets.en})`,
    });
  }

  if (issues.length > 0 || !sides.ru || !sides.en) return { issues };
  return {
    issues,
    card: {
      id: meta.id,
      topic: meta.topic,
      type: meta.type,
      difficulty: meta.difficulty,
      tags: meta.tags,
      concepts: meta.concepts,
      sources: meta.sources,
      related: meta.related,
      example: meta.example ? { id: meta.example.id, params: meta.example.params } : null,
      numeric: meta.type === "numeric" ? { answer: meta.answer ?? 0, tolerance: meta.tolerance ?? 0 } : null,
      ru: sides.ru,
      en: sides.en,
      searchText: searchableText([meta.id, ...meta.tags, ...text].join(" ")),
    },
  };
}
