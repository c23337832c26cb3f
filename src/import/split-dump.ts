import { ImportError } from "./import-error.ts";
import { findMasthead } from "./masthead.ts";
import { bracketedSection, comparable, parseTableOfContents, type TocEntry } from "./toc.ts";

export { comparable, parseTableOfContents, type TocEntry } from "./toc.ts";

/** The part of the dump that holds one document. */
export interface DumpSegment {
  entry: TocEntry;
  /** 1-based line of the dump where the document starts (its first title line). */
  startLine: number;
  /** Lines of the title (heading) that were matched against the table of contents. */
  titleLines: string[];
  /** The document's other lines, in order, as printed (the title lines removed). */
  lines: string[];
  /** 1-based dump line of each entry of `lines`. */
  lineNumbers: number[];
  /** 1-based page of the dump (form feeds before the title, plus one): the page of the original PDF for a PDF import. */
  pdfPage: number;
  /** The 版头 printed above the title (`…文件`, or a joint document's names apart): its lines as printed, the 1-based dump line of its first, the organ names. */
  masthead?: { printed: string[]; line: number; lastLine: number; names: string[] };
}

/** A whole dump split up: its cover lines, table of contents and one segment per document. */
export interface SplitDump {
  /** Lines before the table of contents (cover: gazette name, year and number, publisher). */
  cover: string[];
  sections: string[];
  entries: TocEntry[];
  segments: DumpSegment[];
  /** Lines between documents that belong to none: section headings, page headers and footers, mastheads (版头, read as evidence of the issuer of the document below). */
  dropped: { line: number; text: string; why: string }[];
  /** The non-blank lines of the cover and of the table of contents, read into the issue's and documents' metadata, not into any text, and the running heads and page numbers of those pages. */
  front: { line: number; text: string; why: "cover" | "toc" | "page header" | "page number" }[];
}

/**
 * Splits a whole-issue dump into one segment per document listed in its table of contents.
 * Each document is found by its title: one to three consecutive heading or short lines after
 * the table of contents whose text, ignoring spaces, Markdown marks and Traditional/Simplified
 * differences, is the title of the entry (a red-header line `…文件` counts as the issuer).
 * Documents must appear in table-of-contents order; between them, section headings `【…】` and
 * running page headers/footers are dropped (and reported). A masthead (版头) above a title
 * ({@link findMasthead}) is taken out of the text before it, reported, and kept as the next
 * document's `masthead`.
 * @throws ImportError naming the entry and its page when a document cannot be found, or when
 *   text that belongs to no document stands between the table of contents and the first one.
 */
