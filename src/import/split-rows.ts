/**
 * One printed line that `pdftotext` put on two or three rows.
 *
 * In a PDF, quotation marks and brackets often come from another font than the characters
 * around them and sit on a slightly different baseline; `pdftotext` then starts a new row at
 * such a mark (`…举办“红色乳娘惦着你”` / `“母爱乳山等着你”系列主题活动，`). The pieces are
 * one printed line when, together, they are exactly as wide as a hard-wrapped line.
 */

/** Characters of a line, Latin letters and digits counting half (a hard-wrapped line's width in Chinese characters). */
export function width(line: string): number {
  let w = 0;
  for (const ch of line.trim()) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return Math.round(w);
}

/** A row that opens with a quotation mark or a bracket: the kind `pdftotext` puts on a row of its own. */
const OPENS = /^[“‘（《〔「『]/u;
/** A row that is a paragraph of its own: a numbered item, an attachment note (此件公开发布), or a date. */
const OWN_PARAGRAPH = /^(?:[（(][一二三四五六七八九十\d]+[)）]|[（(]此[件页].*[)）]$|\d{4}年\d{1,2}月\d{1,2}日)/u;
/** A row that ends a sentence or a paragraph (not a closing quotation mark, which often closes a quoted term inside a sentence). */
const ENDS_SENTENCE = /[。！？；：）)]$/u;

const lead = (row: string) => row.length - row.trimStart().length;

/**
 * Whether `next` continues the printed line whose rows so far are `pieces`: it opens with a
 * quotation mark or bracket and is not a paragraph of its own; where the dump keeps positions
 * (`pdftotext -layout`, `positions`), it starts where the previous piece ends (two cells before
 * to one after), and when that is no further in than a paragraph indent (5 cells) the
 * previous piece ends mid-sentence or in a closing quotation mark. In plain `pdftotext` a
 * previous piece of 3 characters or fewer must not end a sentence (a paragraph's last row
 * before a paragraph whose indent was lost).
 */
function continuesRow(pieces: readonly string[], next: string, positions: boolean): boolean {
  const text = next.trim();
  if (!OPENS.test(text) || OWN_PARAGRAPH.test(text)) return false;
  const prev = pieces.at(-1)!;
  const prevText = prev.trim();
  if (positions) {
    const end = prev.trimEnd().length;
    const at = lead(next);
    if (at < end - 2 || at > end + 1) return false;
    if (at <= 5 && ENDS_SENTENCE.test(prevText)) return false;
    return true;
  }
  return !(width(prevText) <= 3 && ENDS_SENTENCE.test(prevText));
}

/**
 * Puts back together the rows of a block that are pieces of one printed line (see the module
 * comment): a row followed by one or two rows that {@link continuesRow}, whose widths add up to
 * the wrap width `wrap` (less one, or plus one for narrow punctuation), and none of which alone
 * reaches it. The rows are concatenated without anything added or removed (the later pieces'
 * leading spaces aside).
 * @param rows the rows of one block (no blank rows), leading spaces kept
 * @param positions whether leading spaces show positions (`pdftotext -layout`)
 * @returns the rows, pieces joined, and how many joins were made
 */
export function joinSplitRows(rows: readonly string[], wrap: number | null, positions: boolean): { rows: string[]; joined: number } {
  if (wrap === null) return { rows: [...rows], joined: 0 };
  const out: string[] = [];
  let joined = 0;
  for (let i = 0; i < rows.length; i++) {
    const first = rows[i]!;
    let taken = 0;
    const pieces = [first];
    for (let k = 1; k <= 2 && i + k < rows.length; k++) {
      const next = rows[i + k]!;
      if (!continuesRow(pieces, next, positions)) break;
      pieces.push(next);
      // A paragraph's first row is narrower by its indent (two characters).
      const total = pieces.reduce((n, p) => n + width(p), 0) + (/^(?:\s{2,}|\u3000)/u.test(first) ? 2 : 0);
      if (total > wrap + 1) break;
      if (total >= wrap - 1 && pieces.every((p) => width(p) < wrap - 1)) taken = k;
    }
    if (taken === 0) {
      out.push(first);
      continue;
    }
    out.push(first.trimEnd() + rows.slice(i + 1, i + 1 + taken).map((r) => r.trim()).join(""));
    joined += taken;
    i += taken;
  }
  return { rows: out, joined };
}
