import { execFileSync } from "node:child_process";
import { inkBands, renderPage, renderPages, type InkBand } from "./ink.ts";
import { GRID, MARGINS, PAGE_NUMBER_GAP_MM, PT_PER_MM, RED_RULE, TYPE_AREA, bodyEmMm, linePitchMm } from "./layout.ts";

/** A word of `pdftotext -bbox`, in mm from the top left corner of the page. */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Words of every page (`pdftotext -bbox`), page 1 first. */
export function pdfWords(pdf: string): PdfWord[][] {
  const xml = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((m) =>
    [...m[1]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      text: w[5]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"'),
      xMin: Number(w[1]) / PT_PER_MM,
      yMin: Number(w[2]) / PT_PER_MM,
      xMax: Number(w[3]) / PT_PER_MM,
      yMax: Number(w[4]) / PT_PER_MM,
    })),
  );
}

/** What the preflight measured on one page (mm). */
export interface PageMeasure {
  page: number;
  /** Grid lines (of 22) with text or a table on them. */
  lines: number;
  /** The lowest grid line with text (1–22), 0 on an empty page. */
  lastLine: number;
  /** Top of the ink of the first line when it is a body-size line. */
  firstLineTop?: number;
  /** Largest distance of a line's middle from the nearest line of the grid. */
  offGrid: number;
  /** Top of the page number's left dash below the bottom of the type area. */
  dashGap?: number;
  /** Top of the red rule below the em box of the 发文字号 line (a document's first page). */
  redRuleGap?: number;
  /** How far ink (text, a table's rule) reaches above or below the type area, 0 when none does. */
  outside: number;
}

/** A measured distance outside its tolerance, in plain Chinese with the page. */
export interface PreflightFinding {
  page: number;
  message: string;
}

/** Options of {@link preflightLayout}. */
export interface PreflightOptions {
  /** Pages (1-based) where a document starts (its 发文字号 or title on the first line). */
  documentStarts: number[];
  /** Pages not laid on the body grid: cover, contents, back cover, blank pages. */
  skip?: number[];
  /** ± mm allowed for every distance (default 0.5). */
  toleranceMm?: number;
}

/**
 * Measures a GB/T 9704-2012 PDF as a print shop's preflight does, on 300-dpi renders (`pdftoppm`)
 * and word boxes (`pdftotext -bbox`), and lists every distance outside ± `toleranceMm`:
 * - §5.2.2 first line: the ink of a body line starts at the top of the type area (37 mm);
 * - §5.2.4 grid: every line's middle on one of the 22 lines of the type area, and every full page
 *   (one whose document goes on on the next page) down to the 22nd line;
 * - §7.2.7 red rule: its top edge 4 mm below the em box of the 发文字号 line;
 * - §7.5 page number: the top of the dash 7 mm below the type area.
 * @returns per-page figures and the findings (empty when the PDF passes).
 */
