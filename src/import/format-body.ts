import { isDateLine } from "../content/chinese-date.ts";
import { addCorrections, cleanNameLine, cleanOcrLine, type OcrCorrections } from "./clean-ocr.ts";
import { joinSplitRows, width } from "./split-rows.ts";
import { isCompleteOrganName, namesApart } from "./organ-names.ts";
import { toSimplified } from "./traditional.ts";
import { CJK_END, CJK_START, continues, cutsDate, ENDS_RECORD, isSignatureDate, ITEM_START, keptBreak, OPENS_CLOSED, opensWithDateInText, TERMINAL, TITLE_END } from "./paragraph-breaks.ts";

/** What {@link formatBody} changed, for the editor's note. */
export interface BodyChanges extends OcrCorrections {
  /** Line breaks inside a paragraph removed (an OCR line end in the middle of a sentence). */
  joinedLines: number;
  /** Paragraphs broken across a page and joined again: the text around each join. */
  merges: string[];
  /** Breaks kept between two paragraphs although the text above runs on: the text around each, for checking. */
  keptBreaks: string[];
  /** Tab-separated lines turned into Markdown tables. */
  tables: number;
  /** Containers added around addressee, signature, note and attachments. */
  containers: string[];
}

/**
 * Turns the lines of one document (as split from the dump, title and number lines removed) into
 * its Markdown body without changing its wording:
 * 1. OCR corrections of every line ({@link cleanOcrLine}; runs of spaces between the words of the
 *    addressee and the signature kept, {@link cleanNameLine});
 * 2. line breaks inside a paragraph between Chinese characters removed (also `  ` hard breaks);
 * 3. a paragraph broken across a page joined to the next one when it ends without closing
 *    punctuation and the next does not start a new item (each join is reported);
 * 4. tab-separated lines become a Markdown table (cells unchanged);
 * 5. the addressee (主送机关), the signature (署名 + 成文日期; a joint document's names one a line,
 *    each on a line of its own), the note (附注 `（此件公开发布）`)
 *    and each attachment (from a line `附件` to the end) are wrapped in `:::` containers.
 * Every character of the document text is kept, in order; only spaces, line breaks, the width of
 * `,` `:` `;` `(` `)` and Markdown marks change.
 */
