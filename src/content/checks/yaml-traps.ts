import { isMap, isScalar, isSeq, Scalar } from "yaml";
import type { Finding } from "../finding.ts";
import type { YamlSource } from "../yaml-source.ts";

/** Plain YAML words that YAML 1.1 readers (and many tools) take as true/false. */
const YES_NO = /^(?:y|n|yes|no|on|off)$/i;
/** A value that is one word of ASCII letters and hyphens (public, on-request, valid): a comment after it cannot belong to it. */
const KEYWORD = /^[a-z]+(?:-[a-z]+)*$/;

/**
 * Looks at how each top-level value of a YAML file was written and warns about the traps that
 * read differently in other YAML tools or hide a typing slip:
 * - a number written with a leading zero (`number: 08`): YAML 1.1 reads 08 as a bad octal;
 * - an unquoted `yes`/`no`/`on`/`off`: YAML 1.1 reads it as true/false;
 * - a document number written as an unquoted `[ ]` that YAML reads as a list of numbers
 *   (`[2019, 8]`; `[2019]8号` is a syntax error, reported by `parseYamlSource`);
 * - an unquoted text value followed by ` #…` on the same line: YAML drops everything from ` #`
 *   as a comment, so `title: 乳山市关于 #测试的通知` would publish the title “乳山市关于”
 *   (review markers `# 待核…` are comments on purpose and are left alone).
 * The fix given is always the literal line to write.
 */
export function checkYamlTraps(source: YamlSource): Finding[] {
  const root = source.doc.contents;
  if (!isMap(root)) return [];
  const findings: Finding[] = [];
  for (const pair of root.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const value = pair.value;
    if (isScalar(value) && value.type === Scalar.PLAIN && value.source !== undefined) {
      const raw = value.source;
      const at = source.at(value.range?.[0] ?? 0);
      if (/^0\d+$/.test(raw)) {
        findings.push({ file: source.file, ...at, severity: "warning", message: `“${key}”写成了带前导零的 ${raw}，有的 YAML 程序会把它当作八进制数`, fix: `去掉前导零：${key}: ${Number(raw)}`, en: { message: `"${key}" is written ${raw} with a leading zero, which some YAML readers take as an octal number`, fix: `write it without the zero: ${key}: ${Number(raw)}` } });
      } else if (typeof value.value === "string" && value.comment && !value.comment.trim().startsWith("待核") && !KEYWORD.test(value.value)) {
        const comment = value.comment.trim();
        findings.push({ file: source.file, ...at, severity: "warning", message: `“${key}”的值在“ #”处断开：YAML 只读到“${value.value}”，把“#${comment}”当作注释丢掉了`, fix: `给整个值加英文双引号：${key}: "${value.value} #${comment}"`, en: { message: `"${key}" stops at " #": YAML reads "${value.value}" and drops "#${comment}" as a comment`, fix: `quote the whole value: ${key}: "${value.value} #${comment}"` } });
      } else if (YES_NO.test(raw)) {
        findings.push({ file: source.file, ...at, severity: "warning", message: `“${key}”的值是不带引号的 ${raw}，有的 YAML 程序会把它当作是/否`, fix: `加英文双引号：${key}: "${raw}"`, en: { message: `"${key}" is the bare word ${raw}, which some YAML readers take as true/false`, fix: `quote it: ${key}: "${raw}"` } });
      }
    }
    // Only when YAML did read the list: `[2024]5号` is a syntax error, said once by `parseYamlSource`.
    if (key === "docNumber" && isSeq(value) && value.flow && value.items.some((i) => isScalar(i) && typeof i.value === "number") && !errorOnLine(source, value.range?.[0] ?? 0)) {
      findings.push({
        file: source.file,
        ...source.at(value.range?.[0] ?? 0),
        severity: "error",
        message: "发文字号（docNumber）以 [ 开头，YAML 把它读成了一串数字",
        fix: '加英文双引号，如 docNumber: "乳政发[2019]2号"（网站上显示为 乳政发〔2019〕2号）',
        en: { message: `"docNumber" starts with [ and YAML read it as a list of numbers`, fix: 'quote it, e.g. docNumber: "乳政发[2019]2号" (it is shown as 乳政发〔2019〕2号)' },
      });
    }
  }
  return findings;
}

/** True when the YAML text has a syntax error on the line of character `offset`. */
function errorOnLine(source: YamlSource, offset: number): boolean {
  const line = source.at(offset).line;
  return source.doc.errors.some((e) => source.at(e.pos[0]).line === line);
}
