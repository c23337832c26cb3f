import { isDateLine } from "./chinese-date.ts";
import { addCorrections, cleanOcrLine, type OcrCorrections } from "./clean-ocr.ts";
import { toSimplified } from "./traditional.ts";

/** What {@link formatBody} changed, for the editor's note. */
export interface BodyChanges extends OcrCorrections {
  /** Line breaks inside a paragraph removed (an OCR line end in the middle of a sentence). */
  joinedLines: number;
  /** Paragraphs broken across a page and joined again: the text around each join. */
  merges: string[];
  /** Tab-separated lines turned into Markdown tables. */
  tables: number;
  /** Containers added around addressee, signature, note and attachments. */
  containers: string[];
}

const CJK_END = /[\p{Script=Han}，、]$/u;
const CJK_START = /^[\p{Script=Han}“（《]/u;
/** A paragraph that starts a new item: `1.`, `（一）`, `第三条`, `一、`, bold, heading, list, 附件. */
const ITEM_START = /^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十百零〇\d]+[条章节]|[一二三四五六七八九十]+、|\*\*|#|:::|>|[-*+] |附件|\|)/u;
const TERMINAL = /[。！？；：”’）)》」』…—*|]$/u;

/**
 * Turns the lines of one document (as split from the dump, title and number lines removed) into
 * its Markdown body without changing its wording:
 * 1. OCR corrections of every line ({@link cleanOcrLine});
 * 2. line breaks inside a paragraph between Chinese characters removed (also `  ` hard breaks);
 * 3. a paragraph broken across a page joined to the next one when it ends without closing
 *    punctuation and the next does not start a new item (each join is reported);
 * 4. tab-separated lines become a Markdown table (cells unchanged);
 * 5. the addressee (主送机关), the signature (署名 + 成文日期), the note (附注 `（此件公开发布）`)
 *    and each attachment (from a line `附件` to the end) are wrapped in `:::` containers.
 * Every character of the document text is kept, in order; only spaces, line breaks, the width of
 * `,` `:` `;` `(` `)` and Markdown marks change.
 */
