import { test } from "uvu";
import { execFileSync } from "node:child_process";
import * as assert from "uvu/assert";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/index.ts";
import { loadArchiveOrThrow } from "../../src/content/index.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { serveStatic } from "../../src/browser/index.ts";
import { preflightLayout, printPdfs, printTasks, renderPdf, resolveOfficeFonts, type PrintedPdf } from "../../src/print/index.ts";
import { buildSiteData } from "../../src/site/index.ts";
import { pageTexts } from "../helpers/poppler.ts";
import { PROJECT_ROOT, documentText, tempArchive } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";
import { releaseBrowser, sharedBrowser } from "../helpers/browser.ts";
import type { Browser } from "playwright-core";

// Prints the small fixture archive, with a long table added, to check page breaks and what
// never reaches a PDF (withheld and draft documents, the text of on-request ones).
let out = "";
let content = "";
let pdfs: PrintedPdf[] = [];
let browser: Browser | undefined;
const rows = Array.from({ length: 40 }, (_, i) => `| 第${i + 1}项 | 测试内容第${i + 1}行，用于检查跨页表格的表头。 |`).join("\n");

before(test, async () => {
  content = await tempArchive({
    "archive.yml": "title: 测试市人民政府公报\npublisher: 测试市人民政府办公室\nprint:\n  editorial:\n    - { label: 主办, value: 测试市人民政府办公室 }\n    - { label: 编辑, value: 测试市人民政府公报编辑部 }\n    - { label: 印刷, value: 测试市印刷厂 }\n    - { label: 发送范围, value: 各镇人民政府，市政府各部门 }\n",
    "2020-03/issue.yml": "gazette: 测试市人民政府公报\nyear: 2020\nnumber: 3\ntotal: 12\npublished: 2020-09-30\nfrequency: 季刊\npublisher: 测试市人民政府办公室\nsections: [政务动态]\n",
    "2020-03/table.md": documentText(
      { title: '"测试市长表格文件"', docNumber: '"测政发〔2020〕5号"', date: "2020-03-01", section: '"政务动态"' },
      `现将有关事项通知如下。\n\n| 序号列标题 | 表头内容列 |\n| --- | --- |\n${rows}\n`,
    ),
  });
  out = path.join(await mkdtemp(path.join(tmpdir(), "gazette-print-fixture-")), "_site");
  const result = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: out, search: false });
  assert.ok(result.ok, result.error);
  const site = buildSiteData(await loadArchiveOrThrow(content, PROJECT_ROOT), createMarkdown());
  browser = await sharedBrowser();
  pdfs = await printPdfs(out, printTasks(site, { documents: true }), () => {}, "/", { browser });
});

after(test, async () => {
  if (browser) await releaseBrowser();
  await rm(path.dirname(out), { recursive: true, force: true });
  await rm(content, { recursive: true, force: true });
});

const pdf = (file: string) => pdfs.find((p) => p.task.file === file)!;

test("prints one PDF per gazette issue and, with documents, one per listed document", () => {
  assert.equal(pdfs.map((p) => p.task.file).sort(), [
    "pdf/2019-01.pdf",
    "pdf/2019-01/csbf-2019-2.pdf",
    "pdf/2019-01/csbf-2019-3.pdf",
    "pdf/2019-01/csf-2019-1.pdf",
    "pdf/2020-03.pdf",
    "pdf/2020-03/renmian.pdf",
    "pdf/2020-03/table.pdf",
  ]);
});

test("a table that runs over a page repeats its header row and splits no row", () => {
  const pages = pageTexts(pdf("pdf/2020-03/table.pdf").file).filter((t) => t.includes("测试内容"));
  assert.ok(pages.length >= 2, `${pages.length} pages with rows`);
  for (const [i, t] of pages.entries()) assert.ok(t.includes("序号列标题") && t.includes("表头内容列"), `header row on page ${i + 1}`);
  const all = pages.join("\n");
  for (let i = 1; i <= 40; i++) assert.ok(all.includes(`测试内容第${i}行，用于检查跨页表格的表头。`), `row ${i} whole`);
});

