import { test } from "uvu";
import * as assert from "uvu/assert";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { weightClass } from "../../src/print/font-names.ts";
import { MARGINS, PRINT_FONTS, TYPE_AREA, linePitchMm, printPdfs, printTasks, readOutline, type PrintedPdf } from "../../src/print/index.ts";
import type { SiteData } from "../../src/site/index.ts";
import { bboxPages, pageTexts, poppler, type BoxPage } from "../helpers/poppler.ts";
import { releaseBrowser, sharedBrowser } from "../helpers/browser.ts";
import { samplePdf } from "../helpers/sample-pdf.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";

// The real sample gazette issue (issues/2019-02), built and printed once in Chromium (samplePdf),
// checks the file with poppler-utils as a print shop would.
let out = "";
let site: SiteData;
let printed: PrintedPdf;
let pdf = "";
let boxes: BoxPage[] = [];
let texts: string[] = [];
const TOL = TYPE_AREA.toleranceMm;
const typeLeft = MARGINS.leftMm;
const typeRight = MARGINS.leftMm + TYPE_AREA.widthMm;
const typeTop = MARGINS.topMm;
const typeBottom = MARGINS.topMm + TYPE_AREA.heightMm;
const strip = (s: string) => s.replace(/\s+/g, "");
const em = 16 * (25.4 / 72);

before(test, async () => {
  ({ out, site, printed } = await samplePdf());
  pdf = printed.file;
  boxes = bboxPages(pdf);
  texts = pageTexts(pdf);
});

const issue = () => site.issues.find((i) => i.key === "2019-02")!;
/** Words of the page number line: below the type area. */
const footer = (p: BoxPage) => p.words.filter((w) => w.yMin > typeBottom);
/** Words of the running head: above the type area. */
const header = (p: BoxPage) => p.words.filter((w) => w.yMax < typeTop - 2);
/** Words of the type area. */
const body = (p: BoxPage) => p.words.filter((w) => w.yMin <= typeBottom && w.yMax >= typeTop - 2);
const RUNNING_HEAD = /乳山市人民政府公报\s*·\s*2019年第2期/g;

test("writes _site/pdf/2019-02.pdf: A4 pages, tagged, with title, author, subject and language", async () => {
  assert.is(path.relative(out, pdf), "pdf/2019-02.pdf");
  const info = poppler("pdfinfo", [pdf]);
  assert.match(info, /Title:\s+乳山市人民政府公报2019年第2期/);
  assert.match(info, /Author:\s+乳山市人民政府办公室/);
  assert.match(info, /Subject:\s+乳山市人民政府公报 2019年第2期（季刊）/);
  assert.match(info, /Tagged:\s+yes/);
  assert.match(info, new RegExp(`Pages:\\s+${printed.pages}\\n`));
  assert.ok(printed.pages > 10, `${printed.pages} pages`);
  for (const [i, p] of boxes.entries()) {
    assert.ok(Math.abs(p.widthMm - 210) < TOL && Math.abs(p.heightMm - 297) < TOL, `page ${i + 1}: ${p.widthMm} × ${p.heightMm} mm`);
  }
  const doc = await PDFDocument.load(await readFile(pdf), { updateMetadata: false });
  assert.is(doc.catalog.get(PDFName.of("Lang"))?.toString(), "(zh-CN)");
});

test("every word lies inside the 156 × 225 mm type area at 37 mm top and 28 mm left (GB/T 9704-2012 §5.2.2)", () => {
  for (const [i, p] of boxes.entries()) {
    for (const w of body(p)) {
      assert.ok(w.xMin >= typeLeft - TOL && w.xMax <= typeRight + TOL, `page ${i + 1} "${w.text}" x ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)} mm`);
      // pdftotext's box runs from the face's ascent to its descent (1.44 em): its middle is within a
      // few tenths of a millimetre of the em box's, which lies inside the type area.
      const middle = (w.yMin + w.yMax) / 2;
      assert.ok(middle - em / 2 >= typeTop - TOL && middle + em / 2 <= typeBottom + TOL, `page ${i + 1} "${w.text}" y ${w.yMin.toFixed(1)}–${w.yMax.toFixed(1)} mm`);
    }
  }
});