export function splitDump(text: string, gazette = ""): SplitDump {
  const { lines, orig } = splitLines(text);
  const lineOf = (index: number) => orig[index] ?? index + 1;
  const toc = parseTableOfContents(lines, gazette);
  const lastEntry = Math.max(...toc.entries.map((e) => e.line - 1));
  for (const e of toc.entries) e.line = lineOf(e.line - 1);
  const starts: { index: number; count: number }[] = [];
  let from = toc.end;
  for (const entry of toc.entries) {
    const found = findTitle(lines, from, comparable(entry.title));
    if (!found) {
      throw new ImportError(`在目录之后（底本第${from}行以后）找不到文件“${entry.title}”（目录第${entry.line}行，第${entry.page}页）。正文中的标题应与目录一致（可分几行印），各文件应按目录顺序排列；请对照原刊修正底本。`);
    }
    starts.push(found);
    from = found.index + found.count;
  }
  const dropped: SplitDump["dropped"] = [];
  const heads = runningHeads(lines, toc.end, toc.sections, toc.entries, gazette);
  const titles = new Set(toc.entries.map((e) => comparable(e.title)));
  const isDroppable = (line: string, i: number): string | null => {
    const bare = comparable(line);
    const sec = comparable(bracketedSection(line) ?? line);
    if (toc.sections.some((s) => comparable(s) === sec)) return "section heading";
    if (isPageNumber(bare)) return "page number";
    if (gazette && bare.startsWith(comparable(gazette)) && bare.length <= comparable(gazette).length + 12) return "page header";
    if (/^-{3,}$/.test(line.trim())) return "page break";
    // A running head and the page number on one line, a wide gap between (`pdftotext -layout`).
    const parts = line.trim().split(/\s{2,}|\u3000{2,}/u);
    if (parts.length === 2 && parts.some((p) => isPageNumber(comparable(p))) && parts.some((p) => !isPageNumber(comparable(p)) && isDroppable(p, -1) !== null)) return "page header";
    if (heads.has(i)) return "page header";
    // Leaders or a title standing alone outside its document: the 目录's leaders, or a running head printing a title.
    if (/^(?:[.．…·。\-—_]\s*){2,}$/u.test(line.trim()) || titles.has(bare)) return "page header";
    return null;
  };
  const furniture = (line: string, i: number) => isDroppable(line, i) !== null;
  const mastheads = starts.map((s, k) => findMasthead(lines, s.index, k === 0 ? toc.end : starts[k - 1]!.index + starts[k - 1]!.count, furniture));
  const inMasthead = new Set(mastheads.flatMap((m) => m?.indexes ?? []));
  // A document number printed between a masthead and the title: the first line of the document below.
  const movedNumbers = new Set(mastheads.flatMap((m) => (m?.numberIndex !== undefined ? [m.numberIndex] : [])));
  for (let i = toc.end; i < starts[0]!.index; i++) {
    const line = lines[i]!;
    if (line.trim() === "" || movedNumbers.has(i)) continue;
    const why = inMasthead.has(i) ? "masthead" : isDroppable(line, i);
    if (!why) throw new ImportError(`底本第${i + 1}行：“${line.trim().slice(0, 40)}”位于目录和第一件文件“${toc.entries[0]!.title}”之间，不属于任何文件；请移走或删除。`);
    dropped.push({ line: lineOf(i), text: line, why });
  }
  const segments: DumpSegment[] = toc.entries.map((entry, k) => {
    const start = starts[k]!;
    const end = k + 1 < starts.length ? starts[k + 1]!.index : lines.length;
    const titleLines: string[] = [];
    const body: string[] = [];
    const numbers: number[] = [];
    const startLine = lineOf(start.index);
    const m = mastheads[k];
    if (m?.numberIndex !== undefined) {
      body.push(lines[m.numberIndex]!);
      numbers.push(lineOf(m.numberIndex));
    }
    for (let i = start.index; i < end; i++) {
      const line = lines[i]!;
      if (i < start.index + start.count) {
        if (line.trim() !== "") titleLines.push(line);
        continue;
      }
      if (movedNumbers.has(i)) continue;
      if (inMasthead.has(i)) {
        dropped.push({ line: lineOf(i), text: line, why: "masthead" });
        continue;
      }
      const why = line.trim() === "" ? null : isDroppable(line, i);
      if (why) {
        dropped.push({ line: lineOf(i), text: line, why });
        // The place of a page break stays, for paragraphs split across pages.
        if (why !== "section heading" && body.at(-1) !== "\f") {
          body.push("\f");
          numbers.push(lineOf(i));
        }
        continue;
      }
      body.push(line);
      numbers.push(lineOf(i));
    }
    const masthead = m ? { masthead: { printed: m.printed, line: lineOf(m.indexes[0]!), lastLine: lineOf(m.indexes.at(-1)!), names: m.names } } : {};
    return { entry, startLine, titleLines, lines: body, lineNumbers: numbers, pdfPage: pageOf(lines, start.index), ...masthead };
  });
  const cover = lines.slice(0, toc.tocStart);
  const front = lines
    .slice(0, toc.end)
    .map((text, i) => ({ line: lineOf(i), text, why: frontPart(text, i) }))
    .filter((l) => l.text.trim() !== "" && l.text !== "\f");
  return { cover, sections: toc.sections, entries: toc.entries, segments, dropped, front };

  /** Where a line before the body stands: the cover, the 目录, or a running head or page number (of a 目录 page, or of the first body page above the first title). */
  function frontPart(text: string, i: number): SplitDump["front"][number]["why"] {
    if (i < toc.tocStart) return "cover";
    const bare = comparable(text);
    if (gazette && bare.startsWith(comparable(gazette)) && bare.length <= comparable(gazette).length + 12) return "page header";
    const why = i > lastEntry ? isDroppable(text, i) : null;
    return why === "page number" ? "page number" : why === "page header" ? "page header" : "toc";
  }
}

/** A page number as printed: `3`, `— 3 —`, `第3页` (spaces removed). */
function isPageNumber(bare: string): boolean {
  return /^[-—–·]*\d{1,3}[-—–·]*$/.test(bare) || /^第\d{1,3}页$/.test(bare);
}

/**
 * The lines of a dump, a form feed (page break) on a line of its own, and the 1-based line of
 * the dump each comes from.
 */