export function formatBody(lines: readonly string[], issuer: string): { body: string; changes: BodyChanges } {
  const changes: BodyChanges = { spaces: 0, punctuation: 0, joinedLines: 0, merges: [], keptBreaks: [], tables: 0, containers: [] };
  let blocks: { lines: string[]; afterBreak: boolean }[] = [];
  let current: string[] = [];
  let pageBreak = false;
  const hasBreaks = lines.includes("\f");
  const filled = lines.map((l, i) => (l.trim() === "" ? -1 : i)).filter((i) => i >= 0);
  // Lines of names, whose runs of spaces are kept: the addressee (a first or second line ending in a colon) and the signature (above the date).
  const rank = new Map(filled.map((line, k) => [line, k]));
  const nameLine = (i: number) => {
    const k = rank.get(i)!;
    const next = filled[k + 1];
    return (k <= 1 && /[：:]$/u.test(lines[i]!.trim())) || (next !== undefined && isDateLine(toSimplified(lines[next]!.trim())));
  };
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === "" || /^-{3,}$/.test(raw.trim())) {
      if (current.length > 0) blocks.push({ lines: current, afterBreak: pageBreak });
      if (current.length > 0) pageBreak = false;
      if (raw === "\f") pageBreak = true;
      current = [];
      continue;
    }
    const { text, corrections } = (nameLine(i) ? cleanNameLine : cleanOcrLine)(raw.replace(/\s+$/, (s) => (s.length >= 2 ? "  " : "")));
    addCorrections(changes, corrections);
    current.push(text);
  }
  if (current.length > 0) blocks.push({ lines: current, afterBreak: pageBreak });
  const wrap = wrapWidth(blocks.flatMap((b) => b.lines));
  // Paragraph indents kept as leading spaces (`pdftotext -layout`): then an indent, not the width, starts a paragraph.
  const bodyLines = blocks.flatMap((b) => b.lines).filter((l) => !l.includes("\t"));
  const indents = wrap !== null && bodyLines.filter((l) => /^\s/.test(l)).length >= Math.max(3, bodyLines.length * 0.05);
  // Not hard-wrapped (or too short a text to tell), paragraphs' first lines marked by an indent (a typed or OCR dump, a short `pdftotext -layout` one): a flush line may then continue one.
  const marked = wrap === null && bodyLines.filter((l) => PARAGRAPH_INDENT.test(l)).length >= 2;
  // One printed line that pdftotext put on several rows (a quotation mark or bracket on another baseline).
  blocks = blocks.map((b) => {
    if (b.lines.some((l) => l.includes("\t"))) return b;
    const { rows, joined } = joinSplitRows(b.lines, wrap, indents);
    changes.joinedLines += joined;
    return { ...b, lines: rows };
  });

  // 2. Join lines inside a paragraph; 4. tables.
  type Para = { text: string; afterBreak: boolean; first: string; last: string; lines: number };
  const paragraphs = blocks.flatMap((block): Para[] => {
    if (block.lines.length >= 2 && block.lines.every((l) => l.includes("\t"))) {
      changes.tables++;
      return [{ text: toTable(block.lines), afterBreak: block.afterBreak, first: "", last: "|", lines: 1 }];
    }
    const line0 = block.lines[0]!;
    const out: Para[] = [{ text: line0, afterBreak: block.afterBreak, first: line0, last: line0, lines: 1 }];
    for (const next of block.lines.slice(1)) {
      const last = out.at(-1)!;
      const prev = last.text.replace(/ {2,}$/, "");
      const prevLine = last.last.replace(/ {2,}$/, "");
      const joins = joinsLine(prev, prevLine, next, { wrap, indents, firstLine: last.lines === 1, marked: marked && PARAGRAPH_INDENT.test(last.first) });
      if (joins) {
        last.text = prev + next.trimStart();
        last.last = next;
        last.lines++;
        changes.joinedLines++;
      } else if (wrap !== null || hasBreaks || marked) out.push({ text: next, afterBreak: false, first: next, last: next, lines: 1 });
      else {
        last.text += "\n" + next;
        last.last = next;
        last.lines++;
      }
    }
    return out;
  });

  // 3. Paragraphs broken across pages (only where a page break was, when the dump marks them).
  const merged: Para[] = [];
  for (const p of paragraphs) {
    const prev = merged.at(-1);
    // A flush paragraph opening with closing punctuation, or with the rest of a date cut at the line end, is never a paragraph of its own.
    const rest = prev !== undefined && !prev.text.startsWith("|") && !/^\s/.test(p.text) && (OPENS_CLOSED.test(p.text) || cutsDate(prev.last, p.text));
    if (prev !== undefined && (rest || ((!hasBreaks || p.afterBreak) && isBroken(prev, wrap, p.afterBreak, p, indents) && continues(p.text, prev.text)))) {
      changes.merges.push(`${prev.text.slice(-12)}｜${p.text.trimStart().slice(0, 12)}`);
      prev.text += p.text.trimStart();
      prev.last = p.last;
      prev.lines += p.lines;
    } else {
      const kept = prev === undefined || ENDS_RECORD.test(prev.last.trim()) ? null : keptBreak(prev.text, prev.last, p.text);
      if (kept) changes.keptBreaks.push(kept);
      merged.push({ ...p });
    }
  }

  // 5. Containers.
  const out: string[] = [];
  // Leading indentation (full-width spaces of a paragraph's first line, spaces kept by `pdftotext -layout`, no-break spaces) is layout, not text: dropped (four spaces would make a Markdown code block; the stylesheet indents).
  const texts = merged.map((p) => (p.text.startsWith("|") ? p.text : p.text.replace(/^[ \t\u3000\u00A0]+/gmu, "")));
  const simple = texts.map((p) => toSimplified(p));
  let addressee = false;
  /** Length of `out` right after the signature block (and its notes): where a 附注 may follow. */
  let afterSignature = -1;
  for (let i = 0; i < merged.length; i++) {
    const p = texts[i]!;
    const s = simple[i]!;
    if (!addressee && i <= 1 && /：$/.test(s) && [...s].length > 5 && s.length < 200 && !p.startsWith("#") && !p.includes("\n")) {
      out.push("::: addressee", p, ":::");
      changes.containers.push("addressee");
      addressee = true;
      continue;
    }
    const next = simple[i + 1];
    if (next !== undefined && isDateLine(next) && s.replace(/\s+/g, "").length <= 40 && (s === toSimplified(issuer) || /(?:政府|办公室|办公厅|委员会|局|厅)$/.test(s)) && !p.startsWith("#")) {
      // A joint signature: names set apart on one line each take a line; names on lines of their own above join the block.
      const names = namesApart(p) ?? [p];
      if (names.length === 1 && isCompleteOrganName(p)) {
        for (let j = i - 1; j >= 0 && names.length < 4 && out.at(-1) === texts[j] && isCompleteOrganName(texts[j]!); j--) names.unshift(out.pop()!);
      }
      out.push("::: signature", ...names, texts[i + 1]!, ":::");
      afterSignature = out.length;
      changes.containers.push("signature");
      i++;
      continue;
    }
    // 附注 (GB/T 9704-2012 §7.3.6): （此件公开发布） anywhere, or any line wholly in brackets right after the signature.
    const bare = s.replace(/^[\s\u3000]+/u, "");
    if (/^[（(]此件.{2,8}[)）]$/.test(bare) || (afterSignature === out.length && /^[（(][^（）()]{2,80}[)）]$/u.test(bare))) {
      out.push("::: note", p.replace(/^[\s\u3000]+/u, ""), ":::");
      afterSignature = out.length;
      changes.containers.push("note");
      continue;
    }
    if (/^附件[0-9一二三四五六七八九十]*$/.test(s)) {
      let j = i + 1;
      while (j < merged.length && !/^附件[0-9一二三四五六七八九十]*$/.test(simple[j]!)) j++;
      out.push("::: attachment", ...texts.slice(i, j), ":::");
      changes.containers.push("attachment");
      i = j - 1;
      continue;
    }
    out.push(p);
  }
  return { body: out.join("\n\n") + "\n", changes };
}

