import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { DocumentView } from "../model/site-model.ts";
import { pdfWords, printedTitleLines, type PreflightFinding } from "./preflight.ts";
import { titleLineEm } from "./print-titles.ts";
import { breakTitle, titleWords } from "./title-lines.ts";

/**
 * Preflights a press PDF as a print shop would: PDF/X-1a (`pdfinfo`), Ghostscript's own PDF/X
 * check (converting it again reports nothing outside PDF/X), every font embedded (`pdffonts`),
 * no RGB colour space, a page count that is a multiple of 4.
 * @returns findings in Chinese, page 0 for the whole file; empty when it passes.
 */
export function preflightPress(file: string): PreflightFinding[] {
  const findings: PreflightFinding[] = [];
  const find = (message: string) => findings.push({ page: 0, message });
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  if (!/PDF subtype:\s+PDF\/X-1:2001/.test(info)) find("不是 PDF/X-1a 文件（pdfinfo 未报告 PDF/X-1:2001）");
  const pages = Number(info.match(/Pages:\s+(\d+)/)?.[1] ?? 0);
  if (pages % 4 !== 0) find(`页数 ${pages} 不是 4 的倍数，骑马订需要补空白页`);
  const gs = spawnSync("gs", ["-q", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite", "-dPDFX", "-sColorConversionStrategy=CMYK", "-sProcessColorModel=DeviceCMYK", "-o", "/dev/null", file], { encoding: "utf8" });
  if (gs.status !== 0 || /not permitted|reverting/i.test(`${gs.stdout}${gs.stderr}`)) find(`Ghostscript 的 PDF/X 检查未通过：${`${gs.stdout}${gs.stderr}`.trim().slice(0, 200)}`);
  for (const row of execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2)) {
    if (!/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/.test(row)) find(`字体未完整嵌入：${row.trim()}`);
  }
  if (readFileSync(file).includes("/DeviceRGB")) find("仍有 RGB 色彩空间（DeviceRGB）");
  return findings;
}

/**
 * Checks each document title as printed on its first page (GB/T 9704-2012 §7.3.1): the lines are
 * those of `breakTitle`, and every break falls between two words of `titleWords`.
 * @param starts page (1-based) where each document starts, by slug.
 * @returns findings in Chinese and how many titles took more than one line.
 */
export function preflightTitles(pdf: string, docs: DocumentView[], starts: Record<string, number>): { findings: PreflightFinding[]; multiLine: number } {
  const words = pdfWords(pdf);
  const findings: PreflightFinding[] = [];
  let multiLine = 0;
  for (const doc of docs) {
    const page = starts[doc.slug]!;
    const printed = printedTitleLines(words[page - 1] ?? []);
    const lines: string[] = [];
    while (lines.join("") !== doc.title && printed.length) lines.push(printed.shift()!);
    if (lines.join("") !== doc.title) {
      findings.push({ page, message: `标题“${doc.title}”未在首页找到` });
      continue;
    }
    if (lines.length > 1) multiLine++;
    const expected = breakTitle(doc.title, { lineEm: titleLineEm(), terms: doc.issuers });
    if (lines.join("|") !== expected.join("|")) findings.push({ page, message: `标题回行与计算不符：${lines.join("｜")}（应为 ${expected.join("｜")}）` });
    const boundaries = new Set<number>();
    let at = 0;
    for (const w of titleWords(doc.title, doc.issuers, { loose: true })) boundaries.add((at += w.length));
    at = 0;
    for (const line of lines.slice(0, -1)) if (!boundaries.has((at += line.length))) findings.push({ page, message: `标题在词中回行：${line}｜…` });
  }
  return { findings, multiLine };
}
