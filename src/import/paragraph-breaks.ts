/**
 * Text rules for where a paragraph of an imported dump may break: which line can open a
 * paragraph, which line break cuts a date in two, and which kept break an editor should check.
 * Used by `format-body.ts`; the layout rules (line widths, indents) stay there.
 */
import { CHINESE_DATE, isDateLine } from "../content/chinese-date.ts";
import { toSimplified } from "./traditional.ts";

export const CJK_END = /[\p{Script=Han}，、]$/u;
export const CJK_START = /^[\p{Script=Han}“（《]/u;
/** A paragraph that starts a new item: `1.`, `（一）`, `第三条`, `一、`, bold, heading, list, 附件. */
export const ITEM_START = /^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十百零〇\d]+[条章节]|[一二三四五六七八九十]+、|\*\*|#|:::|>|[-*+] |附件|\|)/u;
export const TERMINAL = /[。！？；：”’）)》」』…—*|]$/u;
/** A line ending like a title (of an attachment, a list): `…成员名单`, `…管理办法`; not continued in text of one paragraph a line. */
export const TITLE_END = /(?:名单|办法|意见|通知|方案|规定|细则|条例|决定|要点|报告|公告|通告|清单|一览表)$/u;
/** A line that ends a record: a document number or a date (never continued by the next line). */
export const ENDS_RECORD = /〔\d{4}〕\d+号$|\d{4}年\d{1,2}月\d{1,2}日$/u;
/** Closing punctuation, which no paragraph opens with (the rest of the line above). */
export const OPENS_CLOSED = /^[。，、；：？！）》」』】〕”’]/u;

/**
 * Whether a line is a date line of a signature (成文日期, GB/T 9704-2012 §7.3.5.1): the date
 * alone, possibly followed by a 附注 in brackets (`2024年9月12日（此件公开发布）`); ignoring spaces.
 */
export function isSignatureDate(line: string): boolean {
  const s = toSimplified(line).replace(/[\s*　]/g, "");
  if (isDateLine(s)) return true;
  const m = CHINESE_DATE.exec(s);
  return m !== null && m.index === 0 && /^[（(][^（）()]{2,40}[)）]$/u.test(s.slice(m[0].length));
}

/**
 * Whether a line opens with a date that runs on into the sentence (`2024年11月1日起调整…`): the
 * rest of a sentence wrapped before the date, not a date line ({@link isSignatureDate}).
 */
export function opensWithDateInText(line: string): boolean {
  const s = toSimplified(line.trim());
  const m = CHINESE_DATE.exec(s);
  return m !== null && m.index === 0 && !isSignatureDate(s);
}

/**
 * Whether the break between `prevLine` and `next` falls inside one printed date
 * (`…有效期至2026年12月31` / `日。`): a date cannot be cut between two paragraphs.
 */
export function cutsDate(prevLine: string, next: string): boolean {
  const tail = toSimplified(prevLine.trimEnd()).slice(-14);
  const joined = tail + toSimplified(next.trimStart()).slice(0, 14);
  const all = new RegExp(CHINESE_DATE.source, "gu");
  for (const m of joined.matchAll(all)) if (m.index < tail.length && m.index + m[0].length > tail.length) return true;
  return false;
}

/**
 * Whether paragraph `p` (text after a break) continues the paragraph `prev` broken at a page
 * end, by its opening: closing punctuation or a `（责任单位…）` note; a number cut at the page end
 * (`…不超过3｜00万元`); or Chinese text (or a date running on into the sentence) that is not a
 * new item, a date line, or a short line of Chinese characters alone (a heading).
 */
export function continues(p: string, prev?: string): boolean {
  if (p.includes("\t") || p.startsWith("|")) return false;
  if (/^[（(]责任单位/.test(p)) return true;
  if (OPENS_CLOSED.test(p)) return true;
  if (prev !== undefined && cutsDate(prev, p)) return true;
  if (prev !== undefined && /\d$/.test(prev)) return /^\d+[^\d.．、]/u.test(p);
  if (ITEM_START.test(p) || isDateLine(toSimplified(p))) return false;
  const plain = p.replace(/\s/g, "");
  if ([...plain].length <= 25 && /^[\p{Script=Han}]+$/u.test(plain)) return false;
  return CJK_START.test(p) || opensWithDateInText(p);
}

/**
 * Whether a break the import kept between two paragraphs is one an editor should check: the
 * paragraph above (its last line of 8 characters or more) ends mid-sentence (a Chinese character,
 * a comma or a digit; not like a title, {@link TITLE_END}, unless the paragraph has punctuation
 * inside, as running text does: `…经研究，决定`) and the one below opens like running text, not like a new item, heading,
 * table, date line or container, and is not set far in (five spaces or more: a signature).
 * @returns the text around the break (`…12 characters｜12 characters…`), or null
 */
export function keptBreak(prevText: string, prevLast: string, next: string): string | null {
  const last = prevLast.trim();
  const n = next.trimStart();
  // Set far in (a signature's place), not a paragraph's indent.
  if (/^[\s\u3000]{5,}/u.test(next)) return null;
  if (prevText.startsWith("#") || prevText.startsWith("|") || prevText.startsWith(":::") || prevText.includes("\t")) return null;
  if ([...last].length < 8 || !/[\p{Script=Han}，、\d]$/u.test(last) || TERMINAL.test(last) || (TITLE_END.test(last) && !/[，、；：。]/u.test(prevText))) return null;
  if (n === "" || ITEM_START.test(n) || isSignatureDate(n) || /^[:|#>]/.test(n)) return null;
  if (!/^[\p{Script=Han}\p{N}\p{L}“‘（《]/u.test(n)) return null;
  return `${prevText.trimEnd().slice(-12)}｜${n.slice(0, 12)}`;
}