export function formatBody(lines: readonly string[], issuer: string): { body: string; changes: BodyChanges } {
  const changes: BodyChanges = { spaces: 0, punctuation: 0, joinedLines: 0, merges: [], tables: 0, containers: [] };
  let blocks: { lines: string[]; afterBreak: boolean }[] = [];
  let current: string[] = [];
  let pageBreak = false;
  const hasBreaks = lines.includes("\f");
  for (const raw of lines) {
    if (raw.trim() === "" || /^-{3,}$/.test(raw.trim())) {
      if (current.length > 0) blocks.push({ lines: current, afterBreak: pageBreak });
      if (current.length > 0) pageBreak = false;
      if (raw === "\f") pageBreak = true;
      current = [];
      continue;
    }
    const { text, corrections } = cleanOcrLine(raw.replace(/\s+$/, (s) => (s.length >= 2 ? "  " : "")));
    addCorrections(changes, corrections);
    current.push(text);
  }
  if (current.length > 0) blocks.push({ lines: current, afterBreak: pageBreak });
  const wrap = wrapWidth(blocks.flatMap((b) => b.lines));

  // 2. Join lines inside a paragraph; 4. tables.
  const paragraphs = blocks.flatMap((block) => {
    if (block.lines.length >= 2 && block.lines.every((l) => l.includes("\t"))) {
      changes.tables++;
      return [{ text: toTable(block.lines), afterBreak: block.afterBreak }];
    }
    const out: { text: string; afterBreak: boolean }[] = [{ text: block.lines[0]!, afterBreak: block.afterBreak }];
    for (const next of block.lines.slice(1)) {
      const last = out.at(-1)!;
      const prev = last.text.replace(/ {2,}$/, "");
      const prevLine = prev.split("\n").at(-1)!;
      const joins = wrap !== null
        ? width(prevLine) >= wrap - 1 && !/^\s/.test(next) && !(TERMINAL.test(prevLine) && ITEM_START.test(next))
        : (!/^\s*#/.test(next) && CJK_END.test(prev) && /^[\p{Script=Han}“（《]/u.test(next) && !ITEM_START.test(next) && [...prevLine].length >= 15) || /^[”’，。、；：！？）》」』]/u.test(next);
      if (joins) {
        last.text = prev + next.trimStart();
        changes.joinedLines++;
      } else if (wrap !== null || hasBreaks) out.push({ text: next, afterBreak: false });
      else last.text += "\n" + next;
    }
    return out;
  });

  // 3. Paragraphs broken across pages (only where a page break was, when the dump marks them).
  const merged: string[] = [];
  for (const p of paragraphs) {
    const prev = merged.at(-1);
    if (prev !== undefined && (!hasBreaks || p.afterBreak) && isBroken(prev, wrap, p.afterBreak) && continues(p.text)) {
      changes.merges.push(`${prev.slice(-12)}｜${p.text.slice(0, 12)}`);
      merged[merged.length - 1] = prev + p.text.trimStart();
    } else merged.push(p.text);
  }

  // 5. Containers.
  const out: string[] = [];
  const simple = merged.map((p) => toSimplified(p));
  let addressee = false;
  for (let i = 0; i < merged.length; i++) {
    const p = merged[i]!;
    const s = simple[i]!;
    if (!addressee && i <= 1 && /：$/.test(s) && [...s].length > 5 && s.length < 200 && !p.startsWith("#") && !p.includes("\n")) {
      out.push("::: addressee", p, ":::");
      changes.containers.push("addressee");
      addressee = true;
      continue;
    }
    const next = simple[i + 1];
    if (next !== undefined && isDateLine(next) && s.replace(/\s+/g, "").length <= 40 && (s === toSimplified(issuer) || /(?:政府|办公室|办公厅|委员会|局|厅)$/.test(s)) && !p.startsWith("#")) {
      out.push("::: signature", p, merged[i + 1]!, ":::");
      changes.containers.push("signature");
      i++;
      continue;
    }
    if (/^[（(]此件.{2,8}[)）]$/.test(s)) {
      out.push("::: note", p, ":::");
      changes.containers.push("note");
      continue;
    }
    if (/^附件[0-9一二三四五六七八九十]*$/.test(s)) {
      let j = i + 1;
      while (j < merged.length && !/^附件[0-9一二三四五六七八九十]*$/.test(simple[j]!)) j++;
      out.push("::: attachment", ...merged.slice(i, j), ":::");
      changes.containers.push("attachment");
      i = j - 1;
      continue;
    }
    out.push(p);
  }
  return { body: out.join("\n\n") + "\n", changes };
}

function isBroken(p: string, wrap: number | null, atPageBreak = false): boolean {
  const last = p.split("\n").at(-1)!;
  if (p.startsWith("#") || p.startsWith("|") || p.startsWith("附件") || TERMINAL.test(last)) return false;
  if (/〔\d{4}〕\d+号$/.test(last) || isDateLine(toSimplified(last))) return false;
  if (wrap !== null) return width(last) >= wrap - 1;
  // At a marked page break a shorter piece counts too (a list line split at the page end).
  return CJK_END.test(last) && [...last].length >= (atPageBreak ? 8 : 15);
}

/** Characters of a line, Latin letters and digits counting half. */
function width(line: string): number {
  let w = 0;
  for (const ch of line.trim()) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return Math.round(w);
}

/**
 * The width (in characters) at which the text was hard-wrapped, as `pdftotext` gives it:
 * the most common width of lines of 12 characters or more, when at least 40 % of those lines
 * (and 5) have it, give or take one; else null (one paragraph a line, or free layout).
 */
export function wrapWidth(lines: readonly string[]): number | null {
  const widths = lines.filter((l) => !l.includes("\t") && !/^\s*#/.test(l)).map(width).filter((w) => w >= 12);
  if (widths.length < 5) return null;
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
  const near = widths.filter((w) => Math.abs(w - best) <= 1).length;
  return near >= 5 && near >= widths.length * 0.4 ? best + 1 - 1 : null;
}

function continues(p: string): boolean {
  if (/^[（(]责任单位/.test(p)) return true;
  // No paragraph opens with closing punctuation: it is the rest of one.
  if (/^[”’，。、；：！？）》」』]/u.test(p)) return true;
  if (ITEM_START.test(p) || isDateLine(toSimplified(p))) return false;
  const plain = p.replace(/\s/g, "");
  if ([...plain].length <= 25 && /^[\p{Script=Han}]+$/u.test(plain)) return false;
  return CJK_START.test(p);
}

function toTable(lines: readonly string[]): string {
  const rows = lines.map((l) => l.split("\t").map((c) => c.trim().replace(/\|/g, "\\|")));
  const width = Math.max(...rows.map((r) => r.length));
  const fmt = (r: string[]) => `| ${[...r, ...Array<string>(width - r.length).fill("")].join(" | ")} |`;
  return [fmt(rows[0]!), `| ${Array<string>(width).fill("---").join(" | ")} |`, ...rows.slice(1).map(fmt)].join("\n");
}
