import type { Finding } from "../finding.ts";
import type { Bilingual } from "../../i18n/index.ts";
import { checkAttachmentNotes } from "./attachment-note.ts";
import { checkSignatureOutsideBlock } from "./signature-outside.ts";

/** Options of {@link checkBodyText}. */
export interface BodyTextOptions {
  /** Name of the gazette (刊名), to recognise a running page header left in the text. */
  gazette?: string;
  /** True when the document's text is published, so an empty body is a problem. */
  textPublished?: boolean;
}

const HAN = "\\p{Script=Han}";
const SPACE_IN_HAN = new RegExp(`${HAN}[ \\t]+(?=${HAN})`, "gu");
/** `第一章 总则`, `第三条 …`: the space after a chapter or article number is part of the layout. */
const ARTICLE_NUMBER = /第[一二三四五六七八九十百零〇\d]+[编章节条款]$/u;
const HALF_WIDTH_IN_HAN = new RegExp(`${HAN}[,:;()](?=${HAN})`, "u");
/** A line that is only a printed page number: `— 12 —`, `- 12 -`, `·12·`, `第 12 页`, `12`. */
const PAGE_NUMBER_LINE = /^\s*(?:[-—–·‐\s]*\d{1,3}[-—–·‐\s]*|第\s*\d{1,3}\s*页)\s*$/u;
const HAS_SPACE = /[ \t]/u;
const HAS_HALF_WIDTH = /[,:;()]/u;
const PAIRS: [string, string][] = [["（", "）"], ["(", ")"], ["〔", "〕"], ["【", "】"], ["《", "》"], ["“", "”"], ["‘", "’"], ["「", "」"]];

/**
 * Warns about OCR leftovers in a document body, one finding per kind and line: spaces between
 * Chinese characters, half-width `,` `:` `;` `(` `)` between Chinese characters, brackets and
 * quotes that do not balance within a paragraph, a running page header (the gazette's name) or
 * a page number left on a line of its own, an empty body, and attachment names that cannot join
 * their 附件说明 ({@link checkAttachmentNotes}), and a 署名 and 成文日期 typed as ordinary paragraphs
 * ({@link checkSignatureOutsideBlock}). The ideographic space U+3000
 * (used on purpose to align names) is not an OCR space, nor is the space after 第一章 or 第三条. Markdown container lines (`:::`) and
 * table rows are skipped.
 * @param bodyLine 1-based line of the file where the body starts.
 */
