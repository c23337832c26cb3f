import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { importDump, importPdf, type ImportResult } from "../../src/import/index.ts";
import { score, type Score } from "../fixtures/import/generator/measure.ts";
import type { Expected } from "../fixtures/import/generator/print.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";

const DIR = path.join(PROJECT_ROOT, "test/fixtures/import/layouts");

/** Each fixture layout: file, expected values, what it shows. */
const FIXTURES: [string, string, string][] = [
  ["one-column-bottom-numbers.pdf", "one-column-bottom-numbers", "one column, gazette running head, page numbers at the bottom, issuer on its own title line"],
  ["section-heads-three-line-titles.pdf", "section-heads-three-line-titles", "栏目 running heads on odd pages, page numbers at the top, titles over three lines, 目录 without 【】, each document on a new page"],
  ["two-columns-title-heads.pdf", "two-columns-title-heads", "two columns, document title as running head, 第N页 numbers, 目录 without leaders"],
  ["table-and-personnel-list.pdf", "table-and-personnel-list", "a table and a personnel list, 栏目 heads, numbers at the top"],
  ["regulations.pdf", "regulations", "regulations without signature, gazette name over two cover lines"],
  ["two-columns-wrapped-table.pdf", "two-columns-wrapped-table", "two columns with a table whose cells wrap over several lines, chapter headings in a row on a page with few lines"],
  ["bold-body-size-titles.pdf", "bold-body-size-titles", "titles and headings in bold at the body size, flush left, after a paragraph whose last line reaches the right edge"],
  ["mastheads-new-pages.pdf", "mastheads-new-pages", "each document on a new page under its masthead (版头, red, letter-spaced), after the page number and running head of the page before"],
  ["pdf-to-markdown.md", "pdf-to-markdown", "PDF-to-Markdown: titles over several heading lines, each followed by a blank line"],
  ["ocr-text.txt", "ocr-text", "OCR text: no blank lines, OCR spaces and half-width commas, 栏目 lines without 【】, 栏目 running heads"],
  ["pdftotext-table-and-list.txt", "table-and-personnel-list", "pdftotext: hard line wraps, form feeds, page numbers of the 目录 after its titles"],
  ["pdftotext-layout-one-column.txt", "one-column-bottom-numbers", "pdftotext -layout: indents kept as spaces, 目录 lines with the page far right"],
  ["pdftotext-regulations.txt", "regulations", "plain pdftotext of regulations: indents lost, gazette name over two cover lines, 目录 pages on lines of their own"],
];
/** `pdftotext -layout` of the two-column fixture: both columns side by side on each row. */
const TWO_COLUMNS: [string, string] = ["pdftotext-layout-two-columns.txt", "two-columns-title-heads"];

const results = new Map<string, { result: ImportResult; expected: Expected; score: Score }>();
before(test, async () => {
    for (const [file, name] of [...FIXTURES, TWO_COLUMNS]) {
      const expected = JSON.parse(await readFile(path.join(DIR, `${name}.expected.json`), "utf8")) as Expected;
      const result = file.endsWith(".pdf") ? await importPdf(new Uint8Array(await readFile(path.join(DIR, file))), { dumpName: file }) : importDump(await readFile(path.join(DIR, file), "utf8"), { dumpName: file });
      results.set(file, { result, expected, score: score(result, expected) });
    }
});

for (const [file, , what] of FIXTURES) {
  test(`${file} (${what}): every document, every value right or marked 待核, no character lost`, () => {
    const r = results.get(file);
    assert.ok(r, "imported");
    const { score: s, expected, result } = r!;
    assert.is(s.documents, expected.documents.length);
    assert.is(s.right, s.checked, "titles, numbers, dates, pages, sections (and PDF pages) all right");
    assert.equal(s.wrongUnmarked, [], "no wrong or unknown value without 待核");
    assert.is(s.lost, 0, "characters lost");
    assert.is(s.added, 0, "characters added");
    assert.ok(s.sameOrder, "text in printed order");
    assert.is(s.rejoined, s.split, `paragraphs split at a page end rejoined: ${s.notRejoined.join(" / ")}`);
    assert.equal(s.wronglyJoined, [], "no two printed paragraphs joined");
    assert.is(result.issue.gazette, expected.gazette);
    assert.is(result.issue.frequency, expected.frequency);
    assert.equal(result.issue.sections, expected.sections);
    assert.equal(Object.keys(result.issueUnsure), []);
  });
}

