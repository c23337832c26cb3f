import { messageLang, say, type MessageLang } from "../i18n/index.ts";

/**
 * A finding is one problem found in the content: an error stops the build, a warning does not.
 * Positions are 1-based lines and columns in the file as the editor sees it.
 *
 * Message catalogue: `message` and `fix` are plain Chinese (what editors read by default);
 * `en` optionally carries the English pair printed under `--lang en` (without it, the Chinese
 * is printed). New rules write `message` and `fix` in Chinese and add `en`.
 */
export interface Finding {
  /** Path of the file, relative to the repository root (POSIX separators). */
  file: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based column; 1 when unknown. */
  column: number;
  severity: "error" | "warning";
  /** What is wrong, naming the field and the bad value (Chinese). */
  message: string;
  /** How to fix it, as an instruction to the editor (Chinese). */
  fix: string;
  /** The same in English, for `--lang en`. */
  en?: { message: string; fix: string };
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

/** The message and fix of a finding in `lang` (Chinese when it has no English). */
export function findingText(f: Finding, lang?: MessageLang): { message: string; fix: string } {
  return (lang ?? messageLang()) === "en" && f.en ? f.en : { message: f.message, fix: f.fix };
}

/**
 * Findings in the order editors read them: by file path, then line, then column; at one place,
 * errors before warnings. Returns a new array (the input is left as it is). Used for every list
 * shown to editors (`npm run check`, `npm start`'s terminal report, banner and error page), so a
 * finding made by a rule across files (a document number used twice) stands at its line with
 * the other findings of its file.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => (f.severity === "error" ? 0 : 1);
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || rank(a) - rank(b));
}

/**
 * Formats findings as `path:line:column  错误|警告  message — fix`, one per line, grouped by file
 * in path order and by line and column within a file (`sortFindings`), then a summary line (`共 2 个错误、1 个警告`). Returns "" for no findings.
 * @param lang message language (default: the command's, see `setMessageLang`).
 * @example formatFindings([{file:"issues/2019-02/a.md",line:3,column:7,severity:"error",message:"…",fix:"…"}])
 */
export function formatFindings(findings: readonly Finding[], lang?: MessageLang): string {
  if (findings.length === 0) return "";
  const sorted = sortFindings(findings);
  const lines: string[] = [];
  let current = "";
  for (const f of sorted) {
    if (f.file !== current) {
      if (current !== "") lines.push("");
      current = f.file;
    }
    const { message, fix } = findingText(f, lang);
    const severity = say(f.severity === "error" ? { zh: "错误", en: "error" } : { zh: "警告", en: "warning" }, lang);
    lines.push(`${f.file}:${f.line}:${f.column}  ${severity}  ${message} — ${fix}`);
  }
  lines.push("", summarizeFindings(findings, lang));
  return lines.join("\n");
}

/** The summary line of a check: how many errors and warnings in how many files, and what it means for the build. */
export function summarizeFindings(findings: readonly Finding[], lang?: MessageLang): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const files = new Set(findings.map((f) => f.file)).size;
  return say(
    errors > 0
      ? { zh: `共 ${files} 个文件有问题：${errors} 个错误、${warnings} 个警告。改正全部错误后才能生成网站。`, en: `${files} file${files === 1 ? "" : "s"} with problems: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}. Fix every error before the site can be built.` }
      : { zh: `共 ${files} 个文件有警告：${warnings} 个警告，没有错误（可以生成网站）。`, en: `${files} file${files === 1 ? "" : "s"} with warnings: ${warnings} warning${warnings === 1 ? "" : "s"}, no errors (the site can be built).` },
    lang,
  );
}