/**
 * Whether `next` continues the paragraph whose text so far is `prev` (its last line `prevLine`)
 * inside one block of the dump (no blank line between), in this order:
 * 1. `-layout`: the rest of the printed line put on a row of its own ({@link isFragment}): joined;
 * 2. a line ending a record (a document number, a date): never continued;
 * 3. a line opening with closing punctuation: always the rest of one;
 * 4. hard-wrapped text (`wrap` known): the line above is full ({@link isFull}) or ended short
 *    because the next word did not fit ({@link didNotFit}), and the next line is not indented
 *    (`-layout`) or the line above ends mid-sentence (plain), and no sentence's end is followed by
 *    a new item;
 * 5. text of one paragraph a line (OCR, Markdown), never a new item, heading or date line
 *    ({@link isSignatureDate}): where the dump marks paragraphs by a full-width indent
 *    (`o.marked`: this paragraph's first line has one), a flush line after a line ending
 *    mid-sentence (an indent of spaces too: a `pdftotext -layout` text too short to find its wrap
 *    width, whose flush lines are the rest of an indented one); else a long line ending in a
 *    Chinese character (not like a title) followed by
 *    a Chinese line or a date running on into the sentence (`2024年11月1日起…`).
 * Before 2 and 4: a flush line opening with closing punctuation, or finishing a date cut at the
 * line end (`…2026年12月31` / `日。`, {@link cutsDate}), is always the rest of the line above.
 */
