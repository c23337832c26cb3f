import { parseChineseDate } from "../content/chinese-date.ts";
import { cleanValue } from "./infer-fields.ts";
import { toSimplified } from "./traditional.ts";

const FREQUENCY = /^(季刊|月刊|半月刊|双月刊|旬刊|周刊|年刊|半年刊)$/u;
/** A frequency in brackets at the end of a cover line: `（季刊）`. */
const FREQUENCY_AFTER = /[（(](?:季刊|月刊|半月刊|双月刊|旬刊|周刊|年刊|半年刊)[）)]$/u;

/** What separates the words of a cover line: spaces, dots, bars, brackets. */
const WORD_GAP = /[\s·•|｜/／、,，（）()【】\[\]〔〕]+/u;

/** What the cover of an issue prints. */
export interface CoverFields {
  gazette?: string;
  year?: number;
  number?: number;
  frequency?: string;
  publisher?: string;
  /** 出版日期, `YYYY-MM-DD`. */
  published?: string;
  /** 总期号 (总第N期). */
  total?: number;
}

/**
 * Gazette name, year, number, frequency, publisher (the words before 主办), publication date
 * (`2024年9月30日出版`) and running number (`总第41期`) as printed on the cover; what it does not
 * print is left out.
 */
export function inferCover(cover: readonly string[]): CoverFields {
  const out: CoverFields = {};
  const filled = cover.filter((l) => l.trim() !== "");
  filled.forEach((line, i) => {
    // A gazette name printed over two lines of the cover.
    const two = cleanValue(line).replace(/\s+/g, "") + cleanValue(filled[i + 1] ?? "").replace(/\s+/g, "");
    // A heading line, or the cover's first line (plain text of a PDF), continued on the next.
    if (!out.gazette && (/^#/.test(line.trim()) || i === 0) && /公报$/.test(toSimplified(two)) && !/公报/.test(toSimplified(line)) && two.length <= 30) out.gazette = two;
  });
  for (const line of cover) {
    const s = toSimplified(line).normalize("NFKC").replace(/^#+\s*/, "").trim();
    const bare = s.replace(/\s+/g, "");
    // The name, also with the frequency in brackets after it: 乳山市人民政府公报（季刊）.
    const named = bare.replace(FREQUENCY_AFTER, "");
    if (!out.gazette && /公报$/.test(named) && named.length <= 30) out.gazette = cleanValue(line).replace(/\s+/g, "").replace(FREQUENCY_AFTER, "");
    // The frequency printed anywhere on a cover line as a word of its own: `季刊`, `（季刊）`, `2019年第2期　季刊`, `季刊·总第8期`.
    const tokens = s.split(WORD_GAP).filter((t) => t !== "");
    const frequency = tokens.find((t) => FREQUENCY.test(t));
    if (!out.frequency && frequency) out.frequency = frequency;
    const rest = tokens.filter((t) => !FREQUENCY.test(t)).join("");
    // 2019年第3期, also with the running number printed after it: 2019年第3期（总第3期）.
    const yn = /^(\d{4})年第(\d{1,2})期(?:总第\d+期)?$/.exec(rest);
    if (yn && out.year === undefined) {
      out.year = Number(yn[1]);
      out.number = Number(yn[2]);
    }
    // The publisher: the words before 主办 (`乳山市人民政府办公室　主办　　　　季刊`, `主办：…` after it).
    const at = tokens.findIndex((t) => /主办:?$/u.test(t) || /^主办:/u.test(t));
    // The same words as printed (Traditional characters kept): toSimplified maps character for character.
    const words = line.normalize("NFKC").replace(/^#+\s*/, "").trim().split(WORD_GAP).filter((t) => t !== "");
    if (!out.publisher && at >= 0 && words.length === tokens.length) {
      const t = tokens[at]!;
      const w = words[at]!;
      const name = /^主办:/u.test(t) ? w.slice(3) || (words[at + 1] ?? "") : w.slice(0, w.length - (/:$/.test(t) ? 3 : 2)) || words.slice(0, at).filter((_, k) => !FREQUENCY.test(tokens[k]!)).join("");
      if (name !== "" && !FREQUENCY.test(toSimplified(name))) out.publisher = cleanValue(name).replace(/\s+/g, "");
    }
    // 出版日期 (`2024年9月30日出版`) and 总期号 (`（总第41期）`, `2019年第2期（总第2期）`, `季刊·总第8期`).
    const published = /^(.+日)出版$/u.exec(bare);
    if (!out.published && published) out.published = parseChineseDate(published[1]!) ?? undefined;
    const total = /总第(\d+)期/u.exec(bare);
    if (out.total === undefined && total) out.total = Number(total[1]);
  }
  return out;
}