export function splitLines(text: string): { lines: string[]; orig: number[] } {
  const lines: string[] = [];
  const orig: number[] = [];
  text.replace(/^\uFEFF/, "").split(/\r?\n/).forEach((line, n) => {
    const parts = line.split("\f");
    parts.forEach((part, k) => {
      if (k > 0) {
        lines.push("\f");
        orig.push(n + 1);
      }
      if (part !== "" || parts.length === 1) {
        lines.push(part);
        orig.push(n + 1);
      }
    });
  });
  return { lines, orig };
}

/** 1-based page of the dump where line `index` stands: form feeds before it, plus one. */
function pageOf(lines: readonly string[], index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (lines[i] === "\f") n++;
  return n;
}

/**
 * Running heads recognised by repetition: after the table of contents, a short line (digits
 * aside) that stands at least three times next to a page break (a form feed, a `---` line or a
 * page-number line) every time, or that repeats a document title or 栏目 name (a running head
 * printing the title). Lines that end a document (a date, an organ name, a note in brackets)
 * never count.
 * @returns 0-based indexes of the lines that are running heads.
 */
function runningHeads(lines: readonly string[], from: number, sections: readonly string[], entries: readonly TocEntry[], gazette: string): Set<number> {
  const isBreak = (l: string) => l === "\f" || /^-{3,}$/.test(l.trim()) || /^[-—–·\s]*\d{1,3}[-—–·\s]*$/.test(l.trim()) || /^第\s*\d{1,3}\s*页$/.test(l.trim());
  const nonEmpty: number[] = [];
  for (let i = from; i < lines.length; i++) if (lines[i]!.trim() !== "" || lines[i] === "\f") nonEmpty.push(i);
  const occurrences = new Map<string, { index: number; nearBreak: boolean }[]>();
  nonEmpty.forEach((i, k) => {
    const line = lines[i]!;
    if (line === "\f" || isBreak(line)) return;
    const key = comparable(line).replace(/\d+/g, "#");
    if (key.length < 2 || key.length > 40 || /^[(（].*[)）]$/.test(key) || /年#+月#+日$|人民政府$|办公室$|局$|委员会$/.test(key)) return;
    const near = [nonEmpty[k - 1], nonEmpty[k + 1]].some((j) => j !== undefined && isBreak(lines[j]!));
    (occurrences.get(key) ?? occurrences.set(key, []).get(key)!).push({ index: i, nearBreak: near });
  });
  const titles = new Set(entries.map((e) => comparable(e.title)));
  const out = new Set<number>();
  for (const [key, occ] of occurrences) {
    const known = titles.has(key) || sections.some((s) => comparable(s) === key) || (gazette !== "" && key.startsWith(comparable(gazette)));
    if ((occ.length >= 3 && occ.every((o) => o.nearBreak)) || (known && occ.length >= 2 && occ.slice(1).every((o) => o.nearBreak))) {
      for (const o of occ) if (o.nearBreak || !titles.has(key)) out.add(o.index);
    }
  }
  return out;
}

/**
 * Finds the first line at or after `from` where one to five consecutive non-empty lines
 * (headings or short lines; blank lines and page breaks between them allowed) read together as
 * `title`. When the title stands again within the next three lines (a running head printing
 * the title above the title itself), the later one is taken.
 * @returns 0-based index of the first line and how many lines (blank ones included) it spans.
 */
function findTitle(lines: readonly string[], from: number, title: string): { index: number; count: number } | null {
  const at = (i: number): { index: number; count: number } | null => {
    let acc = "";
    for (let j = i, taken = 0; taken < 5 && j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim() === "") continue;
      const isHeading = /^\s*#/.test(line);
      if (!isHeading && comparable(line).length > 60) break;
      let part = comparable(line);
      if (taken === 0 && part.length > 2 && part.endsWith("文件") && title.startsWith(part.slice(0, -2)) && !title.startsWith(part)) part = part.slice(0, -2);
      acc += part;
      taken++;
      if (acc === title) return { index: i, count: j - i + 1 };
      if (!title.startsWith(acc)) break;
    }
    return null;
  };
  for (let i = from; i < lines.length; i++) {
    if (lines[i]!.trim() === "") continue;
    const found = at(i);
    if (!found) continue;
    let next = found.index + found.count;
    for (let seen = 0; next < lines.length && seen < 3; next++) {
      if (lines[next]!.trim() === "") continue;
      const again = at(next);
      if (again) return again;
      seen++;
    }
    return found;
  }
  return null;
}
