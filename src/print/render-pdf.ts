import { PDFDict, PDFDocument, PDFName, PDFRef } from "pdf-lib";
import type { Page } from "playwright-core";
import { nameFontsByWeight } from "./font-names.ts";
import { stableStructureIds } from "./pdf-ids.ts";
import { PRINT_FONTS } from "./fonts.ts";
import { readOutline } from "./pdf-outline.ts";

/** What to print and the metadata of the PDF (GB/T 9704 print view URL, Info dictionary). */
export interface PdfJob {
  /** Absolute URL of a print view, e.g. `http://127.0.0.1:4000/print/2019-02/`. */
  url: string;
  title: string;
  author: string;
  subject: string;
  keywords?: string[];
  /** BCP 47 language of the text, e.g. `zh-CN`. */
  lang: string;
  /** Calendar date `YYYY-MM-DD` used as creation and modification date, so runs give the same bytes. */
  date: string;
  /** CSS added to the view before printing (the press settings, the running head). */
  css?: string;
  /**
   * Start every document on a right-hand (odd) page: before a document that would start on an
   * even page a blank page (`.gbt-blank`, styled by the press CSS) is inserted. Chromium does not
   * implement `break-before: right` in print.
   */
  rightHandStarts?: boolean;
  /** The office's licensed fonts are in the CSS: fonts outside the bundled faces are theirs, not a system fallback. */
  officeFonts?: boolean;
}

/** A finished PDF. */
export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  /** Page (1-based) where each document of the view starts, keyed by document slug. */
  starts: Record<string, number>;
  /** How many times the view was printed until the table of contents was stable (1–4). */
  passes: number;
  /** BaseFont names of the embedded fonts (subset prefix removed), sorted, unique. */
  fonts: string[];
}

/** Most print passes before giving up on a table of contents whose numbers keep moving. */
export const MAX_PASSES = 4;

/**
 * Prints a GB/T 9704-2012 print view to PDF in Chromium and finishes it with pdf-lib:
 * 1. loads the view and waits until every web font it uses is loaded;
 * 2. prints it (A4 from the CSS `@page`, tagged, with an outline of the `<h1>` titles);
 * 3. reads from the outline the page where each document (`[data-print-doc]`) starts, writes those
 *    numbers into the table of contents (`[data-toc-page]`) and prints again until they no
 *    longer move (at most {@link MAX_PASSES} prints);
 * 4. names the bundled faces by the weight they are (`nameFontsByWeight`), checks that every
 *    embedded font is one of the bundled faces and none is Type 3;
 * 5. sets title, author, subject, keywords, language and fixed dates, drops Chromium's XMP
 *    packet and random file ID and numbers the structure IDs of table header cells in order
 *    (`stableStructureIds`: Chromium's are DOM node ids), so two runs give identical files.
 * @throws Error when the page does not load, a document title has no bookmark, the table of
 *   contents does not settle, or a font outside {@link PRINT_FONTS} (system fallback: a
 *   character missing from the bundled fonts) or a Type 3 font ends up in the PDF.
 */
export async function renderPdf(page: Page, job: PdfJob): Promise<PdfResult> {
  const response = await page.goto(job.url, { waitUntil: "load" });
  if (!response || !response.ok()) throw new Error(`print view ${job.url} did not load (HTTP ${response?.status() ?? "no response"}) — run \`npm run build\` first`);
  await page.emulateMedia({ media: "print" });
  if (job.css) await page.addStyleTag({ content: job.css });
  const margin = marginText(job.css);
  await waitForFonts(page, margin);
  const docs = await page.$$eval("[data-print-doc]", (els) =>
    els.map((el) => ({ slug: el.getAttribute("data-print-doc") ?? "", title: (el.querySelector("h1")?.textContent ?? "").trim() })),
  );
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const raw = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
    const pdf = await PDFDocument.load(raw, { updateMetadata: false });
    const starts = documentStarts(pdf, docs, job.url);
    if (job.rightHandStarts && (await insertBlankPages(page, starts)) > 0) continue;
    const changed = await page.$$eval(
      "[data-toc-page]",
      (els, s) => {
        let n = 0;
        for (const el of els) {
          const want = String(s[el.getAttribute("data-toc-page") ?? ""] ?? "");
          if (el.textContent !== want) {
            el.textContent = want;
            n++;
          }
        }
        return n;
      },
      starts,
    );
    if (changed > 0) {
      await waitForFonts(page, margin);
      continue;
    }
    nameFontsByWeight(pdf);
    stableStructureIds(pdf);
    const fonts = checkFonts(pdf, job.url, job.officeFonts ?? false);
    setMetadata(pdf, job);
    const bytes = await pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
    return { bytes, pages: pdf.getPageCount(), starts, passes: pass, fonts };
  }
  throw new Error(`${job.url}: the table of contents page numbers still moved after ${MAX_PASSES} prints — check the print stylesheet for content whose height depends on the numbers`);
}