test("a table's rules stay inside the type area on every page it runs over, and full pages keep 22 lines (GB/T 9704-2012 §5.2.2, §5.2.4)", () => {
  const printed = pdf("pdf/2020-03/table.pdf");
  const { pages, findings } = preflightLayout(printed.file, { documentStarts: [1] });
  assert.ok(pages.length >= 3, `${pages.length} pages`);
  assert.equal(findings, []);
  for (const p of pages) assert.ok(p.outside <= 0.5, `page ${p.page}: ink ${p.outside.toFixed(2)} mm outside the type area`);
  // The pages the table fills are measured: the rows reach the 21st line, the empty footer row the 22nd.
  for (const p of pages.slice(0, -1)) assert.is(p.lastLine, 22, `page ${p.page}`);
});

test("a table's PDF has the same bytes whatever was printed before it in the browser (structure IDs numbered in order, not Chromium's DOM node ids)", async () => {
  // Printed in the before hook after the other documents (the same tab): the renderer had handed out node ids before.
  const order = pdfs.map((p) => p.task.file);
  assert.ok(order.indexOf("pdf/2020-03/table.pdf") > order.indexOf("pdf/2020-03.pdf"), order.join(" "));
  const second = await readFile(pdf("pdf/2020-03/table.pdf").file);
  const site = buildSiteData(await loadArchiveOrThrow(content, PROJECT_ROOT), createMarkdown());
  const table = printTasks(site, { documents: true }).filter((t) => t.file === "pdf/2020-03/table.pdf");
  // Printed alone, in a new tab.
  const [alone] = await printPdfs(out, table, () => {}, "/", { browser: browser! });
  const first = await readFile(alone!.file);
  assert.ok(first.equals(second), "identical bytes");
  const ids = [...first.toString("latin1").matchAll(/\/ID \(([^)]*)\)/g)].map((m) => m[1]).sort();
  assert.ok(ids.length >= 2, "the header cells have structure IDs");
  assert.equal(ids, ids.map((_, i) => `cell${String(i + 1).padStart(6, "0")}`));
});

test("withheld and draft documents never reach a PDF; on-request ones print metadata and notice only", () => {
  const text = pdfs.map((p) => pageTexts(p.file).join("\n")).join("\n");
  for (const secret of ["紫藤机密", "不予公开的机密文件标题", "测政办发〔2019〕9号", "蔷薇草稿", "尚未发布的草稿文件标题"]) {
    assert.not.ok(text.includes(secret), secret);
  }
  const onRequest = pageTexts(pdf("pdf/2019-01/csbf-2019-3.pdf").file).join("\n");
  assert.ok(onRequest.includes("本文件为依申请公开文件"));
  assert.not.ok(text.includes("海棠依申请"), "text of the on-request document");
  assert.is(pdf("pdf/2019-01/csbf-2019-3.pdf").pages, 1);
});

test("the cover carries 总第N期 and the publication date; the back cover the editorial data of archive.yml, without a page number", () => {
  const pages = pageTexts(pdf("pdf/2020-03.pdf").file);
  const strip = (t: string) => t.replace(/\s+/g, "");
  assert.ok(strip(pages[0]!).includes("总第12期"), pages[0]);
  assert.ok(strip(pages[0]!).includes("2020年9月30日出版"), pages[0]);
  const back = strip(pages.at(-1)!);
  for (const s of ["主办测试市人民政府办公室", "编辑测试市人民政府公报编辑部", "印刷测试市印刷厂", "发送范围各镇人民政府，市政府各部门", "出版日期2020年9月30日"]) assert.ok(back.includes(s), `${s} in ${back}`);
  assert.not.match(back, /—\d+—/, "no page number on the back cover");
  assert.not.ok(back.includes("测试市人民政府公报·"), "no running head on the back cover");
  assert.ok(strip(pages[1]!).includes("测试市人民政府公报·2020年第3期"), "running head on an inner page");
});

test("a personnel list's 任命： line stays on a page with what follows it", async () => {
  const html = await readFile(path.join(out, "print/2020-03/renmian/index.html"), "utf8");
  assert.ok(html.includes('<p class="gbt-keep">任命：</p>'));
});

