import { separatesNames } from "./organ-names.ts";

/** Counts of the mechanical corrections made to a text. */
export interface OcrCorrections {
  /** Spaces removed between Chinese characters, or between Chinese and Latin letters or digits. */
  spaces: number;
  /** Half-width `,` `:` `;` `(` `)` next to Chinese text changed to full-width. */
  punctuation: number;
}

/** Han characters, CJK punctuation and full-width forms: text that takes no spaces between. */
const CJK = "\\p{Script=Han}\\u3000-\\u303F\\uFF01-\\uFF60“”‘’—…·";
const CJK_CHAR = new RegExp(`[${CJK}]`, "u");
/** `第一章 总则`, `第三条 …`: the space after a chapter or article number is layout, not OCR. */
const ARTICLE_NUMBER = /第[一二三四五六七八九十百零〇\d]+[编章节条款](?:\*\*)?$/u;
const FULL: Record<string, string> = { ",": "，", ":": "：", ";": "；", "(": "（", ")": "）" };

/**
 * Removes the OCR artifacts of one line of Chinese text, the mechanical corrections of the
 * editors' guide (issues/README.md, “校勘”): spaces between Chinese characters or between
 * Chinese and Latin letters or digits (`2019 年` → `2019年`), and half-width `,` `:` `;` `(` `)`
 * next to Chinese text (`合作,建立` → `合作，建立`). Never adds, deletes or reorders any other
 * character; leading indentation, tabs (table cells) and a Markdown hard break (two trailing
 * spaces), the space after 第一章 / 第三条 and spaces between organ names (a joint document's
 * issuers, {@link separatesNames}) are kept. Digits stay half-width (`10%`, `3+3`, `S207`).
 * @returns the corrected line and the counts of each correction.
 */
export function cleanOcrLine(line: string): { text: string; corrections: OcrCorrections } {
  const corrections: OcrCorrections = { spaces: 0, punctuation: 0 };
  const chars = [...line];
  const out: string[] = [];
  const isCjk = (c: string | undefined) => c !== undefined && CJK_CHAR.test(c);
  const isAlnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9%]/.test(c);
  const prevNonSpace = (i: number) => {
    for (let j = i - 1; j >= 0; j--) if (chars[j] !== " ") return chars[j];
    return undefined;
  };
  const nextNonSpace = (i: number) => {
    for (let j = i + 1; j < chars.length; j++) if (chars[j] !== " ") return chars[j];
    return undefined;
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c in FULL) {
      const before = prevNonSpace(i);
      const after = nextNonSpace(i);
      const cjkNear = c === "(" ? isCjk(after) || isCjk(before) : c === ")" ? isCjk(before) || isCjk(after) : isCjk(before) || isCjk(after);
      if (cjkNear) {
        out.push(FULL[c]!);
        corrections.punctuation++;
        continue;
      }
    }
    if (c === " ") {
      let j = i;
      while (chars[j] === " ") j++;
      const before = out[out.length - 1];
      const after = chars[j];
      const leading = out.length === 0 || out.every((x) => x === " ");
      const trailing = after === undefined;
      const article = ARTICLE_NUMBER.test(out.join(""));
      // Spaces between the names of a joint document's issuers (header, title, signature, addressee) are the print's.
      const names = !leading && !trailing && separatesNames(out.join(""), chars.slice(j).join(""), j - i);
      if (!leading && !trailing && !article && !names && ((isCjk(before) && (isCjk(after) || isAlnum(after) || after! in FULL)) || ((isAlnum(before) || before! in FULL) && isCjk(after)))) {
        corrections.spaces += j - i;
        i = j - 1;
        continue;
      }
    }
    out.push(c);
  }
  return { text: out.join(""), corrections };
}

/**
 * {@link cleanOcrLine} for a line of names — a signature (署名) or an addressee (主送机关) — that
 * keeps every run of two or more spaces (or full-width spaces) between its words: there they set
 * names apart and are the print's, not OCR's. Only a short line whose words hold no punctuation
 * (but a final colon) counts; any other line is cleaned as usual.
 */
export function cleanNameLine(line: string): { text: string; corrections: OcrCorrections } {
  const parts = line.split(/( {2,}|\u3000+)/u);
  const words = parts.filter((_, i) => i % 2 === 0).map((w) => w.trim()).filter((w) => w !== "");
  const plain = words.every((w, i) => !/\p{P}/u.test(i === words.length - 1 ? w.replace(/[：:]$/u, "") : w));
  if (words.length < 2 || !plain || words.join("").length > 60) return cleanOcrLine(line);
  const corrections: OcrCorrections = { spaces: 0, punctuation: 0 };
  const text = parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      const cleaned = cleanOcrLine(part);
      addCorrections(corrections, cleaned.corrections);
      return cleaned.text;
    })
    .join("");
  return { text, corrections };
}

/** Adds the counts of `b` to `a`. */
export function addCorrections(a: OcrCorrections, b: OcrCorrections): void {
  a.spaces += b.spaces;
  a.punctuation += b.punctuation;
}
