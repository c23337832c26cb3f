import { canonicalDocNumber } from "../content/doc-number.ts";
import { cleanOcrLine } from "./clean-ocr.ts";
import { isCompleteOrganName, namesApart } from "./organ-names.ts";
import { toSimplified } from "./traditional.ts";

/** The 版头 (发文机关标志, GB/T 9704-2012 §7.2.3) printed above a document's title: evidence of its issuer, not text of any document. */
export interface Masthead {
  /** 0-based indexes of the masthead's lines in the dump's lines. */
  indexes: number[];
  /** The lines as printed (spaces kept). */
  printed: string[];
  /** The organ names it prints, in order (one, or several for a joint document). */
  names: string[];
  /** 0-based index of the document-number line printed between the masthead and the title (GB/T 9704-2012 §7.2.5), when there is one: a line of the document below. */
  numberIndex?: number;
}

/** A line without Markdown heading marks and outer spaces. */
const bare = (line: string) => line.replace(/^\s*#+\s*/u, "").trim();

/**
 * The organ names of one masthead line, as printed apart (`乳山市自然资源局　乳山市住房和城乡建设局`)
 * or a single complete organ name ({@link isCompleteOrganName}; OCR spaces inside it removed);
 * null when the line is not made of organ names only.
 */
function organNames(line: string): string[] | null {
  const apart = namesApart(line);
  if (apart) return apart.map((n) => cleanOcrLine(n).text.replace(/\s+/gu, ""));
  const one = cleanOcrLine(line).text.replace(/\s+/gu, "");
  return isCompleteOrganName(one) ? [one] : null;
}

/**
 * Reads lines (top to bottom, blank lines left out) as a masthead: organ names, one line each or
 * several apart on a line, ending with the word 文件 (on the last line or on a line of its own);
 * without 文件 only when it prints two or more names (a joint document's masthead) and `atTop`.
 * @returns the names, or null when the lines are not a masthead.
 */
function readMasthead(block: readonly string[], atTop: boolean): string[] | null {
  const lines = block.map(bare);
  const last = toSimplified(lines.at(-1)!).replace(/[\s\u3000]+/gu, "");
  const word = last.endsWith("文件");
  const nameLines = last === "文件" ? lines.slice(0, -1) : word ? [...lines.slice(0, -1), lines.at(-1)!.replace(/[\s\u3000]*[文]\s*[件]$/u, "")] : lines;
  if (nameLines.length === 0) return null;
  const names: string[] = [];
  for (const line of nameLines) {
    const found = organNames(line);
    if (!found) return null;
    names.push(...found);
  }
  return word || (atTop && names.length >= 2) ? names : null;
}

/**
 * The masthead printed right above a title found at `titleIndex` (GB/T 9704-2012 §7.2.3): up to
 * four lines directly above it (blank lines aside), after `floor` (the end of the previous
 * document's title, or of the 目录), stopping at a page break or at a line `isFurniture` says is a
 * running head, page number or 栏目 heading. The longest run of them next to the title that reads
 * as a masthead ({@link readMasthead}) is taken; it is `atTop` when nothing but furniture or a page
 * break stands above it. A document-number line between the masthead and the title (the order of
 * a 红头文件) is passed over and returned. A masthead belongs to the document below it, never to
 * the text above.
 * @returns the masthead, or null when none is printed.
 */
export function findMasthead(lines: readonly string[], titleIndex: number, floor: number, isFurniture: (line: string, i: number) => boolean): Masthead | null {
  const above: number[] = [];
  let top = true;
  let numberIndex: number | undefined;
  for (let i = titleIndex - 1; i >= floor && above.length < 4; i--) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    if (above.length === 0 && numberIndex === undefined && canonicalDocNumber(toSimplified(bare(line)).replace(/\s+/gu, "")) !== null) {
      numberIndex = i;
      continue;
    }
    if (line === "\f" || isFurniture(line, i)) break;
    above.unshift(i);
    if (above.length === 4) top = false;
  }
  if (above.length === 0) return null;
  // Whether anything other than a page break or furniture stands above the first collected line.
  if (top) {
    for (let i = above[0]! - 1; i >= floor; i--) {
      const line = lines[i]!;
      if (line.trim() === "") continue;
      top = line === "\f" || isFurniture(line, i);
      break;
    }
  }
  for (let k = 0; k < above.length; k++) {
    const indexes = above.slice(k);
    const names = readMasthead(
      indexes.map((i) => lines[i]!),
      k === 0 && top,
    );
    if (names) return { indexes, printed: indexes.map((i) => bare(lines[i]!)), names, ...(numberIndex !== undefined ? { numberIndex } : {}) };
  }
  return null;
}