export function preflightLayout(pdf: string, options: PreflightOptions): { pages: PageMeasure[]; findings: PreflightFinding[] } {
  const tol = options.toleranceMm ?? 0.5;
  const words = pdfWords(pdf);
  const em = bodyEmMm();
  const pitch = linePitchMm();
  const top = MARGINS.topMm;
  const bottom = MARGINS.topMm + TYPE_AREA.heightMm;
  const slotCentre = (k: number) => top + em / 2 + k * pitch;
  const starts = new Set(options.documentStarts);
  const skip = new Set(options.skip ?? []);
  const pages: PageMeasure[] = [];
  const findings: PreflightFinding[] = [];
  const find = (page: number, message: string) => findings.push({ page, message });
  const rasters = renderPages(pdf);
  for (let p = 1; p <= words.length; p++) {
    const pageWords = words[p - 1]!;
    const raster = rasters[p - 1]!;
    const measure: PageMeasure = { page: p, lines: 0, lastLine: 0, offGrid: 0, outside: 0 };
    // §7.5: the dash left of the number, 7 mm below the type area (looked for from 3.5 mm down:
    // a table's bottom rule, on its line box's edge, lies up to half a leading below the type area).
    const dash = pageWords.find((w) => w.text === "—" && w.yMin > bottom);
    if (dash) {
      const ink = inkBands(raster, { x0: dash.xMin + 0.5, x1: dash.xMax - 0.5, y0: bottom + 3.5, y1: bottom + 20 }, { gapMm: 0.2 })[0];
      if (ink) {
        measure.dashGap = ink.top - bottom;
        if (Math.abs(measure.dashGap - PAGE_NUMBER_GAP_MM) > tol) find(p, `页码一字线距版心下边缘 ${measure.dashGap.toFixed(2)} mm，应为 ${PAGE_NUMBER_GAP_MM} mm（GB/T 9704-2012 §7.5）`);
      }
    }
    if (!skip.has(p)) {
      const bands = inkBands(raster, { x0: MARGINS.leftMm - 1, x1: MARGINS.leftMm + TYPE_AREA.widthMm + 1, y0: top - 3, y1: bottom + 1.5 }, { gapMm: 1.5 }).filter((b) => b.bottom - b.top > 1.5);
      measureGrid(p, bands, measure, { em, pitch, top, bottom, tol, slotCentre }, find);
      measureOutside(p, raster, measure, { top, bottom, tol }, find);
      if (starts.has(p)) measureRedRule(p, renderPage(pdf, p, true), measure, { em, tol }, find);
      if (isFullPage(p, words, starts, skip) && measure.lastLine < GRID.lines) find(p, `整页只排到第 ${measure.lastLine} 行，应排满 ${GRID.lines} 行（GB/T 9704-2012 §5.2.4）`);
    }
    pages.push(measure);
  }
  return { pages, findings };
}

/**
 * A page that must be filled to its 22nd line: the next page goes on with the same document (is
 * not a document's first page, not a new 附件 page, not skipped) and does not open with the
 * signature (署名, set right: §7.3.5 keeps it on a page with text, so a line may go over with it).
 */
function isFullPage(p: number, words: PdfWord[][], starts: Set<number>, skip: Set<number>): boolean {
  const next = words[p];
  if (!next || starts.has(p + 1) || skip.has(p + 1) || next[0]?.text === "附件") return false;
  const body = next.filter((w) => w.yMin < MARGINS.topMm + 3 * linePitchMm());
  return !body.some((w) => w.xMin > MARGINS.leftMm + TYPE_AREA.widthMm / 2);
}

interface Grid {
  em: number;
  pitch: number;
  top: number;
  bottom: number;
  tol: number;
  slotCentre: (k: number) => number;
}

function measureGrid(p: number, bands: InkBand[], measure: PageMeasure, g: Grid, find: (page: number, message: string) => void): void {
  const slots = new Set<number>();
  for (const band of bands) {
    const height = band.bottom - band.top;
    if (height > g.pitch) {
      // A table: the grid lines inside its rules, and the blank line above its top rule and below
      // its bottom rule on each page, which are its own (its header's padding, its empty header or
      // footer row: src/print/mark-print-body.ts), so that no rule lies outside the type area.
      for (let k = Math.round((band.top - g.top) / g.pitch) - 1; k <= Math.round((band.bottom - g.top - g.em) / g.pitch) + 1; k++) slots.add(k);
      continue;
    }
    const k = Math.round((band.centre - g.slotCentre(0)) / g.pitch);
    // A body line: the top of its ink is the top of its em box (CJK glyphs fill the em; the
    // bottom varies with punctuation). A larger line (a 2号 title): its middle is the line's.
    const off = height < g.em + 0.8 ? band.top - (g.top + k * g.pitch) : band.centre - g.slotCentre(k);
    slots.add(k);
    measure.offGrid = Math.max(measure.offGrid, Math.abs(off));
    if (Math.abs(off) > g.tol) find(p, `第 ${k + 1} 行偏离版心行格 ${off.toFixed(2)} mm（每行 ${g.pitch.toFixed(2)} mm，GB/T 9704-2012 §5.2.4）`);
  }
  const used = [...slots].filter((k) => k >= 0 && k < GRID.lines);
  measure.lines = used.length;
  measure.lastLine = used.length ? Math.max(...used) + 1 : 0;
  const first = bands[0];
  if (first && first.bottom - first.top < g.em + 0.5 && Math.round((first.centre - g.slotCentre(0)) / g.pitch) === 0) {
    measure.firstLineTop = first.top;
    if (Math.abs(first.top - g.top) > g.tol) find(p, `首行文字上沿在 ${first.top.toFixed(2)} mm，应在版心上边缘 ${g.top} mm（GB/T 9704-2012 §5.2.2）`);
  }
}