test("full lines hold 28 characters across the 156 mm measure, 22 lines to a page (§5.2.4)", () => {
  const page = boxes[printed.starts["rzf-2019-2"]!]!; // second page of the first document: body text only
  const lines = [...new Set(body(page).map((w) => w.yMin.toFixed(0)))];
  assert.ok(lines.length >= 20 && lines.length <= 22, `${lines.length} lines`);
  const full = page.words.filter((w) => Math.abs(w.xMin - typeLeft) < 0.5 && Math.abs(w.xMax - typeRight) < 0.5 && !/[\d“”+A-Za-z]/.test(w.text));
  assert.ok(full.length > 5, "some full lines");
  // A line is one character short where the next would be punctuation that may not start a line.
  for (const w of full) assert.ok([...w.text].length === 28 || [...w.text].length === 27, w.text);
  assert.ok(full.filter((w) => [...w.text].length === 28).length >= full.length * 0.7, "most full lines hold 28");
  const first = Math.min(...body(page).map((w) => w.yMin));
  const lastBody = Math.max(...body(page).map((w) => w.yMin));
  const avgPitch = (lastBody - first) / (lines.length - 1);
  assert.ok(Math.abs(avgPitch - linePitchMm()) < 0.1, `line pitch ${avgPitch.toFixed(2)} mm`);
  // Words of one line differ a little in yMin between faces (Hei, Kai, Song): a new line starts 4 mm lower.
  const lineCount = (p: BoxPage) =>
    body(p)
      .map((w) => w.yMin)
      .sort((a, b) => a - b)
      .filter((y, i, ys) => i === 0 || y - ys[i - 1]! > 4).length;
  const counts = boxes.slice(printed.starts["rzf-2019-2"]! - 1).map(lineCount);
  assert.is(Math.max(...counts), 22, `lines per page: ${counts.join(",")}`);
});

test("every page but the cover has the running head 乳山市人民政府公报 · 2019年第2期 above the type area", () => {
  assert.is(header(boxes[0]!).length, 0, "none on the cover");
  for (const [i, p] of boxes.entries()) {
    if (i === 0) continue;
    assert.is(strip(header(p).map((w) => w.text).join("")), "乳山市人民政府公报·2019年第2期", `page ${i + 1}`);
  }
});

test("every page but the cover has its number — N — 7 mm below the type area, odd at the right and even at the left, one character in (§7.5)", () => {
  assert.is(footer(boxes[0]!).length, 0, "no number on the cover");
  for (let i = 1; i < boxes.length; i++) {
    const n = i + 1;
    const words = footer(boxes[i]!);
    assert.equal(words.map((w) => w.text), ["—", String(n), "—"], `page ${n}`);
    // The dash itself is measured on a render by the preflight suite; here, the line's box.
    const middle = (Math.min(...words.map((w) => w.yMin)) + Math.max(...words.map((w) => w.yMax))) / 2;
    assert.ok(middle > typeBottom + 5 && middle < typeBottom + 8, `page ${n}: number ${(middle - typeBottom).toFixed(1)} mm below the type area`);
    const char = 14 * (25.4 / 72);
    if (n % 2 === 1) {
      const right = Math.max(...words.map((w) => w.xMax));
      assert.ok(Math.abs(typeRight - char - right) < TOL, `odd page ${n}: right edge ${right.toFixed(1)} mm`);
    } else {
      const left = Math.min(...words.map((w) => w.xMin));
      assert.ok(Math.abs(typeLeft + char - left) < TOL, `even page ${n}: left edge ${left.toFixed(1)} mm`);
    }
  }
});

