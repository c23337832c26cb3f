import { closest, distance } from "fastest-levenshtein";
import type { Finding } from "../finding.ts";
import type { GazetteIssue, NumberedFile } from "../model.ts";
import type { YamlSource } from "../yaml-source.ts";

/**
 * Shape rules for metadata that cannot be right whatever its source (typed by hand or inferred
 * by `npm run import`): an issuer (发文机关) that holds a piece of a title, and a title that is
 * only part of one. An organ name never contains 关于 or 印发 (they open the subject of a title,
 * GB/T 9704-2012 §7.3.1: 标题由发文机关名称、事由和文种组成), nor 《 (a cited document) or 、
 * (an enumeration), and never ends in punctuation.
 * @returns the problem in Chinese, or null when the issuer may be an organ name.
 */
export function issuerShapeProblem(issuer: string): string | null {
  const s = issuer.trim();
  for (const word of ["关于", "關於", "印发", "印發"]) if (s.includes(word)) return `含有“${word}”，是标题的一部分而非机关名称`;
  for (const mark of ["《", "、"]) if (s.includes(mark)) return `含有“${mark}”，是标题的一部分而非机关名称`;
  if (/[\p{P}]$/u.test(s)) return `以标点“${[...s].at(-1)}”结尾`;
  return null;
}

const PAIRS: [string, string][] = [["《", "》"], ["（", "）"], ["(", ")"], ["“", "”"], ["〔", "〕"], ["【", "】"]];

/**
 * A title (标题) that is not a whole title: it ends in 、 ， ； or ：, or opens a bracket or
 * quotation mark (《 （ “ 〔 【) that it never closes, or closes one it never opened: the sign of a
 * title taken from one line of a title printed over several. An unpaired straight double quote
 * (") is a YAML quote written once too often or too seldom.
 * @returns the problem in Chinese, or null.
 */
