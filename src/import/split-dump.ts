import { parseDocNumber } from "../content/doc-number.ts";
import { ImportError } from "./import-error.ts";
import { toSimplified } from "./traditional.ts";

/** One entry of the dump's own table of contents (目录). */
export interface TocEntry {
  /** Section (栏目) heading the entry is listed under, e.g. `市政府文件`; "" when none. */
  section: string;
  /** Title as printed in the table of contents (original characters, spaces kept). */
  title: string;
  /** Document number printed beside the title, as printed; undefined when none. */
  docNumber?: string;
  /** Printed page. */
  page: number;
  /** 1-based line of the dump where the entry ends (its page reference). */
  line: number;
}

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
}

/** A whole dump split up: its cover lines, table of contents and one segment per document. */
export interface SplitDump {
  /** Lines before the table of contents (cover: gazette name, year and number, publisher). */
  cover: string[];
  sections: string[];
  entries: TocEntry[];
  segments: DumpSegment[];
  /** Lines between documents that belong to none: section headings, page headers and footers. */
  dropped: { line: number; text: string; why: string }[];
}

/** Normalised form for comparing printed text: Simplified, NFKC, no spaces or Markdown marks. */
export function comparable(text: string): string {
  return toSimplified(text).normalize("NFKC").replace(/[\s#*　>]/g, "");
}

const PAGE_REF = /^(.*?)\s*(?:[.．…·。\-—_]\s*){2,}\s*[(（]?\s*(\d{1,3})\s*[)）]?\s*$/u;
const SECTION = /^【(.+)】$/u;

/**
 * Reads the table of contents of a dump: the line `目录` (any heading level, spaces between the
 * characters allowed, Traditional `目錄` too), then section lines `【栏目】` and entries: title
 * lines ending with a page reference `..... (12)`, with the document number in brackets before
 * it when printed (`(乳政发〔2019〕2号) ..... (1)`). The table ends at the first heading that is
 * not a section line, or at a section line seen before (the body's own section heading).
 * @returns the entries and the 0-based index of the first line after the table.
 * @throws ImportError when there is no table of contents or it lists nothing.
 */
export function parseTableOfContents(lines: readonly string[]): { tocStart: number; end: number; sections: string[]; entries: TocEntry[] } {
  const tocStart = lines.findIndex((l) => comparable(l) === "目录");
  if (tocStart < 0) {
    throw new ImportError({ zh: "文字稿没有目录：找不到“目录”一行。导入程序要从目录中取标题、栏目和页码；请按印刷本补上目录（先一行“目录”，再写【栏目】行和以 ..... (页码) 结尾的标题）", en: "the dump has no table of contents: no line 目录 was found. The importer takes titles, sections and printed pages from it; add the table of contents as printed (a line 目录, then 【栏目】 lines and titles ending with ..... (page))." });
  }
  const sections: string[] = [];
  const entries: TocEntry[] = [];
  let section = "";
  let pending: string[] = [];
  let i = tocStart + 1;
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const text = raw.replace(/^#+\s*/, "").trim();
    if (text === "" || /^-{3,}$/.test(text)) continue;
    const bare = comparable(text);
    const sec = SECTION.exec(bare);
    if (sec && sections.some((x) => comparable(x) === sec[1])) break;
    if (sec) {
      if (pending.length > 0) throw new ImportError({ zh: `文字稿第 ${i + 1} 行：目录条目“${pending.join("")}”在栏目 ${text} 之前没有页码；请写成“标题 ..... (页码)”`, en: `dump line ${i + 1}: the table of contents entry "${pending.join("")}" has no page number before the section ${text}; write it as title ..... (page).` });
      section = text.normalize("NFKC").replace(/[\s#*　【】]/g, "");
      sections.push(section);
      continue;
    }
    if (/^#/.test(raw.trim()) && pending.length === 0) break;
    const ref = PAGE_REF.exec(text);
    if (ref) {
      let before = ref[1]!.trim();
      let docNumber: string | undefined;
      const num = /[(（]([^]*)[)）]$/u.exec(before);
      if (num && parseDocNumber(num[1]!.replace(/號/g, "号")) !== null) {
        docNumber = num[1]!.trim();
        before = before.slice(0, num.index).trim();
      }
      const title = [...pending, before].filter((s) => s !== "").join("");
      if (title === "") throw new ImportError({ zh: `文字稿第 ${i + 1} 行：目录中有页码却没有标题；请补上标题`, en: `dump line ${i + 1}: a page reference without a title in the table of contents.` });
      entries.push({ section, title, ...(docNumber ? { docNumber } : {}), page: Number(ref[2]), line: i + 1 });
      pending = [];
      continue;
    }
    if (pending.length >= 3) {
      i -= pending.length;
      pending = [];
      break;
    }
    pending.push(text);
  }
  if (entries.length === 0) throw new ImportError({ zh: `文字稿第 ${tocStart + 1} 行：目录中没有任何文件（找不到以 ..... (页码) 结尾的行）；请按印刷本补全目录`, en: `dump line ${tocStart + 1}: the table of contents lists no document (no line ending with ..... (page) was found).` });
  return { tocStart, end: i, sections, entries };
}

/**
 * Splits a whole-issue dump into one segment per document listed in its table of contents.
 * Each document is found by its title: one to three consecutive heading or short lines after
 * the table of contents whose text, ignoring spaces, Markdown marks and Traditional/Simplified
 * differences, is the title of the entry (a red-header line `…文件` counts as the issuer).
 * Documents must appear in table-of-contents order; between them, section headings `【…】` and
 * running page headers/footers are dropped (and reported).
 * @throws ImportError naming the entry and its page when a document cannot be found, or when
 *   text that belongs to no document stands between the table of contents and the first one.
 */
export function splitDump(text: string, gazette = ""): SplitDump {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const toc = parseTableOfContents(lines);
  const starts: { index: number; count: number }[] = [];
  let from = toc.end;
  for (const entry of toc.entries) {
    const found = findTitle(lines, from, comparable(entry.title));
    if (!found) {
      throw new ImportError({ zh: `在目录之后、文字稿第 ${from} 行以后的正文中找不到文件“${entry.title}”（目录第 ${entry.line} 行，第 ${entry.page} 页）。正文中的标题须与目录一致、单独成行（或作为标题），各件文件的顺序须与目录相同；请核对文字稿`, en: `cannot find the document "${entry.title}" (table of contents line ${entry.line}, page ${entry.page}) in the text after the table of contents, after dump line ${from}. Its title must be printed as a heading (or on its own lines) as in the table of contents, and documents must follow in the same order.` });
    }
    starts.push(found);
    from = found.index + found.count;
  }
  const dropped: SplitDump["dropped"] = [];
  const sectionSet = new Set(toc.sections.map(comparable));
  const isDroppable = (line: string): string | null => {
    const bare = comparable(line);
    const sec = SECTION.exec(bare);
    if (sec && sectionSet.has(sec[1]!)) return "section heading";
    if (/^[-—–·]*\d{1,3}[-—–·]*$/.test(bare) || /^第\d{1,3}页$/.test(bare)) return "page number";
    if (gazette && bare.startsWith(comparable(gazette)) && bare.length <= comparable(gazette).length + 12) return "page header";
    if (/^-{3,}$/.test(line.trim())) return "page break";
    return null;
  };
  for (let i = toc.end; i < starts[0]!.index; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const why = isDroppable(line);
    if (!why) throw new ImportError({ zh: `文字稿第 ${i + 1} 行：文字“${line.trim().slice(0, 40)}”位于目录和第一件文件“${toc.entries[0]!.title}”之间，不属于任何文件；请移走或删去`, en: `dump line ${i + 1}: the text "${line.trim().slice(0, 40)}" stands between the table of contents and the first document "${toc.entries[0]!.title}" and belongs to no document; move or delete it.` });
    dropped.push({ line: i + 1, text: line, why });
  }
  const segments: DumpSegment[] = toc.entries.map((entry, k) => {
    const start = starts[k]!;
    const end = k + 1 < starts.length ? starts[k + 1]!.index : lines.length;
    const titleLines: string[] = [];
    const body: string[] = [];
    const numbers: number[] = [];
    for (let i = start.index; i < end; i++) {
      const line = lines[i]!;
      if (i < start.index + start.count) {
        if (line.trim() !== "") titleLines.push(line);
        continue;
      }
      const why = line.trim() === "" ? null : isDroppable(line);
      if (why) {
        dropped.push({ line: i + 1, text: line, why });
        continue;
      }
      body.push(line);
      numbers.push(i + 1);
    }
    return { entry, startLine: start.index + 1, titleLines, lines: body, lineNumbers: numbers };
  });
  const cover = lines.slice(0, toc.tocStart);
  return { cover, sections: toc.sections, entries: toc.entries, segments, dropped };
}

/**
 * Finds the first line at or after `from` where one to three consecutive non-empty lines
 * (headings or short lines) read together as `title`.
 * @returns 0-based index of the first line and how many lines (blank ones included) it spans.
 */
function findTitle(lines: readonly string[], from: number, title: string): { index: number; count: number } | null {
  for (let i = from; i < lines.length; i++) {
    if (lines[i]!.trim() === "") continue;
    let acc = "";
    let j = i;
    for (let taken = 0; taken < 3 && j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim() === "") continue;
      const isHeading = /^\s*#/.test(line);
      if (!isHeading && comparable(line).length > 60) break;
      let part = comparable(line);
      if (taken === 0 && part.endsWith("文件") && title.startsWith(part.slice(0, -2)) && !title.startsWith(part)) part = part.slice(0, -2);
      acc += part;
      taken++;
      if (acc === title) return { index: i, count: j - i + 1 };
      if (!title.startsWith(acc)) break;
    }
  }
  return null;
}
