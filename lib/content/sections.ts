import type { ContentIssue } from "./issues";

export const languages = ["ru", "en"] as const;
export type Language = (typeof languages)[number];
export type SectionKey = "question" | "answer" | "options";

const headings: Record<Language, Record<string, SectionKey>> = {
  ru: { вопрос: "question", ответ: "answer", варианты: "options" },
  en: { question: "question", answer: "answer", options: "options" },
};
export const sectionHeading: Record<Language, Record<SectionKey, string>> = {
  ru: { question: "Вопрос", answer: "Ответ", options: "Варианты" },
  en: { question: "Question", answer: "Answer", options: "Options" },
};

export type Section = { line: number; text: string };
export type LanguageBlock = { line: number; sections: Partial<Record<SectionKey, Section>> };
export type Body = Partial<Record<Language, LanguageBlock>>;

/**
 * Splits a card body into `## ru` / `## en` blocks and their `### …` sections,
 * remembering file line numbers. Headings inside fenced code are ignored.
 */
export function parseBody(
  file: string,
  body: string,
  bodyLine: number,
): { body: Body; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const result: Body = {};
  let language: Language | null = null;
  let section: Section | null = null;
  let inFence = false;

  body.split("\n").forEach((raw, index) => {
    const line = bodyLine + index;
    if (/^\s*(```|~~~)/.test(raw)) inFence = !inFence;
    const h2 = inFence ? null : /^##\s+(.+?)\s*$/.exec(raw);
    const h3 = inFence ? null : /^###\s+(.+?)\s*$/.exec(raw);
    if (h2) {
      const name = (h2[1] ?? "").toLowerCase();
      section = null;
      if (name === "ru" || name === "en") {
        if (result[name])
          issues.push({ file, line, field: `body.${name}`, message: `"## ${name}" appears twice` });
        language = name;
        result[name] = { line, sections: {} };
      } else {
        language = null;
        issues.push({
          file,
          line,
          field: "body",
          message: `unknown language heading "## ${h2[1]}"; expected "## ru" or "## en"`,
        });
      }
      return;
    }
    if (h3 && language) {
      const key = headings[language][(h3[1] ?? "").toLowerCase()];
      if (!key) {
        const allowed = Object.values(sectionHeading[language]).join('", "');
        issues.push({
          file,
          line,
          field: `body.${language}`,
          message: `unknown section "### ${h3[1]}"; expected "${allowed}"`,
        });
        section = null;
        return;
      }
      section = { line: line + 1, text: "" };
      result[language]!.sections[key] = section;
      return;
    }
    if (section) section.text += `${raw}\n`;
    else if (raw.trim() !== "" && !/^#\s/.test(raw)) {
      issues.push({
        file,
        line,
        field: language ? `body.${language}` : "body",
        message: "text outside a ### section",
      });
    }
  });

  for (const block of Object.values(result)) {
    for (const s of Object.values(block.sections)) {
      // Keep `line` pointing at the first line of the trimmed text.
      s.line += (/^\s*/.exec(s.text)?.[0].match(/\n/g) ?? []).length;
      s.text = s.text.trim();
    }
  }
  return { body: result, issues };
}
