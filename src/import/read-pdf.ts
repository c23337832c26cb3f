import { createRequire } from "node:module";
import path from "node:path";
import { foldRadicals } from "./fold-radicals.ts";
import { ImportError } from "./import-error.ts";
import { groupTables, type Run } from "./pdf-tables.ts";
import { ideographicSpaces, inkCount, withIdeographicSpaces, type OperatorList } from "./pdf-spaces.ts";

/** One printed line of a PDF page (a run of text on one baseline, in one column). Units: PDF points, y from the top. */
export interface PdfLine {
  /** Left and right edge of the text. */
  x: number;
  right: number;
  /** Baseline, from the top of the page. */
  y: number;
  /** Font size (the text's height). */
  size: number;
  /** Text, radicals folded; table cells (runs apart by a wide gap) separated by a tab. */
  text: string;
  /** Number of runs apart by a wide gap (2 or more: a table row or a leader line). */
  cells: number;
  /** Most of its characters (60 % or more) are set in a bold or heavy face ({@link HEAVY}). */
  heavy: boolean;
}

/** One page of a PDF: its size and its lines in reading order per column band. */
export interface PdfPage {
  /** 1-based page of the PDF file. */
  index: number;
  width: number;
  height: number;
  lines: PdfLine[];
  /** Two-column page: the x that parts the columns; undefined on one-column pages. */
  middle?: number;
}

/** The text layer of a PDF, and how many radical code points were folded. */
export interface PdfText {
  pages: PdfPage[];
  folded: number;
}


/**
 * A bold or heavy face by its PostScript name (`NotoSerifSC-Bold`, `SimHei`, `FZXiaoBiaoSong-B05S`):
 * the weights of Latin and CJK font names, 黑体 and 小标宋 (the face of titles, GB/T 9704-2012 §7.3.1).
 */
export const HEAVY = /bold|black|heavy|semibold|demi|W[6-9](?![0-9])|SimHei|Heiti|XiaoBiaoSong|FZXBS|黑体|小标宋/i;

const require = createRequire(import.meta.url);

/**
 * Loads pdf.js once. Its bundles name source maps of several megabytes, which Node parses on
 * load whenever source maps are on (as under tsx); they are turned off while pdf.js loads
 * (`process.setSourceMapsEnabled`, a documented Node API) and restored after, so our own
 * stack traces keep their TypeScript lines.
 */
async function loadPdfjs(): Promise<typeof import("pdfjs-dist/legacy/build/pdf.mjs")> {
  const was = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  try {
    return await import("pdfjs-dist/legacy/build/pdf.mjs");
  } finally {
    process.setSourceMapsEnabled(was);
  }
}

/**
 * Reads the text layer of a born-digital PDF with pdf.js (`pdfjs-dist`, legacy build for
 * Node; CJK CMaps from the package, no system tool): every text run with its position and
 * size, grouped into printed lines. Runs on one baseline more than two characters apart are
 * kept as separate cells (tab-separated) or, on a page printed in two columns, as lines of
 * different columns (a page with little text counts as two columns when most pages do).
 * Radical code points are folded back ({@link foldRadicals}).
 * @throws ImportError (Chinese) when the file is not a PDF, is encrypted, or has no text layer (a scan).
 */
export async function readPdf(data: Uint8Array): Promise<PdfText> {
  const { getDocument, OPS } = await loadPdfjs();
  const root = path.dirname(require.resolve("pdfjs-dist/package.json"));
  let doc;
  try {
    doc = await getDocument({ data, cMapUrl: path.join(root, "cmaps") + "/", cMapPacked: true, standardFontDataUrl: path.join(root, "standard_fonts") + "/", isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === "PasswordException") throw new ImportError("该 PDF 有密码保护，无法读取文字。请向出版单位索取未加密的原件，或先用 PDF 阅读器另存为无密码的 PDF。");
    throw new ImportError(`无法读取该 PDF（${(err as Error).message}）。请确认文件是完整的 PDF；损坏的文件可用 PDF 阅读器另存一份后再导入。`);
  }
  const pages: PdfPage[] = [];
  let folded = 0;
  let chars = 0;
  const pageRuns: Run[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    // The operator list loads the page's fonts (page.commonObjs), whose names tell the weight; the text content names only an id.
    const ops = (await page.getOperatorList()) as OperatorList;
    // Full-width spaces, which the text content gives as plain spaces, from the glyphs of the operator list.
    const spaces = ideographicSpaces(ops, [OPS.showText, OPS.showSpacedText], content.items.reduce((n, item) => n + ("str" in item ? inkCount(item.str) : 0), 0));
    let ink = 0;
    const heavy = new Map<string, boolean>();
    const isHeavy = (id: string): boolean => {
      let h = heavy.get(id);
      if (h === undefined) {
        const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string } | null) : null;
        h = HEAVY.test(font?.name ?? "");
        heavy.set(id, h);
      }
      return h;
    };
    const runs: Run[] = [];
    for (const item of content.items) {
      if (!("str" in item) || item.str === "") continue;
      const at = ink;
      ink += inkCount(item.str);
      const [a, b, , , e, f] = item.transform as number[];
      const size = Math.hypot(a!, b!);
      // A blank run is a space between words, unless it spans a wide gap (columns, table cells).
      if (item.str.trim() === "" && (item.width > 1.5 * size || size === 0)) continue;
      const fold = foldRadicals(withIdeographicSpaces(item.str, at, spaces));
      folded += fold.folded;
      chars += fold.text.length;
      runs.push({ x: e! - x0, right: e! - x0 + item.width, y: y1 - f!, size, text: fold.text, heavy: isHeavy(item.fontName), gap: spaces.get(at) });
    }
    page.cleanup();
    const width = x1 - x0;
    const { lines, middle } = buildLines(runs, width, false);
    pages.push({ index: i, width, height: y1 - y0, lines, ...(middle === undefined ? {} : { middle }) });
    pageRuns.push(runs);
  }
  // In a gazette printed in two columns, a page with little text (a document's last) is read in two columns too.
  const twoColumnPages = pages.filter((p) => p.middle !== undefined).length;
  if (twoColumnPages >= 2 && twoColumnPages >= pages.filter((p) => p.lines.length >= 10).length / 2) {
    pages.forEach((p, k) => {
      if (p.middle !== undefined) return;
      const { lines, middle } = buildLines(pageRuns[k]!, p.width, true);
      p.lines = lines;
      if (middle !== undefined) p.middle = middle;
    });
  }
  await doc.destroy();
  if (chars < 20 * pages.length) {
    throw new ImportError(`该 PDF 没有可读取的文字层（${pages.length} 页只读到 ${chars} 个字），应是扫描件。请先用 OCR 软件识别成文字（导出为 .txt 或 .md），再用 npm run import -- <文本文件> --year 年份 --number 期号 导入，并对照原件校对。`);
  }
  return { pages, folded };
}

