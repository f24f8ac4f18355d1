import type { Element, ElementContent, Root } from "hast";
import type { Schema } from "hast-util-sanitize";
import katex from "katex";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type Plugin } from "unified";
import { SKIP, visit } from "unist-util-visit";

/**
 * Markdown → sanitized HTML with server-side KaTeX, done once at seed time.
 * Raw HTML in content is dropped by remark-rehype; the sanitizer then keeps
 * only safe markup (and the math/code classes). Math is typeset *after*
 * sanitizing: KaTeX's own markup is trusted output of a trusted library and
 * is inserted as-is, which is also ~10× faster than re-parsing it into a tree.
 */
const schema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [["className", /^language-./, "math-inline", "math-display"]],
  },
};

export type MathProblem = { line: number; message: string };

const classes = (node: Element) => {
  const value = node.properties?.className;
  return Array.isArray(value) ? value.map(String) : [];
};

const textOf = (node: Element): string =>
  node.children
    .map((c: ElementContent) => (c.type === "text" ? c.value : c.type === "element" ? textOf(c) : ""))
    .join("");

const isMath = (node: ElementContent | undefined): node is Element =>
  node?.type === "element" &&
  node.tagName === "code" &&
  classes(node).some((c) => c === "language-math" || c.startsWith("math-"));

/** Replaces math code elements with KaTeX HTML; strict-mode errors are collected in file.data. */
const typesetMath: Plugin<[], Root> = () => (tree, file) => {
  const problems: MathProblem[] = [];
  visit(tree, "element", (node, index, parent) => {
    if (!parent || index === undefined) return;
    const display = node.tagName === "pre" && isMath(node.children[0]);
    if (!display && !isMath(node)) return;
    const tex = textOf(node);
    let html: string;
    try {
      html = katex.renderToString(tex, {
        strict: "error",
        throwOnError: true,
        displayMode: display,
        output: "htmlAndMathml",
      });
    } catch (error) {
      const message =
        error instanceof Error ? error.message.replace(/^KaTeX parse error: /, "") : String(error);
      problems.push({
        line: node.position?.start.line ?? 1,
        message: `invalid TeX in "${tex.slice(0, 60)}": ${message}`,
      });
      html = katex.renderToString(tex, {
        throwOnError: false,
        displayMode: display,
        output: "htmlAndMathml",
      });
    }
    parent.children[index] = { type: "raw", value: html } as unknown as ElementContent;
    return [SKIP, index + 1];
  });
  file.data.mathProblems = problems;
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(typesetMath)
  .use(rehypeHighlight, { detect: false })
  .use(rehypeStringify, { allowDangerousHtml: true });

export type Rendered = { html: string; problems: MathProblem[] };

/** Renders Markdown; `problems` lists formulas KaTeX rejects in strict mode, with 1-based lines of `markdown`. */
export function renderMarkdown(markdown: string): Rendered {
  const file = processor.processSync(markdown);
  const problems = [
    ...((file.data.mathProblems as MathProblem[] | undefined) ?? []),
    ...fenceProblems(markdown),
  ];
  return { html: String(file), problems };
}

/** remark-math treats text after an opening $$ as fence "meta" and drops it silently. */
function fenceProblems(markdown: string): MathProblem[] {
  const problems: MathProblem[] = [];
  markdown.split("\n").forEach((text, index) => {
    const rest = /^\s*\$\$(.+)$/.exec(text)?.[1];
    if (rest !== undefined && !rest.includes("$$") && rest.trim() !== "") {
      problems.push({
        line: index + 1,
        message: "text after an opening $$ is ignored; put $$ on its own line",
      });
    }
  });
  return problems;
}

/** Words of a Markdown text without markup, with TeX commands kept as words (\sigma → sigma) for search. */
export function searchableText(markdown: string): string {
  return markdown
    .replace(/\\([a-zA-Z]+)/g, " $1 ")
    .replace(/[`*_#>$\\{}[\]()|^~=+\-/<>:;,.!?"'«»—–]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
