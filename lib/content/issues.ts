/** One problem in the content, located as precisely as the loader can. */
export type ContentIssue = { file: string; line: number; field: string; message: string };

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}:${issue.line}: ${issue.field}: ${issue.message}`;
}

export function formatIssues(issues: ContentIssue[]): string {
  return [...issues]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
    .map(formatIssue)
    .join("\n");
}

export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(`${issues.length} content problem(s):\n${formatIssues(issues)}`);
    this.name = "ContentError";
  }
}