/**
 * Groups runs into lines: runs on one baseline (within a third of the font size), split where
 * two runs are more than two characters apart. When most of those pieces sit wholly left or
 * right of the page's middle, the page is read as two columns: full-width lines (titles)
 * first in their band, then the left column, then the right one.
 */
function buildLines(runs: Run[], width: number, loose: boolean): { lines: PdfLine[]; middle?: number } {
  runs.sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Run[][] = [];
  for (const r of runs) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - r.y) <= Math.max(row[0]!.size, r.size) / 3) row.push(r);
    else rows.push([r]);
  }
  const pieces: Run[][] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let piece: Run[] = [row[0]!];
    for (const r of row.slice(1)) {
      const last = piece.at(-1)!;
      if (r.x - last.right > 2 * Math.max(r.size, last.size)) {
        pieces.push(piece);
        piece = [r];
      } else piece.push(r);
    }
    pieces.push(piece);
  }
  const mid = width / 2;
  const chars = (p: Run[]) => p.reduce((n, r) => n + r.text.length, 0);
  const left = pieces.filter((p) => p.at(-1)!.right < mid);
  const right = pieces.filter((p) => p[0]!.x > mid);
  const least = loose ? 1 : 5;
  const twoColumns = left.filter((p) => chars(p) >= 8).length >= least && right.filter((p) => chars(p) >= 8).length >= least && left.length + right.length >= 0.6 * pieces.length;
  if (!twoColumns) return { lines: withTables(rows.map((row) => [row]), true) };
  // Bands: a full-width piece ends the band; within a band, the left column, then the right.
  const out: PdfLine[] = [];
  let band: { l: Run[][]; r: Run[][] } = { l: [], r: [] };
  const flush = () => {
    out.push(...withTables(sameRow(band.l), false), ...withTables(sameRow(band.r), false));
    band = { l: [], r: [] };
  };
  for (const p of pieces) {
    if (p.at(-1)!.right < mid + 2) band.l.push(p);
    else if (p[0]!.x > mid - 2) band.r.push(p);
    else {
      flush();
      out.push(toLine(p, false));
    }
  }
  flush();
  return { lines: out, middle: mid };
}

/** Pieces of one column on the same baseline (within a third of the size), gathered: one entry a text row. */
function sameRow(pieces: Run[][]): Run[][][] {
  const rows: Run[][][] = [];
  for (const p of pieces) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]![0]!.y - p[0]!.y) <= Math.max(row[0]![0]!.size, p[0]!.size) / 3) row.push(p);
    else rows.push([p]);
  }
  return rows;
}

/**
 * Lines of one column from its text rows (each the pieces of one baseline): tables whose cells
 * wrap put back cell by cell ({@link groupTables}, cells tab-separated), every other row's pieces
 * as lines as before.
 */
function withTables(rows: Run[][][], cells: boolean): PdfLine[] {
  const flat = rows.map((pieces) => pieces.flat().sort((a, b) => a.x - b.x));
  const byFirst = new Map(flat.map((r, k) => [r[0]!, rows[k]!]));
  return groupTables(flat).flatMap((g): PdfLine[] => {
    if ("runs" in g) return byFirst.get(g.runs[0]!)!.map((p) => toLine(p, cells));
    return [{ x: g.first.x, right: g.right, y: g.first.y, size: g.first.size, text: g.cells.join("\t"), cells: g.cells.length, heavy: false }];
  });
}

function toLine(runs: Run[], cells: boolean): PdfLine {
  let text = "";
  let count = 1;
  runs.forEach((r, i) => {
    if (i > 0) {
      const gap = r.x - runs[i - 1]!.right;
      if (cells && gap > 2 * r.size) {
        text += "\t";
        count++;
      } else if (gap > r.size * 0.6) text += r.gap ?? " ";
    }
    text += r.text;
  });
  const size = runs.reduce((m, r) => (r.text.length > 0 && r.size > m ? r.size : m), 0);
  const chars = (rs: Run[]) => rs.reduce((n, r) => n + r.text.replace(/\s/g, "").length, 0);
  const heavy = chars(runs.filter((r) => r.heavy)) >= 0.6 * Math.max(1, chars(runs));
  return { x: runs[0]!.x, right: Math.max(...runs.map((r) => r.right)), y: runs[0]!.y, size, text, cells: count, heavy };
}
