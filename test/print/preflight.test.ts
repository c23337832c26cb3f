import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GRID, MARGINS, TYPE_AREA, breakTitle, pdfWords, preflightLayout, printedTitleLines, titleLineEm, titleWords, type PageMeasure, type PdfWord, type PreflightFinding } from "../../src/print/index.ts";
import type { SiteData } from "../../src/site/index.ts";
import { serveStatic } from "../../src/browser/index.ts";
import { pageTexts } from "../helpers/poppler.ts";
import { releaseBrowser, sharedBrowser } from "../helpers/browser.ts";
import { samplePdf } from "../helpers/sample-pdf.ts";
import { after, before } from "../helpers/hooks.ts";

// A print shop's preflight of the sample issue's PDF, measured on 300-dpi renders (pdftoppm) and
// word boxes (pdftotext -bbox): every GB/T 9704-2012 distance within ± 0.5 mm.
let site: SiteData;
let pdf = "";
let out = "";
let starts: Record<string, number> = {};
let pages: PageMeasure[] = [];
let findings: PreflightFinding[] = [];
let words: PdfWord[][] = [];
const TOL = 0.5;
const charMm = TYPE_AREA.widthMm / GRID.charsPerLine;

before(test, async () => {
    const sample = await samplePdf();
    ({ site, out } = sample);
    pdf = sample.printed.file;
    starts = sample.printed.starts;
    const first = Math.min(...Object.values(starts));
    const skip = Array.from({ length: first - 1 }, (_, i) => i + 1); // cover and contents
    ({ pages, findings } = preflightLayout(pdf, { documentStarts: Object.values(starts), skip, toleranceMm: TOL }));
    words = pdfWords(pdf);
});

const docs = () => site.issues.find((i) => i.key === "2019-02")!.documents;

test("every measured distance is within ± 0.5 mm of GB/T 9704-2012 (preflight finds nothing)", () => {
  assert.equal(findings, []);
  assert.ok(pages.length > 30, `${pages.length} pages`);
});

test("the page-number dash is 7 mm below the type area on every numbered page (§7.5)", () => {
  const numbered = pages.slice(1);
  for (const p of numbered) assert.ok(p.dashGap !== undefined && Math.abs(p.dashGap - 7) <= TOL, `page ${p.page}: ${p.dashGap?.toFixed(2)} mm`);
  assert.is(pages[0]!.dashGap, undefined, "no number on the cover");
});

test("the red rule is 4 mm below the em box of the document number on every document's first page (§7.2.7)", () => {
  const numbered = docs().filter((d) => d.docNumbers.length > 0);
  assert.ok(numbered.length >= 4);
  for (const doc of numbered) {
    const gap = pages[starts[doc.slug]! - 1]!.redRuleGap;
    assert.ok(gap !== undefined && Math.abs(gap - 4) <= TOL, `${doc.slug}: ${gap?.toFixed(2)} mm`);
  }
});

test("the first line of text starts at 37 mm, the top of the type area, on every page of text (§5.2.2)", () => {
  const measured = pages.filter((p) => p.firstLineTop !== undefined);
  assert.ok(measured.length >= 30, `${measured.length} pages`);
  for (const p of measured) assert.ok(Math.abs(p.firstLineTop! - MARGINS.topMm) <= TOL, `page ${p.page}: ${p.firstLineTop!.toFixed(2)} mm`);
});

test("every line is on the 22-line grid, a Kai or Hei run included, and full pages hold 22 lines (§5.2.4)", () => {
  const textPages = pages.filter((p) => p.lines > 0);
  for (const p of textPages) assert.ok(p.offGrid <= TOL, `page ${p.page}: ${p.offGrid.toFixed(2)} mm off the grid`);
  const full = pages.filter((p) => p.lines === GRID.lines);
  assert.ok(full.length >= 20, `${full.length} pages of 22 lines: ${pages.map((p) => p.lines).join(",")}`);
});

test("titles break between words, with balanced lines, never inside a document number or an issuer (§7.3.1)", () => {
  let multiLine = 0;
  for (const doc of docs()) {
    const printed = printedTitleLines(words[starts[doc.slug]! - 1]!);
    const lines: string[] = [];
    while (lines.join("") !== doc.title && printed.length) lines.push(printed.shift()!);
    assert.is(lines.join(""), doc.title, doc.slug);
    assert.equal(lines, breakTitle(doc.title, { lineEm: titleLineEm(), terms: doc.issuers }), doc.slug);
    const boundaries = new Set<number>();
    let at = 0;
    for (const w of titleWords(doc.title, doc.issuers, { loose: true })) boundaries.add((at += w.length));
    at = 0;
    for (const line of lines.slice(0, -1)) assert.ok(boundaries.has((at += line.length)), `${doc.slug}: break after ${line}`);
    if (lines.length > 1) {
      multiLine++;
      const lengths = lines.map((l) => l.length);
      assert.ok(Math.max(...lengths) - Math.min(...lengths) <= 4, `${doc.slug}: ${lines.join(" | ")}`);
    }
  }
  assert.ok(multiLine >= 3, "the sample has titles of two and three lines");
});

