import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { serveStatic, type StaticServer } from "../../src/browser/index.ts";
import { poppler } from "../helpers/poppler.ts";
import { sampleSite } from "../helpers/sample-site.ts";
import { after, before } from "../helpers/hooks.ts";
import { releaseBrowser, sharedBrowser } from "../helpers/browser.ts";

// The website's own print (Ctrl+P on a document page): Chromium prints the public page with the
// site's print stylesheet. Its fonts must be the bundled TrueType web fonts, embedded as CID
// fonts — not the system's CFF-based Noto CJK, which Chromium embeds as Type 3.
let out = "";
let server: StaticServer;
let browser: Browser;
let dir = "";

before(test, async () => {
  out = await sampleSite();
  server = await serveStatic(out, "/");
  browser = await sharedBrowser();
  dir = await mkdtemp(path.join(tmpdir(), "gazette-web-print-"));
});

after(test, async () => {
  if (browser) await releaseBrowser();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** Rows of `pdffonts`: name, type and whether the font is embedded. */
function pdfFonts(file: string): PdfFont[] {
  const lines = poppler("pdffonts", [file]).split("\n").slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    // name, type (may contain spaces), encoding, emb, sub, uni, object, ID
    const m = l.match(/^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    if (!m) throw new Error(`pdffonts row not understood: ${l}`);
    return { name: m[1]!, type: m[2]!, embedded: m[4] === "yes" };
  });
}

/** Prints a page as the browser's Ctrl+P does (print media, the CSS page size) once its print fonts are loaded. */
async function printPage(url: string, file: string): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}${url}`, { waitUntil: "load" });
    await page.waitForSelector('html[data-print-fonts="ready"]', { state: "attached", timeout: 30_000 });
    await page.emulateMedia({ media: "print" });
    await writeFile(file, await page.pdf({ preferCSSPageSize: true }));
  } finally {
    await page.close();
  }
}

test("Ctrl+P on a document page embeds the bundled TrueType faces only: no Type 3, every font embedded", async () => {
  for (const url of ["/2019/2/rzf-2019-2/", "/2019/2/renmian/"]) {
    const file = path.join(dir, `${url.replace(/\W+/g, "-")}.pdf`);
    await printPage(url, file);
    const fonts = pdfFonts(file);
    assert.ok(fonts.length > 0, `${url}: fonts in the PDF`);
    assert.equal(fonts.filter((f) => f.type.startsWith("Type 3")), [], `${url}: Type 3 fonts`);
    assert.equal(fonts.filter((f) => !f.embedded), [], `${url}: fonts not embedded`);
    // Fontsource's static instances keep the variable font's default-instance name (ExtraLight,
    // Thin) in their name table; the weights are right (usWeightClass 400/700, see fonts.test.ts).
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, "").replace(/^(NotoSerifSC)ExtraLight-|^(NotoSansSC)Thin-/, "$1$2-"));
    assert.equal(names.filter((n) => !/^NotoS(?:erif|ans)SC-(?:Regular|Bold)$/.test(n)), [], `${url}: fonts other than the bundled Noto Serif SC / Noto Sans SC`);
    assert.ok(names.includes("NotoSerifSC-Regular"), `${url}: body text in Noto Serif SC Regular (${names.join(", ")})`);
    assert.ok(fonts.every((f) => f.type === "CID TrueType"), `${url}: ${fonts.map((f) => f.type).join(", ")}`);
  }
});

test("the print faces stay off screen: a document page's screen text uses no bundled print family", async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}/2019/2/rzf-2019-2/`, { waitUntil: "load" });
    await page.waitForSelector('html[data-print-fonts="ready"]', { state: "attached", timeout: 30_000 });
    const family = await page.$eval(".document__body p", (el) => getComputedStyle(el).fontFamily);
    assert.not.match(family, /Noto Serif SC"|Noto Sans SC"/, family);
    await page.emulateMedia({ media: "print" });
    const printFamily = await page.$eval(".document__body p", (el) => getComputedStyle(el).fontFamily);
    assert.match(printFamily, /^"Noto Serif SC"/, printFamily);
  } finally {
    await page.close();
  }
});

test.run();
