/**
 * A finding is one problem found in the content: an error stops the build, a warning does not.
 * Positions are 1-based lines and columns in the file as the editor sees it.
 */
export interface Finding {
  /** Path of the file, relative to the repository root (POSIX separators). */
  file: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based column; 1 when unknown. */
  column: number;
  severity: "error" | "warning";
  /** What is wrong, naming the field and the bad value. */
  message: string;
  /** How to fix it, as an instruction to the editor. */
  fix: string;
}

/**
 * Thrown when content has at least one error finding. Carries every finding (errors and
 * warnings) so the caller can print them all at once; `message` is the formatted report.
 */
export class ContentError extends Error {
  readonly findings: readonly Finding[];
  /** Tells Eleventy's error handler (under `npm start`) to print the message without a stack. */
  readonly skipOriginalStack = true;
  constructor(findings: readonly Finding[]) {
    super(formatFindings(findings));
    this.name = "ContentError";
    this.findings = findings;
  }
}

/**
 * Formats findings as `path:line:column  severity  message  (fix)`, one per line, grouped by
 * file in path order, then a count line. Returns "" for no findings.
 * @example formatFindings([{file:"issues/2019-02/a.md",line:3,column:7,severity:"error",message:"…",fix:"…"}])
 */
export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return "";
  const sorted = [...findings].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
  const lines: string[] = [];
  let current = "";
  for (const f of sorted) {
    if (f.file !== current) {
      if (current !== "") lines.push("");
      current = f.file;
    }
    lines.push(`${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.message}  (${f.fix})`);
  }
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  lines.push("", `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`);
  return lines.join("\n");
}
