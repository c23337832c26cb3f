const DIGIT: Record<string, number> = { "〇": 0, "零": 0, "○": 0, "Ｏ": 0, O: 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };

/** A date as printed in a Chinese document: Arabic `2019年4月10日` or Chinese `二〇一九年四月十日`. */
export const CHINESE_DATE = /([0-9０-９]{4}|[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日/u;

/**
 * Reads a number written in Chinese numerals up to 99 (`十` 10, `十二` 12, `二十` 20,
 * `三十一` 31) or digit by digit (`二〇一九` 2019), or in Arabic (half- or full-width) digits.
 * @returns the number, or null when the text is not a number.
 */
export function parseChineseNumber(text: string): number | null {
  const t = text.normalize("NFKC");
  if (/^\d+$/.test(t)) return Number(t);
  if (t.includes("十")) {
    const [tens, ones] = t.split("十") as [string, string];
    const a = tens === "" ? 1 : DIGIT[tens];
    const b = ones === "" ? 0 : DIGIT[ones];
    return a === undefined || b === undefined || tens.length > 1 || ones.length > 1 ? null : a * 10 + b;
  }
  let n = 0;
  for (const ch of t) {
    const d = DIGIT[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return t.length > 0 ? n : null;
}

/**
 * Parses the first date printed in `text` (`2019年4月10日`, `2019 年 4 月 10 日`,
 * `二〇一九年四月十日`) into a calendar date `YYYY-MM-DD`.
 * @returns the date, or null when there is none or it does not exist (2019年2月30日).
 * @example parseChineseDate("二〇一九年四月十日") // "2019-04-10"
 */
export function parseChineseDate(text: string): string | null {
  const m = CHINESE_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [m[1]!, m[2]!, m[3]!].map(parseChineseNumber);
  if (y == null || mo == null || d == null) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** True when the whole line (ignoring spaces and Markdown emphasis) is one printed date. */
export function isDateLine(line: string): boolean {
  // Most lines have no date: the three characters every date has are looked for first (this runs on every line of every body).
  if (!line.includes("日") || !line.includes("年") || !line.includes("月")) return false;
  const bare = line.replace(/[\s*　]/g, "");
  const m = CHINESE_DATE.exec(bare);
  return m !== null && m.index === 0 && m[0].length === bare.length;
}