test("the table of contents gives, for every document, the page where its title is printed", () => {
  const docs = issue().documents;
  const firstDocPage = Math.min(...Object.values(printed.starts));
  const tocNumbers = texts
    .slice(1, firstDocPage - 1)
    .flatMap((t) => t.split("\n"))
    .map((l) => l.match(/（(\d+)）\s*$/)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  assert.is(tocNumbers.length, docs.length, `TOC numbers ${tocNumbers.join(",")}`);
  for (const [k, doc] of docs.entries()) {
    const page = texts.findIndex((t, i) => i >= firstDocPage - 1 && strip(t).includes(strip(doc.title))) + 1;
    assert.ok(page > 0, `title of ${doc.slug} not found`);
    assert.is(tocNumbers[k], page, doc.title);
    assert.is(printed.starts[doc.slug], page, doc.slug);
  }
});

test("each document starts on a new page and has a bookmark pointing there", async () => {
  const outline = readOutline(await PDFDocument.load(await readFile(pdf)));
  assert.equal(outline.map((o) => o.title), issue().documents.map((d) => d.title));
  for (const [k, doc] of issue().documents.entries()) {
    assert.is(outline[k]!.page, printed.starts[doc.slug]);
    const top = body(boxes[outline[k]!.page - 1]!)[0]!;
    assert.ok(strip(doc.docNumbers[0] ?? doc.title).startsWith(strip(top.text).slice(0, 4)), `${doc.slug} starts at the top of its page, found "${top.text}"`);
  }
});

test("every font is embedded as a CID TrueType subset of a bundled face — no Type 3, no system font", () => {
  const rows = poppler("pdffonts", [pdf]).trim().split("\n").slice(2);
  assert.ok(rows.length > 0);
  const families = PRINT_FONTS.map((f) => f.family.replace(/\s+/g, ""));
  for (const row of rows) {
    const [name, ...rest] = row.trim().split(/\s+/);
    const line = rest.join(" ");
    assert.ok(line.startsWith("CID TrueType"), row);
    assert.match(line, /Identity-H\s+yes\s+yes\s+yes/, row);
    const face = name!.replace(/^[A-Z]{6}\+/, "");
    assert.ok(families.some((f) => face.startsWith(f)), `unexpected font ${face}`);
  }
  const used = rows.map((r) => r.trim().split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ""));
  for (const f of families) assert.ok(used.some((u) => u.startsWith(f)), `${f} used (Song, Hei and Kai all appear in the sample)`);
});

test("the faces are the intended weights and say so: Regular is usWeightClass 400, Bold 700, no ExtraLight or Thin name", async () => {
  const doc = await PDFDocument.load(await readFile(pdf), { updateMetadata: false });
  const seen = new Set<string>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of("Type")) !== PDFName.of("FontDescriptor")) continue;
    const name = (obj.get(PDFName.of("FontName")) as PDFName).decodeText().replace(/^[A-Z]{6}\+/, "");
    assert.not.match(name, /Thin|Light/, name);
    const weight = weightClass(decodePDFRawStream(doc.context.lookup(obj.get(PDFName.of("FontFile2"))) as PDFRawStream).decode());
    assert.is(weight, name.endsWith("-Bold") ? 700 : 400, `${name}: usWeightClass ${weight}`);
    seen.add(name);
  }
  assert.equal([...seen].sort(), ["LXGWWenKai-Regular", "NotoSansSC-Regular", "NotoSerifSC-Bold", "NotoSerifSC-Regular"]);
  const listed = poppler("pdffonts", [pdf]).trim().split("\n").slice(2).map((r) => r.trim().split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ""));
  assert.equal([...new Set(listed)].sort(), [...seen].sort(), "pdffonts shows the same names");
});