test("an office's licensed font (archive.yml print.fonts) is embedded in its role; a missing file falls back with a message", async () => {
  // Droid Sans Fallback (Debian's fonts-droid-fallback, a real CJK TrueType face, fsType 8: editable
  // embedding) stands in for a licensed 黑体: the table's header row is set in it.
  const hei = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
  const { fonts, warnings } = resolveOfficeFonts({ hei, kai: "fonts/missing-kai.ttf" }, content);
  assert.equal(Object.keys(fonts), ["hei"]);
  assert.match(warnings[0]!, /archive\.yml print\.fonts\.kai：找不到字体文件 .*missing-kai\.ttf — 楷体改用免费字体/);
  const site = buildSiteData(await loadArchiveOrThrow(content, PROJECT_ROOT), createMarkdown());
  const tasks = printTasks(site, { documents: true }).filter((t) => t.file === "pdf/2020-03/table.pdf");
  const [printed] = await printPdfs(out, tasks, () => {}, "/", { officeFonts: fonts, browser: browser! });
  const rows = execFileSync("pdffonts", [printed!.file], { encoding: "utf8" }).trim().split("\n").slice(2);
  const droid = rows.filter((r) => r.includes("DroidSansFallback"));
  assert.ok(droid.length > 0, rows.join("\n"));
  for (const r of droid) assert.match(r, /CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s+\d+\s+\d+$/, r);
  assert.ok(rows.every((r) => !r.includes("Type 3")), rows.join("\n"));
  assert.is(printed!.warnings, undefined);
});

test("a licensed font that cannot be embedded (CFF outlines, or an fsType that forbids it) falls back to the free face with a Chinese message", async () => {
  // Debian's Noto Serif CJK (fonts-noto-cjk): OpenType with CFF outlines, a real 宋体 an office might name.
  const cff = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc";
  // A TrueType face whose OS/2 fsType is set to Restricted License (0x0002), as some commercial faces ship.
  const fontDir = await mkdtemp(path.join(tmpdir(), "gazette-font-"));
  const restricted = path.join(fontDir, "restricted.ttf");
  const bytes = await readFile("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
  const count = bytes.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    if (bytes.toString("latin1", 12 + i * 16, 16 + i * 16) === "OS/2") bytes.writeUInt16BE(0x0002, bytes.readUInt32BE(12 + i * 16 + 8) + 8);
  }
  await writeFile(restricted, bytes);
  const { fonts, warnings } = resolveOfficeFonts({ title: cff, hei: restricted }, content);
  await rm(fontDir, { recursive: true, force: true });
  assert.equal(fonts, {});
  assert.match(warnings[0]!, /^archive\.yml print\.fonts\.title：字体文件 .*NotoSerifCJK-Bold\.ttc 是 PostScript（CFF）轮廓的 OpenType 字体.*无法嵌入 PDF — 标题（小标宋）改用免费字体；请向字体厂商索取允许嵌入的 TrueType（\.ttf）版本$/);
  assert.match(warnings[1]!, /^archive\.yml print\.fonts\.hei：字体文件 .*restricted\.ttf 字体授权（OS\/2 fsType = 0x0002）禁止嵌入文件，无法嵌入 PDF — 黑体改用免费字体/);
  // Why the check: printed anyway, the CFF face ends up as Type 3, which the print stops on.
  const site = buildSiteData(await loadArchiveOrThrow(content, PROJECT_ROOT), createMarkdown());
  const tasks = printTasks(site, { documents: true }).filter((t) => t.file === "pdf/2020-03/table.pdf");
  let message = "";
  try {
    await printPdfs(out, tasks, () => {}, "/", { officeFonts: { title: cff }, browser: browser! });
  } catch (err) {
    message = (err as Error).message;
  }
  assert.match(message, /a Type 3 font was embedded/);
});

test("a single document PDF numbers its first page too", () => {
  const [first] = pageTexts(pdf("pdf/2020-03/renmian.pdf").file);
  assert.match(first!, /—\s*1\s*—/);
});

test("a character that no bundled font has stops the PDF instead of slipping in a system font", async () => {
  // Arabic is in none of the bundled faces; Chromium falls back to a system font (DejaVu here).
  await mkdir(path.join(out, "print/tofu"), { recursive: true });
  await writeFile(
    path.join(out, "print/tofu/index.html"),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="/assets/print-fonts.css"><link rel="stylesheet" href="/assets/print.css"></head>' +
      '<body class="gbt"><article class="gbt-doc" data-print-doc="tofu"><h1 class="gbt-doc__title">测试文件</h1><p>正文 ب 正文</p></article></body></html>',
  );
  const server = await serveStatic(out);
  const page = await browser!.newPage();
  try {
    const job = { url: `${server.url}/print/tofu/`, title: "t", author: "a", subject: "s", lang: "zh-CN", date: "2020-01-01" };
    let message = "";
    try {
      await renderPdf(page, job);
    } catch (err) {
      message = (err as Error).message;
    }
    assert.match(message, /the system font ".+" was embedded, so a character is missing from the bundled fonts/);
  } finally {
    await page.close();
    await server.close();
  }
});

test.run();
