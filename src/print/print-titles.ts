import { GRID, PT_PER_MM, SIZE_PT, TYPE_AREA } from "./layout.ts";
import { breakTitle, printTitleHtml } from "./title-lines.ts";

/**
 * Line width of a document title in em of 2号 (22 pt): the 156 mm measure less one body character
 * of padding each side, whole em only (≈ 18).
 */
export function titleLineEm(): number {
  const charMm = TYPE_AREA.widthMm / GRID.charsPerLine;
  return Math.floor((TYPE_AREA.widthMm - 2 * charMm) / (SIZE_PT.title / PT_PER_MM));
}

/**
 * A document's title for the print view (GB/T 9704-2012 §7.3.1, 2号 centred): lines broken
 * between words and balanced ({@link breakTitle}), the issuers (发文机关) kept whole, as HTML with
 * `<br>` between lines. The text itself is never changed.
 * @param issuers the document's issuers, each kept on one line.
 */
export function printTitle(title: string, issuers: readonly string[] = []): string {
  return printTitleHtml(title, { lineEm: titleLineEm(), terms: issuers, mode: "balanced" });
}

/** Contents lines: 28 characters, less the one-character indent and a margin of one. */
const TOC_LINE_EM = GRID.charsPerLine - 2;
/** The last line also holds the leader (at least 2 characters) and the page number `（NN）` (4). */
const TOC_LAST_LINE_EM = TOC_LINE_EM - 6;

/**
 * A title as it is set in the contents: lines filled in turn, broken only between words
 * ({@link breakTitle} `fill`), the last one short enough to leave room for the leader and the
 * page number.
 * @returns the lines (plain text, to be escaped by the template).
 */
export function tocTitleLines(title: string, issuers: readonly string[] = []): string[] {
  return breakTitle(title, { lineEm: TOC_LINE_EM, lastLineEm: TOC_LAST_LINE_EM, terms: issuers, mode: "fill" });
}
