import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { HtmlValidate, type ConfigData } from "html-validate";

/**
 * html-validate rules for the built site: the recommended preset (WHATWG HTML conformance and
 * accessibility checks) with only what our output must do differently turned off:
 * - `attribute-empty-style`: Eleventy's HtmlBasePlugin writes boolean attributes as `hidden=""` in
 *   path-prefixed builds; both forms are valid HTML.
 * - `doctype-style`: `<!doctype html>` and `<!DOCTYPE html>` are equally valid; this is taste.
 * - `no-trailing-whitespace`: rendered Markdown may keep a line's trailing spaces; not an error.
 * - `long-title`: page titles are full official document titles and may exceed 70 characters.
 * - `role="list"` allowed on `<ol>`/`<ul>` (`no-redundant-role`, `prefer-native-element`): lists
 *   styled with `list-style: none` lose their list role in WebKit (Safari, VoiceOver) unless the
 *   role is written out, so the table of contents and issue lists carry it on purpose.
 * - `valid-id` relaxed: heading ids keep the heading's Chinese text and may start with a digit
 *   (`2019年工作要点`), which HTML allows (any id without whitespace); only real errors are reported.
 */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ["html-validate:recommended"],
  rules: {
    "attribute-empty-style": "off",
    "doctype-style": "off",
    "no-trailing-whitespace": "off",
    "long-title": "off",
    "valid-id": ["error", { relaxed: true }],
    "no-redundant-role": ["error", { exclude: ["list"] }],
    "prefer-native-element": ["error", { exclude: ["list"] }],
  },
};

/** One html-validate message: file relative to the site, 1-based line and column. */
export interface HtmlProblem {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

/**
 * Validates every `.html` file under `siteDir` with html-validate ({@link HTML_VALIDATE_CONFIG}).
 * Pagefind's own files (`pagefind/`) are skipped: they are not our pages.
 * @returns the number of files checked and every error (warnings are not reported).
 */
export async function validateSiteHtml(siteDir: string, config: ConfigData = HTML_VALIDATE_CONFIG): Promise<{ files: number; errors: HtmlProblem[] }> {
  const validator = new HtmlValidate(config);
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((f) => !f.startsWith("pagefind/"))
    .sort();
  const errors: HtmlProblem[] = [];
  for (const file of files) {
    const report = await validator.validateString(await readFile(path.join(siteDir, file), "utf8"), file);
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity === 2) errors.push({ file, line: m.line, column: m.column, rule: m.ruleId, message: m.message });
      }
    }
  }
  return { files: files.length, errors };
}

/** Formats problems one a line as `file:line:column  rule  message`. */
export function formatHtmlProblems(problems: HtmlProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.rule}  ${p.message}`).join("\n");
}
