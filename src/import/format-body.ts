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
  let blocks: string[][] = [];
  let current: string[] = [];
  for (const raw of lines) {
    if (raw.trim() === "" || /^-{3,}$/.test(raw.trim())) {
      if (current.length > 0) blocks.push(current);
      current = [];
      continue;
    }
    const { text, corrections } = cleanOcrLine(raw.replace(/\s+$/, (s) => (s.length >= 2 ? "  " : "")));
    addCorrections(changes, corrections);
    current.push(text);
  }
  if (current.length > 0) blocks.push(current);

  // 2. Join lines inside a paragraph; 4. tables.
  const paragraphs: string[] = blocks.map((block) => {
    if (block.length >= 2 && block.every((l) => l.includes("\t"))) {
      changes.tables++;
      return toTable(block);
    }
    let out = block[0]!;
    for (const next of block.slice(1)) {
      const prev = out.replace(/ {2,}$/, "");
      if (!/^\s*#/.test(next) && CJK_END.test(prev) && (CJK_START.test(next) || /^[\p{Script=Han}]/u.test(next))) {
        out = prev + next;
        changes.joinedLines++;
      } else out += "\n" + next;
    }
    return out;
  });

  // 3. Paragraphs broken across pages.
  const merged: string[] = [];
  for (const p of paragraphs) {
    const prev = merged.at(-1);
    if (prev !== undefined && isBroken(prev) && continues(p)) {
      changes.merges.push(`${prev.slice(-12)}｜${p.slice(0, 12)}`);
      merged[merged.length - 1] = prev + p;
    } else merged.push(p);
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

function isBroken(p: string): boolean {
  const last = p.split("\n").at(-1)!;
  if (p.startsWith("#") || p.startsWith("|") || p.startsWith("附件") || TERMINAL.test(last)) return false;
  if (/〔\d{4}〕\d+号$/.test(last) || isDateLine(toSimplified(last))) return false;
  return CJK_END.test(last) && [...last].length >= 15;
}

function continues(p: string): boolean {
  if (/^[（(]责任单位/.test(p)) return true;
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