export function checkBodyText(body: string, file: string, bodyLine: number, options: BodyTextOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const warn = (line: number, column: number, message: Bilingual, fix: Bilingual) =>
    findings.push({ file, line: bodyLine + line, column, severity: "warning", message: message.zh, fix: fix.zh, en: { message: message.en, fix: fix.en } });
  if (body.trim() === "") {
    if (options.textPublished !== false) warn(0, 1, { zh: "文件没有正文", en: "the document has no text" }, { zh: "把正文粘贴在第二个 --- 行的下面；正文不公开的，写 publication: on-request", en: "paste the document's text below the closing --- line, or set publication: on-request if its text is not published" });
    return findings;
  }
  const lines = body.split(/\r?\n/);
  const gazette = options.gazette?.replace(/\s+/g, "");
  // The paragraph's lines and its bracket depths, counted line by line (no joined text unless a finding needs it).
  let paragraph: Paragraph | null = null;
  const endParagraph = () => {
    if (paragraph) checkBalance(paragraph, warn);
    paragraph = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "" || /^\s*:::/.test(line)) {
      endParagraph();
      continue;
    }
    if (/^\s*\|/.test(line) || line.includes("\t")) {
      endParagraph();
      continue;
    }
    paragraph ??= { start: i, lines: [], depth: new Array<number>(PAIRS.length).fill(0), bad: new Array<boolean>(PAIRS.length).fill(false) };
    paragraph.lines.push(line);
    countBrackets(line, paragraph);
    // Cheap tests first (profiled: this check ran over every line of 20,000 documents).
    const space = HAS_SPACE.test(line) ? firstOcrSpace(line) : undefined;
    if (space) warn(i, space.index + 2, { zh: `汉字之间有空格：“${excerpt(line, space.index)}”`, en: `a space between Chinese characters: "${excerpt(line, space.index)}"` }, { zh: "删去空格（识别留下的）；只有对齐人名时才用全角空格 　", en: "delete the space (an OCR leftover); use a full-width space 　 only to align names" });
    const half = HAS_HALF_WIDTH.test(line) ? HALF_WIDTH_IN_HAN.exec(line) : null;
    if (half) {
      const ch = line[half.index + 1]!;
      warn(i, half.index + 2, { zh: `汉字之间有半角“${ch}”：“${excerpt(line, half.index)}”`, en: `a half-width "${ch}" between Chinese characters: "${excerpt(line, half.index)}"` }, { zh: `改为全角 ${FULL_WIDTH[ch] ?? ch}`, en: `use the full-width ${FULL_WIDTH[ch] ?? ch}` });
    }
    if (PAGE_NUMBER_LINE.test(line)) warn(i, 1, { zh: `这一行只有页码“${line.trim()}”（页脚混进了正文）`, en: `a line with only a page number "${line.trim()}" (a page footer left in the text)` }, { zh: "删去这一行", en: "delete the line" });
    else if (gazette && line.includes(gazette[0]!) && isRunningHeader(line.replace(/[#*\s　]/g, ""), gazette)) warn(i, 1, { zh: `页眉“${line.trim()}”混进了正文`, en: `a page header "${line.trim()}" left in the text` }, { zh: "删去这一行", en: "delete the line" });
  }
  endParagraph();
  findings.push(...checkAttachmentNotes(body, file, bodyLine), ...checkSignatureOutsideBlock(body, file, bodyLine));
  return findings;
}

function isRunningHeader(bare: string, gazette: string): boolean {
  return bare.startsWith(gazette) && bare.length <= gazette.length + 12;
}

const FULL_WIDTH: Record<string, string> = { ",": "，", ":": "：", ";": "；", "(": "（", ")": "）" };

/** Pair index of each bracket character by UTF-16 code: +(i + 1) opens pair i, −(i + 1) closes it, 0 for any other (all pairs are in the BMP). */
const PAIR_OF = new Int8Array(0x10000);
for (const [i, [open, close]] of PAIRS.entries()) {
  PAIR_OF[open.charCodeAt(0)] = i + 1;
  PAIR_OF[close.charCodeAt(0)] = -(i + 1);
}

/** A paragraph being read: its first line (0-based in the body), its lines and, per pair, the depth and whether it went below zero. */
interface Paragraph {
  start: number;
  lines: string[];
  depth: number[];
  bad: boolean[];
}

/** Adds the brackets of one more line to the paragraph's depths (one pass for all pairs; profiled: a Map lookup per character was slow). */
function countBrackets(line: string, paragraph: Paragraph): void {
  const { depth, bad } = paragraph;
  for (let k = 0; k < line.length; k++) {
    const p = PAIR_OF[line.charCodeAt(k)]!;
    if (p === 0) continue;
    if (p > 0) depth[p - 1]!++;
    else if (--depth[-p - 1]! < 0) bad[-p - 1] = true;
  }
}

/** The first space between Chinese characters that is not the space after 第一章, 第三条 (the layout's own). */
function firstOcrSpace(line: string): RegExpExecArray | undefined {
  SPACE_IN_HAN.lastIndex = 0;
  for (let m = SPACE_IN_HAN.exec(line); m; m = SPACE_IN_HAN.exec(line)) {
    if (!ARTICLE_NUMBER.test(line.slice(0, m.index + 1))) return m;
  }
  return undefined;
}

function checkBalance(paragraph: Paragraph, warn: (line: number, column: number, message: Bilingual, fix: Bilingual) => void): void {
  const { depth, bad } = paragraph;
  let text: string | null = null;
  for (const [i, [open, close]] of PAIRS.entries()) {
    if (bad[i] || depth[i] !== 0) {
      text ??= paragraph.lines.join("\n");
      const missing = depth[i]! > 0 ? close : open;
      warn(paragraph.start, 1, { zh: `本段 ${open}${close} 不配对（${count(text, open)} 个 ${open}，${count(text, close)} 个 ${close}）`, en: `unbalanced ${open}${close} in this paragraph (${count(text, open)} ${open}, ${count(text, close)} ${close})` }, { zh: `对照印刷本补上缺少的 ${missing}，或删去多余的`, en: `add the missing ${missing} or delete the extra one, as in the printed text` });
    }
  }
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

function excerpt(line: string, at: number): string {
  return line.slice(Math.max(0, at - 4), at + 6);
}