test("pdftotext -layout of a two-column issue is read column by column: every document, nothing lost, no two paragraphs joined", () => {
  const r = results.get(TWO_COLUMNS[0]);
  assert.ok(r, "imported");
  const { score: s, expected, result } = r!;
  assert.is(s.documents, expected.documents.length);
  assert.is(s.right, s.checked, "titles, numbers, dates, pages, sections all right");
  assert.equal(s.wrongUnmarked, []);
  assert.is(s.lost + s.added, 0, "characters lost or added");
  assert.equal(s.wronglyJoined, [], "no two printed paragraphs joined");
  // Rows whose quotation marks sit on another baseline come out as rows of their own, and a table's wrapped cells interleave; the rest are rejoined.
  assert.ok(s.rejoined >= 20, `split paragraphs rejoined: ${s.rejoined}/${s.split}`);
  assert.match(result.files["_editors-note.md"]!, /按先左栏、后右栏的顺序读取/);
});

test("a PDF import keeps the original and knows each document's page in it, checked against the printed number", () => {
  const { result, expected } = results.get("one-column-bottom-numbers.pdf")!;
  assert.ok(result.binaryFiles?.["original.pdf"] instanceof Uint8Array);
  assert.equal(result.documents.map((d) => d.fields.pdfPage), expected.documents.map((d) => d.pdfPage));
  for (const d of result.documents) {
    assert.match(d.text, new RegExp(`\\npdfPage: ${d.fields.pdfPage}\\n`));
    assert.match(d.fields.evidence.page!, /原件第\d+页印有页码\d+/);
  }
  const note = result.files["_editors-note.md"]!;
  assert.match(note, /偏旁部首码位折回为规范汉字 [1-9]\d* 个/);
  // Every running head and page number removed is listed with its page, and the cover and 目录 lines too.
  const listed = note.split("删除的页眉、页码：")[1] ?? "";
  assert.ok(result.dropped.filter((d) => d.line === 0).length > 0, "running heads found");
  for (const d of result.dropped.filter((x) => x.line === 0)) {
    const [, page, text] = /^原件第(\d+)页：(.*)$/s.exec(d.text)!;
    assert.ok(listed.includes(`| ${page} | \`${text!.replace(/\s+/g, " ").trim()}\` |`), `listed: ${d.text}`);
  }
  assert.match(note, /\| `(?:# )?目\s*录` \| 目录 \|/);
});