/**
 * Ink in the margins just outside the type area, up to the running head (6 mm above) and up to
 * the page number (4 mm below; its digits reach 5 mm below the type area), across the type area's
 * width ± 1 mm: a table's rule on its line box's edge, text pushed off the grid.
 * §5.2.2: 版心 156 mm × 225 mm.
 */
function measureOutside(p: number, raster: ReturnType<typeof renderPage>, measure: PageMeasure, g: { top: number; bottom: number; tol: number }, find: (page: number, message: string) => void): void {
  const x = { x0: MARGINS.leftMm - 1, x1: MARGINS.leftMm + TYPE_AREA.widthMm + 1 };
  const above = inkBands(raster, { ...x, y0: g.top - 6, y1: g.top }, { gapMm: 0.2 })[0];
  const below = inkBands(raster, { ...x, y0: g.bottom, y1: g.bottom + 4 }, { gapMm: 0.2 }).at(-1);
  const up = above ? g.top - above.top : 0;
  const down = below ? below.bottom - g.bottom : 0;
  measure.outside = Math.max(up, down);
  if (up > g.tol) find(p, `有内容（表格线或文字）超出版心上边缘 ${up.toFixed(2)} mm（版心 ${g.top}–${g.bottom} mm，GB/T 9704-2012 §5.2.2）`);
  if (down > g.tol) find(p, `有内容（表格线或文字）超出版心下边缘 ${down.toFixed(2)} mm（版心 ${g.top}–${g.bottom} mm，GB/T 9704-2012 §5.2.2）`);
}

function measureRedRule(p: number, raster: ReturnType<typeof renderPage>, measure: PageMeasure, g: { em: number; tol: number }, find: (page: number, message: string) => void): void {
  const red = inkBands(raster, { x0: MARGINS.leftMm, x1: MARGINS.leftMm + TYPE_AREA.widthMm, y0: MARGINS.topMm, y1: MARGINS.topMm + 40 }, { red: true, gapMm: 0.2 })[0];
  if (!red) return;
  // The 发文字号 is the first line of the grid (its position is checked with the first line): its em box ends 1 em below 37 mm.
  measure.redRuleGap = red.top - (MARGINS.topMm + g.em);
  if (Math.abs(measure.redRuleGap - RED_RULE.gapMm) > g.tol) find(p, `红色分隔线距发文字号 ${measure.redRuleGap.toFixed(2)} mm，应为 ${RED_RULE.gapMm} mm（GB/T 9704-2012 §7.2.7）`);
}

/**
 * The lines of a document title as printed on its first page: the words set larger than the body
 * (2号, 22 pt), grouped by line, top to bottom.
 */
export function printedTitleLines(pageWords: PdfWord[]): string[] {
  const bodyBox = (16 * 1.5) / PT_PER_MM; // pdftotext's box of a 16 pt word is about 1.44 em high
  const big = pageWords.filter((w) => w.yMax - w.yMin > bodyBox && w.yMin < MARGINS.topMm + TYPE_AREA.heightMm);
  const lines: { y: number; text: string }[] = [];
  for (const w of big) {
    const line = lines.find((l) => Math.abs(l.y - w.yMin) < 2);
    if (line) line.text += w.text;
    else lines.push({ y: w.yMin, text: w.text });
  }
  return lines.sort((a, b) => a.y - b.y).map((l) => l.text);
}