test("the 附件说明 has one blank line above it and a wrapped name aligned under its first character (§7.3.4)", () => {
  const notes = words.flatMap((ws, i) => ws.filter((w) => w.text.startsWith("附件：")).map((w) => ({ page: i, w })));
  assert.is(notes.length, 2);
  for (const { page, w } of notes) {
    const above = words[page]!.filter((v) => v.yMax < w.yMin && v.yMin > w.yMin - 40).sort((a, b) => b.yMin - a.yMin)[0]!;
    const pitch = (TYPE_AREA.heightMm - 16 * (25.4 / 72)) / 21;
    assert.ok(Math.abs(w.yMin - above.yMin - 2 * pitch) <= TOL, `blank line above ${w.text}: ${(w.yMin - above.yMin).toFixed(2)} mm`);
    assert.ok(Math.abs(w.xMin - (MARGINS.leftMm + 2 * charMm)) <= TOL, `indented two characters: ${w.xMin.toFixed(2)} mm`);
    if (w.xMax < MARGINS.leftMm + TYPE_AREA.widthMm - charMm) continue; // not wrapped
    // The wrap: the next line, on this page or at the top of the next.
    const next = words[page]!.find((v) => v.yMin > w.yMin + 5 && v.yMin < w.yMin + 15) ?? words[page + 1]!.find((v) => v.yMin > MARGINS.topMm - 3)!; // below the running head
    assert.ok(Math.abs(next.xMin - (w.xMin + 3 * charMm)) <= TOL, `"${next.text}" at ${next.xMin.toFixed(2)} mm, name starts at ${(w.xMin + 3 * charMm).toFixed(2)} mm`);
  }
});

test("inline bold stays in the serif face and a form's first row is set like the others", async () => {
  const html = await readFile(path.join(out, "print/2019-02/rzbf-2019-5/index.html"), "utf8");
  assert.ok(html.includes('<table class="gbt-form"><thead class="gbt-table-space">'), "the form is marked, with an empty header row");
  assert.match(html, /<tbody>\n<tr>\n<td>拟贷款企业名称<\/td>/, "its first field row is a data row");
  const form = html.slice(html.indexOf('<table class="gbt-form">'), html.indexOf("</table>", html.indexOf('<table class="gbt-form">')));
  assert.not.match(form, /<th\b/, "no header cell in the form");
  const css = await readFile(path.join(out, "assets/print.css"), "utf8");
  assert.match(css, /\.gbt strong\{font-weight:700;font-family:"Noto Serif SC"\}/);
});

test("before npm run pdf, the print view's contents show no page numbers (never 0)", async () => {
  const html = await readFile(path.join(out, "print/2019-02/index.html"), "utf8");
  assert.match(html, /（<span data-toc-page="rzf-2019-2"><\/span>）/);
  const css = await readFile(path.join(out, "assets/print.css"), "utf8");
  assert.ok(css.includes(".gbt-toc__page:has(>[data-toc-page]:empty){visibility:hidden}"), "empty numbers hidden");
});

test("the website's own print (Ctrl+P on a document page) has page numbers, and no download links or history block", async () => {
  // The PDF links shown, as after npm run pdf, to check they still do not print.
  const file = path.join(out, "2019/2/rzbf-2019-5/index.html");
  const html = (await readFile(file, "utf8")).replace(/ hidden>下载/g, ">下载");
  await writeFile(file, html);
  const server = await serveStatic(out);
  const browser = await sharedBrowser();
  const page = await browser.newPage();
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-site-print-"));
  try {
    await page.goto(`${server.url}/2019/2/rzbf-2019-5/`, { waitUntil: "load" });
    const printedFile = path.join(dir, "page.pdf");
    await writeFile(printedFile, await page.pdf({ preferCSSPageSize: true }));
    const text = pageTexts(printedFile);
    const all = text.join("").replace(/\s+/g, "");
    assert.ok(all.includes("乳山市资本市场缓释基金管理办法"), "the text is printed");
    for (const gone of ["下载本文印刷版", "下载本期公报印刷版", "修订记录", "大字号"]) assert.not.ok(all.includes(gone), gone);
    for (const [i, t] of text.entries()) assert.match(t, new RegExp(`—\\s*${i + 1}\\s*—`), `page ${i + 1} numbered`);
  } finally {
    await page.close();
    await releaseBrowser();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
