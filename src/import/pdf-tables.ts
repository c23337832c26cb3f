/**
 * Tables of a PDF page whose cells wrap over several lines, put back cell by cell.
 *
 * A table row whose cells hold more than one line prints as several text rows: `拟贷款企业 |
 * XXX股份有限公司`, then `名称` under the first cell. Read row by row, the cells' lines would
 * interleave (`拟贷款企业XXX股份有限公司名称`). Here the rows of one column are grouped into table
 * rows by geometry alone: the cells stand at the same left edges, and a new table row starts
 * where the gap to the row above is wider than the line spacing inside a cell (the cell padding).
 */

/** A text run of a PDF page (units: PDF points, y from the top). */
export interface Run {
  x: number;
  right: number;
  y: number;
  size: number;
  text: string;
  heavy: boolean;
  /** The ideographic spaces the PDF prints right before this run (`pdf-spaces.ts`), if any. */
  gap?: string | undefined;
}

/** A line of runs, or a table row of cells (each cell's lines joined in order). */
export type Grouped = { runs: Run[] } | { cells: string[]; first: Run; right: number };

const near = (a: number, b: number) => Math.abs(a - b) <= 1.5;

/** Where each cell of a row starts: the first run, and every run after a gap of more than 1.2 characters. */
function cellsOf(row: readonly Run[]): Run[][] {
  const cells: Run[][] = [[row[0]!]];
  for (const r of row.slice(1)) {
    const prev = cells.at(-1)!.at(-1)!;
    if (r.x - prev.right > 1.2 * Math.max(r.size, prev.size)) cells.push([r]);
    else cells.at(-1)!.push(r);
  }
  return cells;
}

/** The text of runs on one line: a space where two runs stand more than 0.6 characters apart (as between words). */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r, i) => (i > 0 && r.x - runs[i - 1]!.right > r.size * 0.6 ? " " : "") + r.text).join("");
}

const joinText = (a: string, b: string) => (a === "" || /[\p{Script=Han}\p{P}]$/u.test(a) || /^[\p{Script=Han}\p{P}]/u.test(b) ? a + b : `${a} ${b}`);

/**
 * Groups the rows of one column (in reading order, each a row's runs sorted by x) into lines
 * and table rows. A table is two or more rows of two or more cells with the same cell left
 * edges (±1.5 pt) (not 目录 lines: no leaders, no page number as the last cell), and the rows between and right after them (at most the line spacing below)
 * holding text only at those edges. When the gaps between the table's text rows show two
 * spacings (the widest more than 1.25 times the narrowest), a row after a narrow gap continues
 * the cells above it; otherwise (no padding to tell by) every row stays a table row of its own.
 * Rows outside tables are returned unchanged, in order.
 */
export function groupTables(rows: readonly Run[][]): Grouped[] {
  const cells = rows.map(cellsOf);
  const out: Grouped[] = [];
  for (let i = 0; i < rows.length; ) {
    // Leaders (……) or a page number as the last cell make a 目录 line, not a table row.
    const leaders = (k: number) => cells[k]!.some((c) => /^[.．…·\s]+$/u.test(runsText(c))) || /^[(（]?\d{1,4}[)）]?$/u.test(runsText(cells[k]!.at(-1)!).trim());
    const edges = cells[i]!.length >= 2 && !leaders(i) ? cells[i]!.map((c) => c[0]!.x) : null;
    const atEdges = (k: number) => edges !== null && !leaders(k) && cells[k]!.every((c) => edges.some((e) => near(e, c[0]!.x)));
    const multi = (k: number) => cells[k]!.length >= 2 && cells[k]!.length === edges!.length && atEdges(k);
    let end = i;
    let lastMulti = i;
    if (edges) {
      for (let k = i + 1; k < rows.length && atEdges(k) && rows[k]![0]!.y > rows[k - 1]![0]!.y; k++) {
        if (multi(k)) lastMulti = k;
        end = k;
      }
    }
    const multis = edges ? rows.slice(i, end + 1).filter((_, j) => multi(i + j)).length : 0;
    if (!edges || multis < 2) {
      out.push({ runs: [...rows[i]!] });
      i++;
      continue;
    }
    // Rows after the last full row: only continuations at the line spacing, in a cell other than the first (a first-column line could be the text after the table).
    const gaps = rows.slice(i + 1, end + 1).map((r, j) => r[0]!.y - rows[i + j]![0]!.y);
    const line = Math.min(...gaps);
    let stop = lastMulti;
    while (stop < end && gaps[stop - i]! <= line * 1.1 && !near(cells[stop + 1]![0]![0]!.x, edges[0]!)) stop++;
    const padded = gaps.slice(0, stop - i).some((g) => g > line * 1.25);
    let group: { texts: string[]; first: Run; right: number } | null = null;
    const flush = () => {
      if (group) out.push({ cells: group.texts, first: group.first, right: group.right });
      group = null;
    };
    for (let k = i; k <= stop; k++) {
      const gap = k === i ? Infinity : rows[k]![0]!.y - rows[k - 1]![0]!.y;
      if (!group || !padded || gap > line * 1.25) {
        flush();
        group = { texts: edges.map(() => ""), first: rows[k]![0]!, right: 0 };
      }
      const g = group as { texts: string[]; first: Run; right: number };
      for (const c of cells[k]!) {
        const col = edges.findIndex((e) => near(e, c[0]!.x));
        g.texts[col] = joinText(g.texts[col]!, runsText(c));
        g.right = Math.max(g.right, ...c.map((r) => r.right));
      }
    }
    flush();
    i = stop + 1;
  }
  return out;
}