/**
 * Inserts a blank page before each document that starts on an even page, counting the blank
 * pages inserted before it; returns how many were inserted (0 once every document starts on an
 * odd page).
 */
async function insertBlankPages(page: Page, starts: Record<string, number>): Promise<number> {
  return page.$$eval(
    "[data-print-doc]",
    (els, s) => {
      let shift = 0;
      for (const el of els) {
        const start = (s[el.getAttribute("data-print-doc") ?? ""] ?? 1) + shift;
        if (start % 2 === 1) continue;
        const blank = document.createElement("div");
        blank.className = "gbt-blank";
        el.before(blank);
        shift++;
      }
      return shift;
    },
    starts,
  );
}

/**
 * Waits until every font the print needs is loaded, so that no print is made while a font is still
 * on its way (the text would be drawn invisible, in `font-display: block`, or in a fallback face,
 * and two runs could differ):
 * 1. forces style and layout in print media, which starts the loads of the faces the text uses
 *    (`document.fonts.ready` alone can be a promise resolved before the print styles applied);
 * 2. loads the body face for the text of the page margins (page numbers, running head), which is
 *    laid out only while printing;
 * 3. waits for `document.fonts.ready` until no face is loading.
 * A face that fails to load (an office font that cannot be read) is left to `checkFonts` and the
 * office-font warning.
 */
async function waitForFonts(page: Page, marginText: string): Promise<void> {
  await page.evaluate(async (margin) => {
    void document.body.getBoundingClientRect().height;
    await document.fonts.load('400 16px "Noto Serif SC"', margin);
    for (let i = 0; i < 10; i++) {
      await document.fonts.ready;
      void document.body.getBoundingClientRect().height;
      if (![...document.fonts].some((f) => f.status === "loading")) break;
    }
  }, marginText);
}

/** Text of the page margins: page numbers (`— 12 —`, `（12）`) and the running head and any other `content` string of the added CSS. */
function marginText(css: string | undefined): string {
  return "— 0123456789（）" + [...(css ?? "").matchAll(/content:\s*"([^"]*)"/g)].map((m) => m[1]).join("");
}

function documentStarts(pdf: PDFDocument, docs: { slug: string; title: string }[], url: string): Record<string, number> {
  const outline = readOutline(pdf);
  const norm = (s: string) => s.replace(/\s+/g, "");
  const starts: Record<string, number> = {};
  let from = 0;
  for (const doc of docs) {
    const i = outline.findIndex((o, k) => k >= from && norm(o.title) === norm(doc.title));
    if (i < 0 || !outline[i]!.page) throw new Error(`${url}: no bookmark for the document "${doc.title}" in the printed PDF — Chromium did not make an outline entry for its <h1>`);
    starts[doc.slug] = outline[i]!.page;
    from = i + 1;
  }
  return starts;
}

/** Families of the bundled fonts as PostScript names start, e.g. `NotoSerifSC`, `LXGWWenKai`. */
const BUNDLED_PREFIXES = [...new Set(PRINT_FONTS.map((f) => f.family.replace(/\s+/g, "")))];

function checkFonts(pdf: PDFDocument, url: string, officeFonts: boolean): string[] {
  const names = new Set<string>();
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of("Type")) !== PDFName.of("Font")) continue;
    const subtype = obj.get(PDFName.of("Subtype"));
    if (subtype === PDFName.of("Type3")) throw new Error(`${url}: a Type 3 font was embedded; print shops reject Type 3 — is a variable or bitmap font in the print stylesheet?`);
    if (subtype === PDFName.of("Type0")) continue; // its descendant CIDFont carries the same name
    const base = obj.get(PDFName.of("BaseFont"));
    if (!(base instanceof PDFName)) continue;
    const name = base.decodeText().replace(/^[A-Z]{6}\+/, "");
    if (!officeFonts && !BUNDLED_PREFIXES.some((p) => name.startsWith(p))) {
      throw new Error(`${url}: the system font "${name}" was embedded, so a character is missing from the bundled fonts (${BUNDLED_PREFIXES.join(", ")}) — add a face that has it to src/print/fonts.ts`);
    }
    names.add(name);
  }
  return [...names].sort();
}

function setMetadata(pdf: PDFDocument, job: PdfJob): void {
  const date = new Date(`${job.date}T00:00:00+08:00`);
  pdf.setTitle(job.title, { showInWindowTitleBar: true });
  pdf.setAuthor(job.author);
  pdf.setSubject(job.subject);
  if (job.keywords) pdf.setKeywords(job.keywords);
  pdf.setCreator("gazette-archive print view (GB/T 9704-2012)");
  pdf.setProducer("Chromium + pdf-lib");
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  pdf.setLanguage(job.lang);
  const xmp = pdf.catalog.get(PDFName.of("Metadata"));
  if (xmp instanceof PDFRef) pdf.context.delete(xmp);
  pdf.catalog.delete(PDFName.of("Metadata"));
  delete pdf.context.trailerInfo.ID;
}
