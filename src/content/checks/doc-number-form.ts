import { canonicalDocNumber, parseDocNumber } from "../doc-number.ts";
import type { Finding } from "../finding.ts";
import type { YamlSource } from "../yaml-source.ts";

/**
 * Checks how each document number (发文字号) of a document is written, after the field shapes
 * passed: a variant form (`[]`, `【】`, `（）`, `()`, `［］`, `﹝﹞` around the year, full-width
 * digits, stray spaces) is a warning showing the canonical 〔〕 form of GB/T 9704-2012 §7.2.5;
 * a year in the number that differs from the year of `date` is a warning.
 * @param raw the `docNumber` value as written (string or list), `date` as `YYYY-MM-DD`, or
 *   undefined for an undated document (then the year is not compared).
 */
export function checkDocNumberForm(source: YamlSource, raw: unknown, date: string | undefined): Finding[] {
  const written = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const findings: Finding[] = [];
  written.forEach((value, i) => {
    if (typeof value !== "string") return;
    const canonical = canonicalDocNumber(value);
    const parts = parseDocNumber(value);
    if (canonical === null || parts === null) return;
    const at = source.positionOf(Array.isArray(raw) ? ["docNumber", i] : ["docNumber"]);
    if (value !== canonical) {
      findings.push({ file: source.file, ...at, severity: "warning", message: `发文字号“${value}”不是标准写法 ${canonical}`, fix: `改为 docNumber: "${canonical}"（年份用六角括号〔〕，不留空格，数字用半角）`, en: { message: `document number "${value}" is not in the standard form ${canonical}`, fix: `write it docNumber: "${canonical}" (year in 〔〕, no spaces, half-width digits)` } });
    }
    if (date !== undefined && parts.year !== Number(date.slice(0, 4))) {
      findings.push({ file: source.file, ...at, severity: "warning", message: `发文字号 ${canonical} 中的年份 ${parts.year} 与成文日期 ${date} 的年份不同`, fix: "对照印刷本核对发文字号和成文日期", en: { message: `the year ${parts.year} in document number ${canonical} differs from the year of date ${date}`, fix: "check the document number and the date against the printed document" } });
    }
  });
  return findings;
}