function joinsLine(prev: string, prevLine: string, next: string, o: { wrap: number | null; indents: boolean; firstLine: boolean; marked: boolean }): boolean {
  if (o.indents && isFragment(prevLine, next)) return true;
  const flush = !/^\s/.test(next);
  if (flush && (OPENS_CLOSED.test(next) || cutsDate(prevLine, next))) return true;
  if (ENDS_RECORD.test(prevLine.trim())) return false;
  if (o.wrap !== null) {
    const full = isFull(prevLine, o.wrap, o.indents || o.firstLine) || didNotFit(prevLine, next, o.wrap);
    const open = o.indents ? !/^\s/.test(next) : !TERMINAL.test(prevLine.trim());
    return full && open && !(TERMINAL.test(prevLine) && ITEM_START.test(next));
  }
  if (/^\s*#/.test(next) || ITEM_START.test(next) || isSignatureDate(next)) return false;
  if (o.marked && flush && /[\p{Script=Han}，、“（《\d]$/u.test(prevLine.trim())) return true;
  return CJK_END.test(prev) && !TITLE_END.test(prevLine.trim()) && (CJK_START.test(next) || opensWithDateInText(next)) && [...prevLine].length >= 15;
}

/** A paragraph's first line indented by one to four full-width spaces, or two to eight spaces (`pdftotext -layout`); further in: a signature. */
const PARAGRAPH_INDENT = /^(?:\u3000{1,4}| {2,8})[^\s\u3000]/u;

/** A line indented as a paragraph's first line (two or more spaces, as `pdftotext -layout` keeps them). */
const INDENTED = /^(?:\s{2,}|\u3000)/u;

/**
 * Whether `next` is the rest of the printed line `line`, put on a row of its own by
 * `pdftotext -layout` because its punctuation (from another font) sits on another baseline: it
 * opens with a bracket or quotation mark and starts where `line` ends (±1 character cell), past a paragraph indent (6 cells or more).
 */
function isFragment(line: string, next: string): boolean {
  const lead = next.length - next.trimStart().length;
  return lead >= 6 && /^[“‘（《〔]/u.test(next.trimStart()) && !/[：:]$/u.test(line.trim()) && Math.abs(lead - line.trimEnd().length) <= 1;
}

/**
 * Whether a hard-wrapped line ends short only because the next line's first word could not
 * stand at its end: a run of digits or Latin letters (`23.7亿`), or an opening bracket with the
 * number in it (`〔2018〕4号`), wider than the room left (line breaking keeps them whole). The
 * line must end mid-sentence and the next one must not be indented.
 */
function didNotFit(line: string, next: string, wrap: number): boolean {
  if (TERMINAL.test(line.trim()) || /^\s/.test(next)) return false;
  const word = /^(?:[〔［\[（(][^\p{Script=Han}\s]*|[0-9A-Za-z][0-9A-Za-z.%\-]*)/u.exec(next)?.[0] ?? "";
  const w = width(line) + (INDENTED.test(line) ? 2 : 0);
  return word !== "" && w >= wrap - 6 && w + width(word) >= wrap - 1;
}

/**
 * Whether a hard-wrapped line reaches the full line width `wrap`: its width, plus two characters
 * when it is indented (a first line). With `lenient`, a line ending mid-sentence counts as full up
 * to three characters short (proportional punctuation makes full lines differ in characters):
 * used where the dump shows indents, and for a paragraph's first line whose indent the dump lost
 * (plain `pdftotext`).
 */
function isFull(line: string, wrap: number, lenient: boolean): boolean {
  const w = width(line) + (INDENTED.test(line) ? 2 : 0);
  if (w >= wrap - 1) return true;
  return lenient && w >= wrap - 3 && !TERMINAL.test(line.trim());
}

/**
 * Whether paragraph `p` looks cut off at the page end, given the paragraph after the break:
 * its last line reaches the full width (hard-wrapped text) and ends mid-sentence, or ends in
 * punctuation while the dump shows indents and the next page's first line has none; in text of
 * one paragraph a line, it ends in a Chinese character without closing punctuation.
 */
function isBroken(p: { text: string; last: string; lines: number }, wrap: number | null, atPageBreak = false, next?: { first: string; lines: number }, indents = false): boolean {
  const last = p.last.replace(/ {2,}$/, "").split("\n").at(-1)!;
  if (p.text.startsWith("#") || p.text.startsWith("|") || p.text.startsWith("附件") || p.text.includes("\t")) return false;
  if (/〔\d{4}〕\d+号$/.test(last) || isDateLine(toSimplified(last))) return false;
  if (wrap !== null) {
    if (!isFull(last, wrap, indents || p.lines === 1)) return false;
    if (indents && next !== undefined && /^\s/.test(next.first)) return false;
    // Without indents, a full line ending in punctuation may end a paragraph whose next one's indent was lost: never joined.
    return !TERMINAL.test(last.trim()) || (indents && next !== undefined && !/^\s/.test(next.first));
  }
  if (TERMINAL.test(last)) return false;
  // At a marked page break a shorter piece counts too (a list line split at the page end).
  return (CJK_END.test(last) || (atPageBreak && /[\p{Script=Han}]\d+$/u.test(last))) && [...last].length >= (atPageBreak ? 8 : 15);
}

/**
 * The width (in characters) at which the text was hard-wrapped, as `pdftotext` gives it:
 * the most common width of lines of 12 characters or more, when at least 40 % of those lines
 * (and 5) have it, give or take one, half of those end mid-sentence (not a list), and at most
 * 10 % run longer; else null (one paragraph a line, or free layout).
 */
export function wrapWidth(lines: readonly string[]): number | null {
  const widths = lines.filter((l) => !l.includes("\t") && !/^\s*#/.test(l)).map(width).filter((w) => w >= 12);
  if (widths.length < 5) return null;
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
  const nearLines = lines.filter((l) => !l.includes("\t") && !/^\s*#/.test(l) && width(l) >= 12 && Math.abs(width(l) - best) <= 1);
  const near = nearLines.length;
  // Hard-wrapped lines end mid-sentence; lines of a list of the same length (名单) end in ；or 。.
  const open = nearLines.filter((l) => !TERMINAL.test(l.trim())).length;
  // No line runs past the wrap width (but for a few compressed-punctuation lines); in text of one paragraph a line, most do.
  const longer = widths.filter((w) => w > best + 2).length;
  return near >= 5 && near >= widths.length * 0.4 && open >= near / 2 && longer <= widths.length * 0.1 ? best : null;
}

function toTable(lines: readonly string[]): string {
  const rows = lines.map((l) => l.split("\t").map((c) => c.trim().replace(/\|/g, "\\|")));
  const width = Math.max(...rows.map((r) => r.length));
  const fmt = (r: string[]) => `| ${[...r, ...Array<string>(width - r.length).fill("")].join(" | ")} |`;
  return [fmt(rows[0]!), `| ${Array<string>(width).fill("---").join(" | ")} |`, ...rows.slice(1).map(fmt)].join("\n");
}