test("a heading told from the text only by its weight (bold at the body size, after a line reaching the right edge) stays a heading", () => {
  const { result } = results.get("bold-body-size-titles.pdf")!;
  const text = result.documents[0]!.text;
  assert.match(text, /\n## 二、抓牢双招双引，聚强核心动力\n/);
  assert.match(text, /（责任单位：市工信局；配合单位：各相关镇区）\n/, "the paragraph before it ends there");
  assert.match(text, /\n## 一、突破工业经济，补齐最大短板\n/);
  assert.not.match(text, /\n## [^\n]*。\n/, "no paragraph ending in 。 taken for a heading");
  // The signature is bold too, right-aligned: still a signature, its date read.
  assert.match(text, /\n::: signature\n\n乳山市人民政府\n\n2019年4月10日\n\n:::\n/);
  assert.is(result.documents[0]!.fields.date, "2019-04-10");
});

test("a table whose cells wrap is put back cell by cell, as one Markdown table", () => {
  const { result } = results.get("two-columns-wrapped-table.pdf")!;
  const text = result.documents[0]!.text;
  assert.match(text, /\n\| 拟贷款企业名称 \| XXX股份有限公司 \|\n\| --- \| --- \|\n\| 企业地址 \| 山东省乳山市XX镇（街道）XX街（路）XX号 \|\n/);
  assert.match(text, /\n\| 贷款依据 \| 企业简介、纳税情况、银行结算量、股权估值、发展前景等 \|\n/);
  assert.match(text, /\n## 第三章 运作程序\n/, "headings in a row, each its own");
});

test("running heads and page numbers never reach the text", () => {
  for (const [file] of FIXTURES) {
    const { result, expected } = results.get(file)!;
    for (const d of result.documents) {
      assert.not.match(d.text, /— \d+ —|第 ?\d+ ?页\n|公报　\d{4}年第\d+期|公报 \d{4}年第\d+期/, `${file} ${d.slug}`);
      for (const other of expected.documents) if (other.title !== d.fields.title) assert.not.ok(d.text.includes(`\n${other.title}\n`), `${file}: title of another document in ${d.slug}`);
    }
  }
});

test("a masthead (版头) above a title stays out of every text and is the evidence of the issuer below, listed in the editor's note by its page", () => {
  const { result } = results.get("mastheads-new-pages.pdf")!;
  const mastheads = result.dropped.filter((d) => d.why === "masthead");
  assert.is(mastheads.length, result.documents.length);
  for (const d of result.documents) {
    assert.not.match(d.text, /文\s*件\n/, `${d.slug}: a masthead in the text`);
    assert.match(d.fields.evidence.issuer!, new RegExp(`^署名“${d.fields.issuer}”（原件第\\d+页）；与版头“[^”]+”（原件第${d.fields.pdfPage}页）一致$`));
    assert.not.ok(d.fields.unsure.issuer, d.fields.unsure.issuer);
  }
  assert.ok(result.documents[0]!.text.endsWith("（此件公开发布）\n\n:::\n"), "the first document ends with its note");
  const note = result.files["_editors-note.md"]!;
  assert.match(note, /\| 原件页 \| 内容 \| 原因 \|/);
  // As printed: no Markdown heading mark, the letter-spacing taken out and said.
  for (const d of result.documents) assert.match(note, new RegExp(`\\| ${d.fields.pdfPage} \\| \`乳山市人民政府[^\`]*\` \\| 版头[^|]*原件字间加空印出`), `masthead of page ${d.fields.pdfPage} listed`);
});

test("a full-width space printed in a PDF (Chromium's text layer maps its glyph to U+2003) stays U+3000; a gap with no glyph stays a space", () => {
  let pdfs = 0;
  for (const [file, { result }] of results) {
    if (!file.endsWith(".pdf")) continue;
    pdfs++;
    const publisher = result.front.find((f) => /主办$/.test(f.text));
    assert.ok(publisher, `${file}: the cover's publisher line`);
    assert.match(publisher!.text, /[^\s]\u3000主办$/u, `${file}: ${JSON.stringify(publisher!.text)}`);
  }
  assert.ok(pdfs >= 5, "every PDF layout checked");
  // The 目录 heading is letter-spaced by the stylesheet (no space glyph): pdf.js's gap, an ASCII space.
  assert.ok(results.get("regulations.pdf")!.result.front.some((f) => /^#* ?目 录$/u.test(f.text)));
});

test("the review sheet lists every inferred field of every document with its evidence", () => {
  const { result } = results.get("section-heads-three-line-titles.pdf")!;
  const sheet = result.files["_review.md"]!;
  assert.match(sheet, /^# 导入核对单：乳山市人民政府公报 2019年第3期/);
  assert.match(sheet, /\| 发文机关 \| 乳山市人民政府 \| 署名“乳山市人民政府”（原件第4页） \| {2}\|/);
  assert.match(sheet, /\| 发文机关 \| 乳山市人民政府办公室 \| 标题首行（版头）“乳山市人民政府办公室”（原件第6页）；与署名“乳山市人民政府办公室”（原件第\d+页）一致 \| {2}\|/);
  assert.match(sheet, /\| 成文日期 \| 2019-04-03 \| “2019年4月3日.{0,2}乳政任〔2019〕3号”（原件第\d+页） \| 正文含多个日期，取最晚的一个 \|/);
  assert.is((sheet.match(/^## /gm) ?? []).length, result.documents.length);
});

after(test, async () => {
  await rm(path.join(DIR, ".tmp"), { recursive: true, force: true });
});

test.run();
