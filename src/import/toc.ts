import { parseDocNumber } from "../content/doc-number.ts";
import { ImportError } from "./import-error.ts";
import { isCompleteOrganName, namesApart } from "./organ-names.ts";
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

/** Normalised form for comparing printed text: Simplified, NFKC, no spaces or Markdown marks. */
export function comparable(text: string): string {
  return toSimplified(text).normalize("NFKC").replace(/[\s#*　>]/g, "");
}

/** `title ..... (12)`, `title……12`, `title (12)`: a page reference after leaders. */
const PAGE_REF = /^(.*?)\s*(?:[.．…·。\-—_]\s*){2,}\s*[(（]?\s*(\d{1,3})\s*[)）]?\s*$/u;
/** `title 12`, `title\t12`, `title（12）`: a page reference after a blank or in brackets. */
const PAGE_REF_BARE = /^(.*[^\d\s.．…·\-—_])(?:\s+[(（]?\s*(\d{1,3})\s*[)）]?|\s*[(（]\s*(\d{1,3})\s*[)）])\s*$/u;
const LONE_PAGE = /^[(（]?\s*(\d{1,3})\s*[)）]?$/u;
/** `title ……` whose page number comes later (pdftotext gives the numbers of a column after it). */
const LEADER_END = /^(.*?[^.．…·。\-—_\s])\s*(?:[.．…·。\-—_]\s*){2,}$/u;
const LEADERS = /^(?:[.．…·。\-—_]\s*){2,}$/u;
/** Words a 栏目 name ends with (printed without 【】 in many gazettes). */
const SECTION_WORD = /(?:文件|动态|任免|人事|公告|通告|法规|规章|信息|要闻|决定|命令|批复|文告|大事记|专栏|会议|解读|其他|公报|通知|规范性文件)$/u;
const ORG_END = /(?:人民政府|办公室|办公厅|委员会|局|厅)$/u;

/**
 * 0-based index of the line `目录` (any spaces, Markdown heading marks, Traditional 目錄), or
 * of its second character when the two are printed on lines of their own (wide letter spacing
 * in `pdftotext` output); -1 when there is none.
 */
export function findTocStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const c = comparable(lines[i]!.replace(/\f/g, ""));
    if (c === "目录") return i;
    if (c === "目") {
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === "") j++;
      if (j < lines.length && comparable(lines[j]!) === "录") return j;
    }
  }
  return -1;
}

/** The 栏目 named by a line `【市政府文件】` (any spaces), else null. */
export function bracketedSection(line: string): string | null {
  const m = /^【(.+)】$/u.exec(printedName(line));
  return m ? m[1]! : null;
}

