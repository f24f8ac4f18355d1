/**
 * Cloze blanks `{{c1::text}}` or `{{c1::text::hint}}`. The statement becomes two
 * Markdown variants: the front with blanks hidden and the back with them shown.
 * Inside math the blank is a \boxed{} so the formula still typesets. Blanks are
 * found by a brace-counting scan, so TeX like `{{c1::\frac{1}{2}}}` works.
 */
export type ClozeBlank = { number: number; text: string; hint: string | null; start: number; end: number };

const OPEN = /\{\{c(\d+)::/g;

export function findBlanks(text: string): ClozeBlank[] {
  const blanks: ClozeBlank[] = [];
  OPEN.lastIndex = 0;
  for (let match = OPEN.exec(text); match; match = OPEN.exec(text)) {
    const contentStart = match.index + match[0].length;
    let depth = 0;
    let end = -1;
    let hintAt = -1;
    for (let i = contentStart; i < text.length; i++) {
      const ch = text[i];
      if (ch === "\\") {
        i++;
      } else if (ch === "{") {
        depth++;
      } else if (ch === "}") {
        if (depth === 0 && text[i + 1] === "}") {
          end = i;
          break;
        }
        depth--;
      } else if (ch === ":" && text[i + 1] === ":" && depth === 0 && hintAt < 0) {
        hintAt = i;
      }
    }
    if (end < 0) break;
    const body = text.slice(contentStart, hintAt >= 0 ? hintAt : end);
    const hint = hintAt >= 0 ? text.slice(hintAt + 2, end) : null;
    blanks.push({ number: Number(match[1]), text: body, hint, start: match.index, end: end + 2 });
    OPEN.lastIndex = end + 2;
  }
  return blanks;
}

/** True when `offset` lies inside $…$ or $$…$$ (unescaped dollars). */
function insideMath(text: string, offset: number): boolean {
  let open: "$" | "$$" | null = null;
  for (let i = 0; i < offset; i++) {
    if (text[i] === "\\") {
      i++;
      continue;
    }
    if (text[i] !== "$") continue;
    const token = text[i + 1] === "$" ? "$$" : "$";
    if (token === "$$") i++;
    if (open === null) open = token;
    else if (open === token) open = null;
  }
  return open !== null;
}

export function clozeVariants(text: string): { front: string; back: string } {
  const blanks = findBlanks(text);
  const build = (show: boolean) => {
    let out = "";
    let last = 0;
    for (const blank of blanks) {
      out += text.slice(last, blank.start);
      if (insideMath(text, blank.start)) out += show ? `\\boxed{${blank.text}}` : `\\boxed{\\,?\\,}`;
      else out += show ? `**${blank.text}**` : `**[${blank.hint ?? "…"}]**`;
      last = blank.end;
    }
    return out + text.slice(last);
  };
  return { front: build(false), back: build(true) };
}
