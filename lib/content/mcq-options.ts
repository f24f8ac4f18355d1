import type { ContentIssue } from "./issues";
import type { Language, Section } from "./sections";

export type McqOption = { text: string; correct: boolean; why: string | null; line: number };

const WHY: Record<Language, RegExp> = { ru: /^\s+(почему|why):\s*(.+)$/i, en: /^\s+why:\s*(.+)$/i };

/** Reads `- [x] option` / `- [ ] option` + indented `why:` lines. */
export function parseOptions(
  file: string,
  language: Language,
  section: Section,
): { options: McqOption[]; issues: ContentIssue[] } {
  const options: McqOption[] = [];
  const issues: ContentIssue[] = [];
  const field = `body.${language}.options`;
  section.text.split("\n").forEach((raw, index) => {
    const line = section.line + index;
    if (raw.trim() === "") return;
    const option = /^[-*]\s+\[( |x|X)\]\s+(.+)$/.exec(raw);
    if (option) {
      options.push({ text: (option[2] ?? "").trim(), correct: option[1] !== " ", why: null, line });
      return;
    }
    const why = WHY[language].exec(raw);
    const last = options.at(-1);
    if (why && last) {
      last.why = (why[2] ?? why[1] ?? "").trim();
      return;
    }
    issues.push({
      file,
      line,
      field,
      message: `expected "- [x] option", "- [ ] option" or an indented "why:" line, got "${raw.trim()}"`,
    });
  });

  if (options.length < 2)
    issues.push({ file, line: section.line, field, message: "an mcq needs at least two options" });
  if (!options.some((o) => o.correct))
    issues.push({ file, line: section.line, field, message: "no correct option (mark one with [x])" });
  for (const o of options) {
    if (!o.correct && !o.why)
      issues.push({ file, line: o.line, field, message: `wrong option "${o.text}" has no "why:" line` });
  }
  return { options, issues };
}
