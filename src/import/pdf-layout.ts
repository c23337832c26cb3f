import { isDateLine } from "../content/chinese-date.ts";
import type { PdfLine, PdfPage } from "./read-pdf.ts";

/** A PDF's pages laid out as a text dump, and what the geometry told. */
export interface PdfDump {
  /** Text in the dump form `importDump` reads: one paragraph a line, blank lines between, `# ` before title lines, a form feed between pages, tab-separated table rows. */
  text: string;
  /** Printed page number of each PDF page (index 0 = page 1), null where none is printed. */
  printed: (number | null)[];
  /** Running heads and page numbers removed: PDF page, text. */
  furniture: { page: number; text: string }[];
  /** Paragraphs continued across a page or column break: the text around each join (`…｜…`). */
  joins: string[];
}

const PAGE_NUMBER = /^(?:[-—–－·\s]*(\d{1,4})[-—–－·\s]*|第\s*(\d{1,4})\s*页)$/u;

/** Most frequent value of `values` (rounded to 0.5). */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v * 2) / 2, (counts.get(Math.round(v * 2) / 2) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

const masked = (text: string) => text.replace(/\s+/g, "").replace(/\d+/g, "#");

/**
 * Finds running heads and page numbers by position and repetition: the first or last line of
 * a page that is a page number (`— 3 —`, `第 3 页`, `3`), or whose baseline recurs at the same
 * height (±2 pt) on at least a third of the pages (and three) in a smaller size than the body
 * text or with its text (digits aside) repeated on another page.
 * @returns for each page, the set of line indexes that are furniture, and the printed page number.
 */
export function findFurniture(pages: readonly PdfPage[], bodySize: number): { drop: Set<number>[]; printed: (number | null)[] } {
  const edgeYs: number[] = [];
  const edges = pages.map((p) => {
    const idx = p.lines.map((_, i) => i).sort((a, b) => p.lines[a]!.y - p.lines[b]!.y);
    const e = [...idx.slice(0, 2), ...idx.slice(-2)].filter((v, i, a) => a.indexOf(v) === i);
    for (const i of e) edgeYs.push(p.lines[i]!.y);
    return e;
  });
  const texts = new Map<string, number>();
  pages.forEach((p, k) => {
    for (const i of edges[k]!) texts.set(masked(p.lines[i]!.text), (texts.get(masked(p.lines[i]!.text)) ?? 0) + 1);
  });
  const recurring = (y: number) => edgeYs.filter((v) => Math.abs(v - y) <= 2).length >= Math.max(2, pages.length / 4);
  const drop = pages.map(() => new Set<number>());
  const printed: (number | null)[] = pages.map(() => null);
  pages.forEach((p, k) => {
    const ys = p.lines.map((l) => l.y);
    const top = Math.min(...ys);
    const bottom = Math.max(...ys);
    for (const i of edges[k]!) {
      const line = p.lines[i]!;
      const text = line.text.replace(/\s+/g, " ").trim();
      // A page number alone, or as the first or last cell of a running-head line.
      const cells = line.text.split("\t").map((c) => c.replace(/\s+/g, " ").trim());
      const number = PAGE_NUMBER.exec(text) ?? (cells.length > 1 ? PAGE_NUMBER.exec(cells.at(-1)!) ?? PAGE_NUMBER.exec(cells[0]!) : null);
      const atEdge = line.y === top || line.y === bottom;
      if (number && recurring(line.y)) {
        drop[k]!.add(i);
        printed[k] = Number(number[1] ?? number[2]);
        continue;
      }
      const repeated = (texts.get(masked(text)) ?? 0) >= 2;
      if (recurring(line.y) && (line.size < bodySize * 0.9 || repeated) && (atEdge || isNextTo(p, i, drop[k]!))) drop[k]!.add(i);
    }
  });
  return { drop, printed };
}

function isNextTo(p: PdfPage, i: number, dropped: Set<number>): boolean {
  const line = p.lines[i]!;
  return [...dropped].some((j) => Math.abs(p.lines[j]!.y - line.y) < 40);
}

/**
 * Lays the lines of a PDF out as a text dump, by geometry:
 * - running heads and page numbers dropped ({@link findFurniture});
 * - lines in a font at least 1.2 times the body size are title lines (`# `);
 * - a paragraph starts at an indented line (first-line indent, or a centred or right-aligned
 *   line), after a line that does not reach the right edge, or where the size changes;
 * - a paragraph continues across a page or column break when the last line before the break
 *   reaches the right edge and the first line after it is not indented;
 * - lines of several cells (a wide gap between runs) are table rows, kept tab-separated, the rows
 *   of one table in one block (cells that wrap are put back by `groupTables` in read-pdf);
 * - heavy (bold) lines at the body size that are headings by their shape ({@link headingLines}) are `## ` lines.
 */
export function layoutPdf(pages: readonly PdfPage[]): PdfDump {
  const all = pages.flatMap((p) => p.lines);
  const bodySize = mode(all.flatMap((l) => Array<number>(Math.min(40, l.text.length)).fill(l.size)));
  const { drop, printed } = findFurniture(pages, bodySize);
  const furniture: PdfDump["furniture"] = [];
  const joins: string[] = [];
  const out: string[] = [];
  const kept = pages.map((page, k) =>
    page.lines.filter((l, i) => {
      if (drop[k]!.has(i)) furniture.push({ page: page.index, text: l.text });
      return !drop[k]!.has(i);
    }),
  );
  const edgesOf = textBlockEdges(pages, kept, bodySize);
  const headings = headingLines(pages, kept, bodySize, edgesOf);
  let open: { text: string; full: boolean } | null = null;
  let pendingBreaks = 0;
  let table = false;
  const startBlock = () => {
    if (open) out.push(open.text, "");
    open = null;
    if (pendingBreaks > 0 && table) out.push("");
    if (pendingBreaks > 0) table = false;
    for (; pendingBreaks > 0; pendingBreaks--) out.push("\f");
  };
  pages.forEach((page, k) => {
    if (k > 0) pendingBreaks++;
    let prev: PdfLine | null = null;
    for (const line of kept[k]!) {
      const col = edgesOf(page, line);
      const indented = line.x - col.left > line.size * 0.8;
      const full = line.right >= col.right - line.size * 0.5;
      const title = line.size >= bodySize * 1.2;
      const broken = prev === null || line.y < prev.y - line.size;
      const o = open as { text: string; full: boolean } | null;
      // Rows of a table in a row, one block (a Markdown table); anything else ends it.
      const row = line.cells >= 2 && !title;
      if (!row && table) {
        out.push("");
        table = false;
      }
      if (row) {
        startBlock();
        out.push(line.text);
        table = true;
      } else if (title) {
        startBlock();
        out.push(`# ${line.text.trim()}`, "");
      } else if (headings.has(line)) {
        startBlock();
        out.push(`## ${line.text.trim()}`, "");
      } else if (o && !indented && o.full && (broken || Math.abs(prev!.size - line.size) < 0.5)) {
        if (broken) joins.push(`${o.text.slice(-10)}｜${line.text.trim().slice(0, 10)}`);
        o.text += line.text.trim();
        o.full = full;
      } else {
        startBlock();
        open = { text: line.text.trim(), full };
      }
      prev = line;
    }
  });
  startBlock();
  return { text: out.join("\n").replace(/\n{3,}/g, "\n\n"), printed, furniture, joins };
}

/**
 * Lines in a bold or heavy face at about the body size that are headings (or titles printed at
 * the body size): heavy lines in a row (not a date line, not starting right of the column's middle as a signature does) (no more than 2.5 lines apart), parted after each line
 * that does not reach the column's right edge; a part of one to three lines whose last does not
 * end a sentence or a clause (`。；：！？，、`) counts, not table rows. Heavy words inside a
 * paragraph are not enough (a line counts when 60 % of it is heavy), nor a heavy paragraph
 * (ending in 。, or longer than three lines). When most of the body text is heavy, weight tells
 * nothing and no line counts.
 */
function headingLines(pages: readonly PdfPage[], kept: readonly PdfLine[][], bodySize: number, edgesOf: (page: PdfPage, line: PdfLine) => { left: number; right: number }): Set<PdfLine> {
  const body = kept.flat().filter((l) => Math.abs(l.size - bodySize) <= 0.5 && l.cells < 2);
  const chars = (ls: PdfLine[]) => ls.reduce((n, l) => n + l.text.replace(/\s/g, "").length, 0);
  const out = new Set<PdfLine>();
  if (chars(body.filter((l) => l.heavy)) > 0.5 * chars(body)) return out;
  kept.forEach((lines, k) => {
    let part: PdfLine[] = [];
    const close = () => {
      const last = part.at(-1)?.text.trim() ?? "";
      if (part.length >= 1 && part.length <= 3 && !/[。；：！？，、.;:!?,]$/u.test(last)) for (const l of part) out.add(l);
      part = [];
    };
    for (const l of lines) {
      const edges = edgesOf(pages[k]!, l);
      // Not a signature set in bold: a date line, or a line starting right of the column's middle (right-aligned).
      const signature = isDateLine(l.text.replace(/\s+/g, "")) || l.x > (edges.left + edges.right) / 2;
      const candidate = l.heavy && l.cells < 2 && l.size < bodySize * 1.2 && l.size >= bodySize * 0.9 && !signature;
      const prev = part.at(-1);
      if (prev && (!candidate || l.y < prev.y || l.y - prev.y > 2.5 * l.size)) close();
      if (!candidate) continue;
      part.push(l);
      if (l.right < edges.right - l.size * 0.5) close();
    }
    close();
  });
  return out;
}

/**
 * The column's left edge from the starts of its body lines: the leftmost start shared by at
 * least a tenth of them (and two). Not the most common start: in a list or in short articles,
 * indented first lines can outnumber the lines that run on.
 */
function leftEdge(starts: number[]): number {
  const sorted = starts.map((x) => Math.round(x * 2) / 2).sort((a, b) => a - b);
  const least = Math.max(2, sorted.length / 10);
  return sorted.find((x) => sorted.filter((y) => Math.abs(y - x) <= 1).length >= least) ?? mode(starts);
}

/**
 * The column's right edge from the ends of its body lines: the rightmost end shared by at least
 * a tenth of them (and two). Not the most common end: on a page with few lines, short last
 * lines (`偿。`, `附件`) can be as many as the full ones.
 */
function rightEdge(ends: number[]): number {
  const sorted = ends.map((x) => Math.round(x * 2) / 2).sort((a, b) => b - a);
  const least = Math.max(2, sorted.length / 10);
  return sorted.find((x) => sorted.filter((y) => Math.abs(y - x) <= 1).length >= least) ?? mode(ends);
}

/**
 * The text block's left and right edges for a line: the leftmost shared start and the rightmost
 * shared end of body lines over all pages of the same parity (odd and even pages may have mirrored margins) and
 * the same column (left, right or full width).
 */
function textBlockEdges(pages: readonly PdfPage[], kept: readonly PdfLine[][], bodySize: number): (page: PdfPage, line: PdfLine) => { left: number; right: number } {
  const kind = (page: PdfPage, l: PdfLine) => (page.middle === undefined ? "one" : l.right < page.middle + 2 ? "left" : l.x > page.middle - 2 ? "right" : "full");
  const starts = new Map<string, number[]>();
  const ends = new Map<string, number[]>();
  pages.forEach((page, k) => {
    for (const l of kept[k]!) {
      if (Math.abs(l.size - bodySize) > 0.5 || l.cells > 1) continue;
      const key = `${page.index % 2}:${kind(page, l)}`;
      (starts.get(key) ?? starts.set(key, []).get(key)!).push(l.x);
      (ends.get(key) ?? ends.set(key, []).get(key)!).push(l.right);
    }
  });
  const cache = new Map<string, { left: number; right: number }>();
  return (page, line) => {
    const key = `${page.index % 2}:${kind(page, line)}`;
    let e = cache.get(key);
    if (!e) {
      const s = starts.get(key) ?? [line.x];
      const r = ends.get(key) ?? [page.width];
      e = { left: leftEdge(s), right: rightEdge(r) };
      cache.set(key, e);
    }
    return e;
  };
}