export function titleShapeProblem(title: string): string | null {
  const s = title.trim();
  const last = [...s].at(-1);
  if (last !== undefined && "、，,；;：:".includes(last)) return `以“${last}”结尾，标题不完整`;
  if ((s.match(/"/gu)?.length ?? 0) % 2 === 1) return "有一个没有配对的英文双引号 \"，多半是 YAML 的引号多写或少写了一个";
  for (const [open, close] of PAIRS) {
    let depth = 0;
    for (const ch of s) {
      if (ch === open) depth++;
      else if (ch === close && --depth < 0) return `有“${close}”而没有对应的“${open}”，标题不完整`;
    }
    if (depth > 0) return `“${open}”没有闭合，标题不完整`;
  }
  return null;
}

/**
 * Checks the issuer(s) and the title of one document's front matter against
 * {@link issuerShapeProblem} and {@link titleShapeProblem}; each problem is an error at the
 * field's line.
 * @param value the parsed front matter (before the schema).
 */
export function checkMetadataShapes(source: YamlSource, value: unknown): Finding[] {
  const findings: Finding[] = [];
  const fm = (value ?? {}) as Record<string, unknown>;
  const issuers = Array.isArray(fm.issuer) ? fm.issuer : [fm.issuer];
  issuers.forEach((issuer, i) => {
    if (typeof issuer !== "string") return;
    const problem = issuerShapeProblem(issuer);
    if (!problem) return;
    const pos = source.positionOf(Array.isArray(fm.issuer) ? ["issuer", i] : ["issuer"]);
    findings.push({ file: source.file, ...pos, severity: "error", message: `发文机关“${issuer}”${problem}`, fix: "按原件的署名或版头填写发文机关全称，如 issuer: \"乳山市人民政府\"" });
  });
  if (typeof fm.title === "string") {
    const problem = titleShapeProblem(fm.title);
    if (problem && hasStrayQuote(fm.title)) findings.push(strayQuoteFinding(source, fm.title, problem));
    else if (problem) findings.push({ file: source.file, ...source.positionOf(["title"]), severity: "error", message: `标题“${fm.title}”${problem}`, fix: "按原件（或目录）核对标题：分几行印刷的标题要连成一行；书名号、括号、引号要成对，用错的改成原件上的那一个" });
  }
  return findings;
}

/** True when `title` holds an odd number of straight double quotes (a YAML quote written once too often or too seldom). */
function hasStrayQuote(title: string): boolean {
  return (title.match(/"/gu)?.length ?? 0) % 2 === 1;
}

/**
 * The error for a title with an unpaired straight double quote: the fix is to delete the extra
 * quote or pair it, not to complete the title. Points at the last quote when the title is written
 * unquoted on one line (`title: 关于…的通知"`), else at the value.
 */
function strayQuoteFinding(source: YamlSource, title: string, problem: string): Finding {
  const node = source.doc.get("title", true) as { type?: string; range?: [number, number, number] } | undefined;
  let pos = source.positionOf(["title"]);
  if (node?.type === "PLAIN" && node.range) {
    const start = source.at(node.range[0]);
    if (source.at(node.range[1]).line === start.line) pos = source.at(node.range[0] + title.lastIndexOf('"'));
  }
  const whole = title.replace(/"/gu, "");
  return {
    file: source.file,
    ...pos,
    severity: "error",
    message: `标题“${title}”${problem}`,
    fix: `删去多余的英文双引号 "，或补上另一个使它成对：给整个标题加引号写成 title: "${whole}"；标题原文中的引号用中文引号“”`,
    en: { message: `the title "${title}" has an unpaired straight double quote ("), probably a YAML quote written once too often or too seldom`, fix: `delete the extra " or add its pair: quote the whole title as title: "${whole}"; quotation marks of the title itself are Chinese “”` },
  };
}

/**
 * The known issuer `issuer` is probably a slip of: one that `issuer` starts with or that starts
 * with `issuer` (a name cut short or run on), else the closest by edit distance when at most a
 * quarter of the name's characters (at least 1) differ. A name farther from every known one
 * (乳山市财政局 against 乳山市人民政府) is a different organ: undefined, nothing is suggested.
 */
export function closestIssuer(issuer: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const prefix = [...known].sort((a, b) => b.length - a.length).find((k) => issuer.startsWith(k) || k.startsWith(issuer));
  if (prefix) return prefix;
  const near = closest(issuer, [...known]);
  return distance(issuer, near) <= Math.max(1, Math.floor([...issuer].length / 4)) ? near : undefined;
}

/**
 * Warns about every issuer that the archive's list of known issuers (`issuers:` in
 * `issues/archive.yml`) does not hold, naming the closest known one. Does nothing when the
 * archive keeps no such list. An issuer with a shape error ({@link issuerShapeProblem}) is left
 * out: it is reported as an error, and adding it to the list would be wrong.
 * @param issues every loaded gazette issue.
 * @param leftOut documents left out for an error elsewhere, with the issuers still read from them,
 *   so that an unknown issuer is said in the same pass as that error.
 */
export function checkKnownIssuers(issues: readonly GazetteIssue[], known: readonly string[], leftOut: readonly NumberedFile[] = []): Finding[] {
  if (known.length === 0) return [];
  const set = new Set(known);
  const findings: Finding[] = [];
  const files = [
    ...issues.flatMap((i) => i.documents.map((d) => ({ file: d.sourcePath, names: d.issuers, line: d.fieldLines?.issuer ?? 1 }))),
    ...leftOut.flatMap((f) => (f.issuers ? [{ file: f.sourcePath, ...f.issuers }] : [])),
  ];
  for (const { file, names, line } of files) {
    for (const issuer of names) {
      // An issuer that cannot be an organ name is an error already: never suggest listing it.
      if (set.has(issuer) || issuerShapeProblem(issuer)) continue;
      const near = closestIssuer(issuer, known);
      findings.push({
        file,
        line,
        column: 1,
        severity: "warning",
        message: `发文机关“${issuer}”不在已知发文机关名单（issues/archive.yml 的 issuers）中${near ? `，最接近的是“${near}”` : ""}`,
        fix: near ? `核对原件：如应为“${near}”请改正；确为新的发文机关时，把它加入 issues/archive.yml 的 issuers` : "核对原件后，把它加入 issues/archive.yml 的 issuers",
      });
    }
  }
  return findings;
}
