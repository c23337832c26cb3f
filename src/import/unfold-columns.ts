/**
 * Two-column pages of a `pdftotext -layout` dump, read column by column.
 *
 * `pdftotext -layout` keeps the physical layout: on a page printed in two columns each text row
 * holds a line of the left column, a gap of spaces, then a line of the right column. This module
 * finds the gutter (the character position where the right column starts) by repetition and
 * rewrites such pages as the left column's lines, then the right column's, band by band (a line
 * that crosses the gutter, such as a title over both columns, ends a band). Indentation is kept
 * relative to each column's edge, and a form feed marks each column break (so the dump's pages
 * count columns). Pages without a gutter, and dumps of other tools, are returned
 * unchanged. Characters are never added, dropped or reordered within a line.
 */

/** The line put between the left and the right column of a band: a form feed, read as a break a paragraph may continue across. */
export const COLUMN_BREAK = "\f";

/**
 * Where the text after a gap starts in `line`, with the gap's start: two or more spaces, or
 * full-width spaces followed by spaces (a column's line ending in them). Full-width spaces alone
 * are the text's own (between the names of a joint document, in a name list), never a gutter:
 * `pdftotext -layout` pads with ASCII spaces.
 */
function gaps(line: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of line.matchAll(/(?<=\S)( {2,}|\u3000+ +)(?=\S)/gu)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The gutter of one page: the leftmost start of right-column text shared by at least 5 rows (and an eighth of the rows), or null. */
function pageGutter(rows: readonly string[]): { gutter: number | null; candidates: number[] } {
  const candidates: number[] = [];
  for (const row of rows) {
    for (const g of gaps(row)) {
      const left = row.slice(0, g.start).trim();
      const right = row.slice(g.end);
      // Both sides are text (a page reference after a gap, or leaders, is not a column).
      if ([...left].length >= 2 && [...right.trim()].length >= 4 && /\p{Script=Han}/u.test(right)) candidates.push(g.end);
    }
  }
  const filled = rows.filter((r) => r.trim() !== "").length;
  // The leftmost position shared by enough rows (right-column lines indented as a paragraph's first line start further right).
  const gutter = [...candidates].sort((a, b) => a - b).find((c) => {
    const near = candidates.filter((d) => d >= c && d <= c + 1).length;
    return near >= 5 && near >= filled / 8;
  });
  return { gutter: gutter ?? null, candidates };
}

/** One page's rows read column by column, given the gutter position. */
function unfoldPage(rows: readonly string[], gutter: number, loose: boolean): string[] {
  const out: string[] = [];
  let left: string[] = [];
  let right: string[] = [];
  const flush = () => {
    // The column break is marked like a page break: a paragraph may continue across it.
    const filled = (c: string[]) => c.some((l) => l.trim() !== "");
    out.push(...left, ...(filled(left) && filled(right) ? [COLUMN_BREAK] : []), ...right);
    left = [];
    right = [];
  };
  for (const row of rows) {
    const text = row.trimEnd();
    if (text.trim() === "") {
      // A blank row inside a column's text is where the other column's rows spread apart (a table, a title): a break a paragraph may continue across, not a paragraph end.
      const soft = (c: string[]) => (c.some((l) => l.trim() !== "") ? COLUMN_BREAK : "");
      left.push(soft(left));
      right.push(soft(right));
      continue;
    }
    const lead = text.length - text.trimStart().length;
    if (lead >= gutter - 1) {
      // Right column only; its indent counted from the gutter.
      right.push(" ".repeat(Math.max(0, lead - gutter)) + text.trimStart());
      continue;
    }
    const gap = gaps(text).find((g) => g.start <= gutter - 1 && g.end >= gutter - 1);
    if (text.length <= gutter - 1 || (loose && !gap)) {
      left.push(text);
      continue;
    }
    if (!gap) {
      // A line over both columns (a title, a running head): the band ends.
      flush();
      out.push(text);
      continue;
    }
    left.push(text.slice(0, gap.start));
    right.push(" ".repeat(Math.max(0, gap.end - gutter)) + text.slice(gap.end));
  }
  flush();
  return out;
}

/**
 * Rewrites the two-column pages of a `pdftotext -layout` dump (pages parted by form feeds) so
 * that each column is read top to bottom, left column first; see the module comment. A page
 * counts as two-column when at least 5 rows (and an eighth of its rows) have right-column text
 * starting at the same position; in a dump with two such pages, a page with two or more rows
 * of two columns is parted at its leftmost gap, and its lines without a gap go to the left column.
 * @returns the text (unchanged when no page has a gutter) and the number of pages rewritten.
 */
export function unfoldColumns(text: string): { text: string; pages: number } {
  const pages = text.split("\f");
  const found = pages.map((p) => pageGutter(p.split("\n")));
  const gutters = found.map((f) => f.gutter).filter((g): g is number => g !== null);
  if (gutters.length === 0) return { text, pages: 0 };
  let rewritten = 0;
  const out = pages.map((page, k) => {
    const f = found[k]!;
    // A page with a few rows of two columns (a document's last) in a two-column issue: parted at its leftmost gap, every line without one in the left column.
    const loose = f.gutter === null && gutters.length >= 2 && f.candidates.length >= 2;
    const gutter = f.gutter ?? (loose ? Math.min(...f.candidates) : null);
    if (gutter === null) return page;
    rewritten++;
    return unfoldPage(page.split("\n"), gutter, loose).join("\n");
  });
  return { text: out.join("\f"), pages: rewritten };
}