test("the Chinese text can be copied back out of the PDF, word for word", async () => {
  // A paragraph may run over a page: leave out the page numbers between its parts.
  const all = strip(texts.map((t) => t.replace(/—\s*\d+\s*—/g, "").replace(RUNNING_HEAD, "")).join(""));
  for (const doc of issue().documents) {
    const source = await readFile(path.join(PROJECT_ROOT, "issues/2019-02", `${doc.slug}.md`), "utf8");
    const paragraphs = source.split(/\n\s*\n/).filter((p) => /^[\u4e00-\u9fff“《]/.test(p) && p.length > 30).slice(0, 3);
    assert.ok(paragraphs.length > 0 || doc.slug === "renmian", doc.slug);
    for (const p of paragraphs) assert.ok(all.includes(strip(p)), `${doc.slug}: ${p.slice(0, 20)}…`);
  }
  for (const s of ["缓释基金", "严重精神障碍", "增减挂钩", "（此件公开发布）", "乳政办发〔2019〕5号"]) assert.ok(all.includes(s), s);
});

test("no character of the sample issue is missing: every character of the documents is in the PDF text", () => {
  const pdfChars = new Set(strip(texts.join("")));
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  for (const doc of issue().documents) {
    const chars = new Set(strip(decode((doc.title + doc.docNumbers.join("") + doc.html).replace(/<[^>]*>/g, ""))));
    const missing = [...chars].filter((c) => !pdfChars.has(c));
    assert.equal(missing, [], doc.slug);
  }
});

test("no heading is the last line of a page", () => {
  const headings = new Set(issue().documents.flatMap((d) => d.outline.map((h) => strip(h.text))));
  assert.ok(headings.size > 5);
  for (const [i, t] of texts.entries()) {
    const lines = t.split("\n").map(strip).filter((l) => l && !/^—\d+—$/.test(l));
    const last = lines.at(-1) ?? "";
    assert.not.ok(headings.has(last), `page ${i + 1} ends with the heading ${last}`);
  }
});

test("npm run pdf changes no page: a site built without PDFs links none, even once PDFs exist", async () => {
  const issueHtml = await readFile(path.join(out, "2019/2/index.html"), "utf8");
  assert.ok(printed.pages > 10, "the issue PDF was made");
  assert.not.ok(issueHtml.includes('href="/pdf/'), "no link to a PDF the build did not make");
  const docHtml = await readFile(path.join(out, "2019/2/rzbf-2019-5/index.html"), "utf8");
  assert.not.ok(docHtml.includes("pdf-link"));
});

test("print views are not in the search index", async () => {
  const html = await readFile(path.join(out, "print/2019-02/index.html"), "utf8");
  assert.not.ok(html.includes("data-pagefind"));
});

/** SHA-256 of every file of the built site but the PDFs, by relative path. */
async function siteFilesButPdfs(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(e.parentPath, e.name);
    if (e.isFile() && !file.endsWith(".pdf")) files.set(path.relative(dir, file), createHash("sha256").update(await readFile(file)).digest("hex"));
  }
  return files;
}

test("two runs give the same PDF, byte for byte (in a browser that printed before, and in a new one), and change no other file of the site (page reuse trusts that)", async () => {
  const tasks = printTasks(site, { issue: "2019-02", documents: true }).filter((t) => t.file === "pdf/2019-02/renmian.pdf");
  assert.is(tasks.length, 1);
  const pages = await siteFilesButPdfs(out);
  assert.ok([...pages.keys()].some((f) => f.endsWith("index.html")), "the site has pages");
  const browser = await sharedBrowser();
  const [a] = await printPdfs(out, tasks, () => {}, "/", { browser }).finally(releaseBrowser);
  const first = await readFile(a!.file);
  const [b] = await printPdfs(out, tasks);
  const second = await readFile(b!.file);
  assert.ok(first.equals(second), "identical bytes");
  assert.equal(await siteFilesButPdfs(out), pages, "every page, print view and asset as the build wrote it");
});

test.run();
