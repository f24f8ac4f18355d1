import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { z } from "zod";
import type { ContentIssue } from "./issues";

export type SplitFile = {
  /** YAML text between the --- fences. */
  yaml: string;
  /** 1-based line of the first YAML line in the file. */
  yamlLine: number;
  body: string;
  /** 1-based line of the first body line in the file. */
  bodyLine: number;
};

export function splitFrontMatter(text: string): SplitFile | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return null;
  const yaml = match[1] ?? "";
  return {
    yaml,
    yamlLine: 2,
    body: text.slice(match[0].length),
    bodyLine: match[0].split("\n").length,
  };
}

/**
 * Parses YAML front matter and validates it, turning every YAML or zod
 * problem into an issue whose line is that of the failing key.
 */
export function parseFrontMatter<T extends z.ZodType>(
  file: string,
  split: SplitFile,
  schema: T,
): { data?: z.infer<T>; issues: ContentIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => split.yamlLine + lineCounter.linePos(offset).line - 1;

  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => ({
        file,
        line: lineAt(e.pos[0]),
        field: "front matter",
        message: `invalid YAML: ${e.message.split("\n")[0]}`,
      })),
    };
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return { data: result.data, issues: [] };
  return {
    issues: result.error.issues.map((issue) => ({
      file,
      line: lineAt(offsetOfPath(doc.contents, issue.path)),
      field: issue.path.length ? issue.path.join(".") : "front matter",
      message: issue.message,
    })),
  };
}

/** Offset of the deepest YAML node that exists along `path` (the key itself for map entries). */
function offsetOfPath(root: unknown, path: PropertyKey[]): number {
  let node = root as Node | null | undefined;
  let offset = (node as { range?: [number] } | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = pair.value as Node;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}
