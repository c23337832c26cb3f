import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { serveStatic } from "../../src/browser/index.ts";
import { textKeepingArgs } from "../../src/print/ghostscript.ts";
import { DEFAULT_PRESS, MARGINS, PT_PER_MM, convertToPdfx, padAndBox, pdfWords, pressCss, pressRgb, pressSettings, renderPdf, type PrintedPdf } from "../../src/print/index.ts";
import { releaseBrowser, sharedBrowser } from "../helpers/browser.ts";
import { samplePdf } from "../helpers/sample-pdf.ts";
import { after, before } from "../helpers/hooks.ts";

// The press PDF of the sample issue (npm run pdf -- --press), preflighted with pdfinfo, pdffonts
// and Ghostscript as a print shop would.
let printed: PrintedPdf;
let press = "";
let bytes: Buffer;

before(test, async () => {
    // samplePdf prints the sample issue with DEFAULT_PRESS, as `npm run pdf -- --press` does.
    ({ printed } = await samplePdf());
    press = printed.press!.file;
    bytes = await readFile(press);
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** The colour operators of every content stream, e.g. `0 0.8 0.8 0 k`. */
function colourOperators(pdf: Buffer): Set<string> {
  const ops = new Set<string>();
  const text = pdf.toString("latin1");
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    let data: string;
    try {
      data = inflateSync(pdf.subarray(start, end)).toString("latin1");
    } catch {
      continue; // not a Flate stream (fonts, ICC profile)
    }
    for (const op of data.matchAll(/(?:^|\s)((?:[\d.]+\s+){1,4}(?:k|K|rg|RG|g|G|sc|scn|SC|SCN))(?=\s)/g)) ops.add(op[1]!.replace(/\s+/g, " "));
  }
  return ops;
}

test("writes the press PDF beside the screen PDF, padded with blank pages to a multiple of 4", () => {
  assert.ok(press.endsWith("/pdf/2019-02.press.pdf"), press);
  assert.is(printed.press!.pages % 4, 0);
  assert.ok(printed.press!.pages >= printed.pages && printed.press!.pages < printed.pages + 4, `${printed.pages} → ${printed.press!.pages}`);
  assert.match(run("pdfinfo", [press]), new RegExp(`Pages:\\s+${printed.press!.pages}\\n`));
});

test("is PDF/X-1a:2001 with an output intent, PDF 1.3, a TrimBox of A4 and a 3 mm BleedBox", () => {
  const info = run("pdfinfo", ["-box", press]);
  assert.match(info, /PDF subtype:\s+PDF\/X-1:2001/);
  assert.match(info, /PDF version:\s+1\.3/);
  const box = (name: string) => info.match(new RegExp(`${name}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`))!.slice(1).map(Number);
  const [mx0, my0, mx1, my1] = box("MediaBox");
  const [tx0, ty0, tx1, ty1] = box("TrimBox");
  assert.equal(box("BleedBox"), [mx0, my0, mx1, my1]);
  const bleed = 3 * PT_PER_MM;
  for (const d of [tx0! - mx0!, ty0! - my0!, mx1! - tx1!, my1! - ty1!]) assert.ok(Math.abs(d - bleed) < 0.1, `bleed ${d} pt`);
  assert.ok(Math.abs((tx1! - tx0!) / PT_PER_MM - 210) < 0.5 && Math.abs((ty1! - ty0!) / PT_PER_MM - 297) < 0.5, "trimmed to A4 (Chromium rounds the page to whole CSS px)");
  const text = bytes.toString("latin1");
  assert.match(text, /\/GTS_PDFXConformance\s*\(PDF\/X-1a:2001\)/);
  assert.match(text, /\/OutputIntents\s*\[/);
  assert.match(text, /\/S\s*\/GTS_PDFX/);
});

test("passes Ghostscript's own PDF/X check: converting it again reports nothing outside PDF/X", () => {
  const gs = spawnSync("gs", ["-q", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite", "-dPDFX", "-sColorConversionStrategy=CMYK", "-sProcessColorModel=DeviceCMYK", "-o", "/dev/null", press], { encoding: "utf8" });
  assert.is(gs.status, 0, gs.stderr);
  assert.not.match(`${gs.stdout}${gs.stderr}`, /not permitted|reverting|error/i);
});

test("uses CMYK only: no RGB colour space; black text on K only, the red M80 Y80", () => {
  const text = bytes.toString("latin1");
  assert.not.ok(text.includes("/DeviceRGB"), "no DeviceRGB");
  assert.not.ok(/\/ICCBased/.test(text), "no ICC-based colour space (only the output intent's profile)");
  const ops = [...colourOperators(bytes)];
  assert.ok(ops.length > 0);
  for (const op of ops) assert.not.match(op, /(rg|RG)$/, op);
  assert.ok(ops.includes("0 0.8 0.8 0 k"), ops.join(", "));
  // Ghostscript's ink coverage: pages of black text have no cyan, magenta or yellow.
  const rows = run("gs", ["-q", "-o", "-", "-sDEVICE=inkcov", press]).trim().split("\n").map((r) => r.trim().split(/\s+/).slice(0, 4).map(Number));
  assert.is(rows.length, printed.press!.pages);
  const blackOnly = rows.filter(([c, m, y, k]) => c === 0 && m === 0 && y === 0 && k! > 0).length;
  assert.ok(blackOnly > 20, `${blackOnly} pages of K-only text`);
  for (const [i, [c, m, y]] of rows.entries()) {
    assert.is(c, 0, `page ${i + 1}: no cyan`);
    assert.ok(Math.abs(m! - y!) < 1e-4, `page ${i + 1}: red is magenta and yellow alike (${m}, ${y})`);
  }
});

test("keeps the text layer: the press PDF's lines of text are the screen PDF's, character for character", () => {
  // Ghostscript may reorder the lines of a page (the order pdftotext reads them in), never their text.
  const lines = (file: string) => run("pdftotext", ["-enc", "UTF-8", file, "-"]).split("\n").map((l) => l.trim()).filter(Boolean).sort();
  const screen = lines(printed.file);
  assert.ok(screen.includes("乳山市人民政府办公室 主办") && screen.includes("乳政发〔2019〕2号"), "the screen PDF has the text");
  assert.equal(lines(press), screen);
});

test("asks Ghostscript 10.00-10.02 for the interpreter that keeps ToUnicode, and no other version", () => {
  assert.equal(textKeepingArgs("10.00.0\n"), ["-dNEWPDF=false"]);
  assert.equal(textKeepingArgs("10.02.1"), ["-dNEWPDF=false"]);
  assert.equal(textKeepingArgs("10.03.0"), []);
  assert.equal(textKeepingArgs("9.56.1"), []);
});

test("embeds every font", () => {
  const rows = run("pdffonts", [press]).trim().split("\n").slice(2);
  assert.ok(rows.length > 10);
  for (const row of rows) assert.match(row, /\s+yes\s+yes\s+yes\s+\d+\s+\d+$/, row);
  // Named by the weight they are (nameFontsByWeight): no leftover ExtraLight / Thin of the variable font.
  const names = new Set(rows.map((r) => r.trim().split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, "")));
  assert.equal([...names].sort(), ["LXGWWenKai-Regular", "NotoSansSC-Regular", "NotoSerifSC-Bold", "NotoSerifSC-Regular"]);
});

test("mirrors the margins: the binding side (28 mm) is left on right-hand pages and right on left-hand pages", () => {
  const pages = pdfWords(press);
  const bleed = 3;
  const leftEdge = (p: number) => Math.min(...pages[p - 1]!.filter((w) => w.yMin > MARGINS.topMm).map((w) => w.xMin)) - bleed;
  for (const p of [4, 6, 8]) assert.ok(Math.abs(leftEdge(p) - MARGINS.rightMm) < 0.5, `left-hand page ${p}: ${leftEdge(p).toFixed(2)} mm`);
  for (const p of [5, 7, 9]) assert.ok(Math.abs(leftEdge(p) - MARGINS.leftMm) < 0.5, `right-hand page ${p}: ${leftEdge(p).toFixed(2)} mm`);
});

test("gives the same bytes for the same input", async () => {
  const input = await padAndBox(new Uint8Array(await readFile(printed.file)), { bleedMm: 3 });
  const job = { title: "t", date: "2019-06-04", settings: DEFAULT_PRESS };
  const [a, b] = [await convertToPdfx(input.bytes, job), await convertToPdfx(input.bytes, job)];
  assert.ok(Buffer.from(a).equals(Buffer.from(b)));
});

test("with right-hand starts, every document starts on an odd page after a blank page without number or running head", async () => {
  const { out } = await samplePdf();
  const server = await serveStatic(out);
  const browser = await sharedBrowser();
  const page = await browser.newPage();
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-right-hand-"));
  try {
    const settings = { ...DEFAULT_PRESS, rightHandStarts: true };
    const result = await renderPdf(page, { url: `${server.url}/print/2019-02/`, title: "t", author: "a", subject: "s", lang: "zh-CN", date: "2019-06-04", css: pressCss(settings), rightHandStarts: true });
    const starts = Object.values(result.starts);
    for (const p of starts) assert.is(p % 2, 1, `a document starts on page ${p}`);
    const before = Object.values(printed.starts);
    assert.ok(before.some((p) => p % 2 === 0), "the sample has documents starting on even pages without the option");
    const file = path.join(dir, "rh.pdf");
    await writeFile(file, result.bytes);
    const texts = run("pdftotext", ["-layout", file, "-"]).split("\f");
    const blanks = starts.filter((p) => texts[p - 2]!.trim() === "").length;
    assert.is(blanks, result.pages - printed.pages, "one blank page for each page added");
    assert.ok(blanks > 0);
  } finally {
    await page.close();
    await releaseBrowser();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test("turns a press red into the screen colour Ghostscript converts back exactly, and refuses one that cannot be", () => {
  assert.is(pressRgb([0, 80, 80, 0]), "rgb(255 51 51)");
  assert.is(pressRgb([0, 100, 100, 0]), "rgb(255 0 0)");
  assert.is(pressRgb([0, 100, 90, 10]), "rgb(230 0 0)");
  assert.throws(() => pressRgb([10, 80, 80, 0]), /青、品、黄至少一项须为 0/);
  assert.throws(() => pressSettings({ red: [10, 90, 90, 0] }), /print\.press\.red/);
  assert.equal(pressSettings(undefined, { rightHandStarts: true }).rightHandStarts, true);
});

test("the press CSS sets the red, mirrors the margins and, on request, starts documents on a right-hand page", () => {
  const css = pressCss(DEFAULT_PRESS);
  assert.ok(css.includes(":root{--gbt-red:rgb(255 51 51)}"));
  assert.ok(css.includes("@page :left{margin-left:26mm;margin-right:28mm}"));
  assert.not.ok(css.includes("gbt-blank"));
  assert.ok(pressCss({ ...DEFAULT_PRESS, rightHandStarts: true }).includes(".gbt-blank{page:blank;break-before:page;height:1px}"));
});

test.run();