/** A name as printed, for a value: NFKC, without spaces and Markdown marks (characters not converted). */
function printedName(line: string): string {
  return line.normalize("NFKC").replace(/[\s#*　>]/g, "");
}

/**
 * Reads the table of contents of a dump: the line `目录` (any heading level, spaces between the
 * characters allowed, Traditional `目錄` too), then 栏目 lines and entries:
 * - a 栏目 line is `【栏目】`, or a short line without 【】 that names a section (it ends in a
 *   word such as 文件, 动态, 任免, is printed as a heading, or stands alone again after the
 *   table of contents) and is not the start of a title (no 关于, not an organ name);
 * - an entry is a title over one or more lines ending with a page reference: after leaders
 *   (`..... (12)`, `……12`), after a blank or in brackets (`title 12`, `title（12）`), or a line
 *   holding only the page; the document number in brackets before it when printed;
 * - running heads and page numbers on the table-of-contents pages are skipped.
 * The table ends before the first line that starts the first listed title again (the body),
 * at a 栏目 line seen before, at a heading that is not a 栏目, or after five lines without a
 * page reference (then right after the last entry).
 * @returns the entries and the 0-based index of the first line after the table.
 * @throws ImportError when there is no table of contents or it lists nothing.
 */
export function parseTableOfContents(lines: readonly string[], gazette = ""): { tocStart: number; end: number; sections: string[]; entries: TocEntry[] } {
  const tocStart = findTocStart(lines);
  if (tocStart < 0) {
    throw new ImportError("底本中没有目录：未找到“目录”一行。导入程序从目录读取标题、栏目和页码；请按原刊补上目录（“目录”一行，然后是栏目行和以“..... (页码)”结尾的标题行）。");
  }
  const later = new Set<string>();
  const sections: string[] = [];
  const entries: TocEntry[] = [];
  let section = "";
  let pending: { text: string; index: number }[] = [];
  let lastEntryEnd = tocStart + 1;
  let i = tocStart + 1;
  const nextText = (from: number) => {
    for (let j = from + 1; j < lines.length; j++) if (lines[j]!.trim() !== "") return comparable(lines[j]!);
    return "";
  };
  const awaiting: TocEntry[] = [];
  /** Page references met with no title before them (a 目录 whose titles and pages came apart). */
  const orphans: number[] = [];
  // A 栏目 line printed just above the line 目录 (pdftotext reading order) opens the table.
  for (let j = tocStart - 1, seen = 0; j >= 0 && seen < 3; j--) {
    if (lines[j]!.trim() === "") continue;
    seen++;
    const before = bracketedSection(lines[j]!);
    if (before) {
      section = before;
      sections.push(before);
      break;
    }
  }
  const addEntry = (before: string, page: number, index: number) => {
    let title = [...pending.map((p) => p.text), before].filter((s) => s !== "").join("");
    let docNumber: string | undefined;
    const num = /[(（]([^()（）]*)[)）]$/u.exec(title);
    if (num && parseDocNumber(num[1]!.replace(/號/g, "号").replace(/\s+/g, "")) !== null) {
      docNumber = num[1]!.trim();
      title = title.slice(0, num.index).trim();
    }
    if (title === "") throw new ImportError(`底本第${index + 1}行：目录中有页码而没有标题。`);
    const entry: TocEntry = { section, title, ...(docNumber ? { docNumber } : {}), page, line: index + 1 };
    entries.push(entry);
    if (Number.isNaN(page)) awaiting.push(entry);
    pending = [];
    lastEntryEnd = index + 1;
  };
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const text = raw.replace(/^#+\s*/, "").trim();
    if (text === "" || /^-{3,}$/.test(text)) continue;
    const bare = comparable(text);
    if (gazette && bare.startsWith(comparable(gazette)) && pending.length === 0) continue;
    if (LEADERS.test(text) && pending.length === 0) continue;
    const lone = LONE_PAGE.exec(text);
    if (lone && pending.length > 0) {
      addEntry("", Number(lone[1]), i);
      continue;
    }
    if (lone && awaiting.length > 0) {
      awaiting.shift()!.page = Number(lone[1]);
      lastEntryEnd = i + 1;
      continue;
    }
    if (lone) orphans.push(i);
    if (lone || /^第\d+页$|^[-—–]\s*\d+\s*[-—–]$/u.test(bare)) continue;
    if (entries.length > 0 && pending.length === 0 && bare.length >= 4 && comparable(entries[0]!.title).startsWith(bare)) break;
    if (entries.length > 0 && pending.length === 0 && opensMasthead(text, i)) break;
    const bracketed = bracketedSection(text);
    const sec = bracketed ?? (pending.length === 0 && isSectionLine(raw, bare, nextText(i), lines, i) ? printedName(text) : null);
    if (sec !== null && sections.some((x) => comparable(x) === comparable(sec))) break;
    if (sec !== null) {
      if (pending.length > 0 && (!pairOrphans() || pending.length > 0)) scrambled();
      if (pending.length > 0) throw new ImportError(`底本第${i + 1}行：目录条目“${pending.map((p) => p.text).join("")}”在栏目“${text}”之前没有页码；请写成“标题 ..... (页码)”。`);
      section = sec;
      sections.push(section);
      continue;
    }
    if (/^#/.test(raw.trim()) && pending.length === 0 && entries.length > 0) break;
    const ref = PAGE_REF.exec(text) ?? PAGE_REF_BARE.exec(text);
    // `市政府文件      1`: the body's running head and page number on one line (`pdftotext -layout`).
    if (ref && pending.length === 0 && entries.length > 0 && sections.some((x) => comparable(x) === comparable(ref[1]!))) break;
    if (ref) {
      addEntry(ref[1]!.trim(), Number(ref[2] ?? ref[3]), i);
      continue;
    }
    const open = LEADER_END.exec(text);
    if (open || LEADERS.test(text)) {
      addEntry(open ? open[1]!.trim() : "", NaN, i);
      continue;
    }
    if (pending.length >= 5) {
      if (orphans.length > 0) pairOrphans();
      i = lastEntryEnd;
      pending = [];
      break;
    }
    pending.push({ text, index: i });
  }
  if (pending.length > 0 && orphans.length > 0) pairOrphans();
  if (pending.length > 0 && entries.length > 0) i = lastEntryEnd;
  scrambled();
  if (awaiting.length > 0) throw new ImportError(`底本第${awaiting[0]!.line}行：目录条目“${awaiting[0]!.title}”没有页码；请按原刊补上页码（“标题 ..... (页码)”）。`);
  if (entries.length === 0) throw new ImportError(`底本第${tocStart + 1}行：目录中没有列出任何文件（没有找到以“..... (页码)”结尾的行）。`);
  return { tocStart, end: i, sections, entries };

  /**
   * Pairs page references that stood alone (plain `pdftotext` puts a flex-laid 目录's leaders and
   * pages before the titles they belong to) with the titles waiting for one, in order, when each
   * title ends with its document number in brackets (so the titles part without a guess) and
   * there are as many titles as pages.
   * @returns whether they were paired.
   */
  function pairOrphans(): boolean {
    const groups: { text: string; index: number }[][] = [];
    let group: { text: string; index: number }[] = [];
    for (const p of pending) {
      group.push(p);
      const num = /[(（]([^()（）]*)[)）]$/u.exec(group.map((g) => g.text).join(""));
      if (num && parseDocNumber(num[1]!.replace(/號/g, "号").replace(/\s+/g, "")) !== null) {
        groups.push(group);
        group = [];
      }
    }
    // Lines after the last title (the body's first running head) stay pending: the table ends before them.
    if (groups.length === 0 || groups.length !== orphans.length) return false;
    const pages = orphans.splice(0).map((k) => Number(LONE_PAGE.exec(lines[k]!.replace(/^#+\s*/, "").trim())![1]));
    groups.forEach((g, k) => {
      pending = g;
      addEntry("", pages[k]!, g.at(-1)!.index);
    });
    pending = group;
    return true;
  }

  /**
   * Whether line `i` (text `text`) is the first document's masthead (版头: `…文件`, organ names set
   * apart, or an organ name above a line 文件) followed by 文件, a document number or the start
   * of the first listed title: the table has ended (the masthead is not a 栏目).
   */
  function opensMasthead(text: string, i: number): boolean {
    const s = toSimplified(comparable(text));
    const next = toSimplified(nextText(i));
    const opensBody = next === "文件" || parseDocNumber(next.replace(/號/g, "号")) !== null || (next.length >= 4 && comparable(entries[0]!.title).startsWith(next));
    return opensBody && ((s.endsWith("文件") && s.length > 2) || namesApart(text) !== null || (next === "文件" && isCompleteOrganName(s)));
  }

  /** @throws ImportError when page references stood with no title before them: the 目录's titles and pages came apart. */
  function scrambled(): void {
    const stray = orphans;
    if (stray.length < 2) return;
    throw new ImportError(`底本第${stray[0]! + 1 - lines.slice(0, stray[0]).filter((l) => l === "\f").length}行起：目录中有 ${stray.length} 个页码前面没有标题，标题和页码被分开排列了（PDF 转成文字时目录被打乱，常见于不带 -layout 的 pdftotext 输出），无法可靠地对应。请直接导入 PDF 原件（npm run import -- 原件.pdf），或用 pdftotext -layout 重新转换后再导入。`);
  }
}

function isSectionLine(raw: string, bare: string, next: string, lines: readonly string[], i: number): boolean {
  if (bare.length < 2 || bare.length > 12 || /关于|關於|、|，|。|：|《|[(（]/u.test(bare) || ORG_END.test(toSimplified(bare))) return false;
  if (/^关于|^關於/.test(next)) return false;
  // A title whose page stands on the next line (plain `pdftotext` output of a 目录 laid out in two blocks).
  if (LONE_PAGE.test(next)) return false;
  if (SECTION_WORD.test(toSimplified(bare)) || /^#/.test(raw.trim())) return true;
  // Stands alone again after this point (a section heading or running head in the body).
  let count = 0;
  for (let j = i + 1; j < lines.length && count < 1; j++) if (comparable(lines[j]!) === bare) count++;
  return count > 0;
}
