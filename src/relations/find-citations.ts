import { canonicalDocNumber } from "../content/doc-number.ts";

/** One document number found in running text. */
export interface CitationMatch {
  /** Offset (UTF-16 code units) of the first character of the number in the text. */
  start: number;
  /** Offset just after the number (after `号`). */
  end: number;
  /** The number as written, e.g. `鲁政办发(2018) 4号`. */
  text: string;
  /** Canonical form, e.g. `鲁政办发〔2018〕4号`. */
  docNumber: string;
}

/**
 * A document number is a 机关代字 run (Han characters or Latin letters, 2–24 of them), spaces or
 * tabs (OCR leftovers), then a bracket of any form search accepts (〔〕 [] 【】 （） () ［］ ﹝﹞ 〖〗,
 * mixed open/close forms as OCR leaves them), a four-digit year, the serial and `号` (or `號`);
 * full-width digits are folded. As one pattern:
 * `([\p{Script=Han}A-Za-z]{2,24})[ \t\u3000]*` followed by {@link NUMBER_TAIL}. That pattern is
 * not run as it is: tried at every character of a text it reads up to 24 characters ahead at each
 * one (a large part of rendering every body). The search looks for the tail (from its bracket,
 * which is rare) and then reads the run backwards, with the same matches (see `findCitations`).
 */
const NUMBER_TAIL = /[〔[【（(［﹝〖][ \t]*([0-9０-９]{4})[ \t]*[〕\]】）)］﹞〗][ \t]*([0-9０-９]{1,5})[ \t]*[号號]/gu;
/** The 机关代字 run that ends where the spaces before the bracket start: the leftmost start, at most 24 characters back. */
const RUN_BEFORE = /[\p{Script=Han}A-Za-z]{2,24}$/u;
/** Code units read back for the run: 24 characters are at most 48 code units, plus one for a cut surrogate pair. */
const RUN_LOOKBACK = 50;

/**
 * Words that end the sentence part before a 机关代字 and are never part of one: the 机关代字 is
 * what follows the last of them (`根据威政办发〔2019〕3号` → `威政办发`).
 */
const LEAD_WORDS =
  /^.*(?:根据|根據|依据|依據|依照|按照|参照|參照|参见|參見|对照|對照|落实|落實|贯彻|貫徹|执行|執行|印发|印發|转发|轉發|引用|详见|詳見|废止|廢止|修订|修訂|修改|关于|關於|通过|通過|下发|下發|政府|办公厅|辦公廳|办公室|辦公室|委员会|委員會|同时|同時|见|見|和|及|与|與|或|的|即|按|据|據|以|由|在|为|為|是|将|將|于|於|原|号|號|條|条)/u;

/** Shortest and longest 机关代字 accepted (`国发` … `鲁政办字`-like codes of up to 8 characters). */
const PREFIX_LENGTH = { min: 2, max: 8 } as const;

/**
 * Finds the document numbers (发文字号, GB/T 9704-2012 §7.2.5: 机关代字〔年份〕序号号) cited in
 * running text, in every bracket form that search accepts (see `queryDocNumber`), with `号`.
 * Numbers without brackets (`乳政发2019年2号`) are not taken from running text: written that way
 * they cannot be told from an ordinary phrase. False friends that never match: dates
 * (`2019年4月10日`), phone numbers, amounts, bracketed words (`〔偏执性精神病〕`), article and
 * page numbers, court case numbers (`（2019）鲁10民终123号`, the year comes first).
 * The 机关代字 is the end of the run of Chinese characters before the bracket: when it ends with
 * a prefix of `knownPrefixes` (the archive's own 机关代字), the longest such prefix; else what
 * follows the last lead word (根据, 的, 印发, 政府, …, Simplified and Traditional); it must then be 2–8 characters.
 * @param knownPrefixes 机关代字 of the archive's document numbers, e.g. `["乳政办发", "乳政发"]` (sorted once per list: do not change a list once passed).
 * @returns matches in text order; the same number may occur more than once.
 * @example findCitations("落实《意见》（鲁政办发〔2018〕4号）要求")[0].docNumber // "鲁政办发〔2018〕4号"
 */
export function findCitations(text: string, knownPrefixes: readonly string[] = []): CitationMatch[] {
  const out: CitationMatch[] = [];
  // Every number ends with 号 or 號: most text pieces of a body have none (profiled: called for each).
  if (!text.includes("号") && !text.includes("號")) return out;
  const known = longestFirst(knownPrefixes);
  // Same matches as the whole pattern run with matchAll: a match never starts before the end of
  // the last one, and a run longer than 24 characters matches from its last 24 only.
  let lastEnd = 0;
  for (const tail of text.matchAll(NUMBER_TAIL)) {
    let runEnd = tail.index;
    while (runEnd > lastEnd && isSpaceBeforeBracket(text.charCodeAt(runEnd - 1))) runEnd--;
    const from = Math.max(lastEnd, runEnd - RUN_LOOKBACK);
    const found = RUN_BEFORE.exec(text.slice(from, runEnd));
    if (!found) continue;
    const index = from + found.index;
    const matchEnd = tail.index + tail[0].length;
    lastEnd = matchEnd;
    const run = found[0];
    const prefix = known.find((k) => run.endsWith(k)) ?? run.replace(LEAD_WORDS, "");
    if (prefix.length < PREFIX_LENGTH.min || prefix.length > PREFIX_LENGTH.max) continue;
    const year = Number(tail[1]!.normalize("NFKC"));
    if (year < 1949 || year > 2999) continue;
    const start = index + run.length - prefix.length;
    const end = matchEnd;
    const written = text.slice(start, end);
    const docNumber = canonicalDocNumber(written.replace(/號$/u, "号"));
    if (docNumber) out.push({ start, end, text: written, docNumber });
  }
  return out;
}

const SORTED = new WeakMap<readonly string[], string[]>();

/** The prefixes, longest first; sorted once per list (rendering calls `findCitations` with the same list for every piece of text). */
function longestFirst(prefixes: readonly string[]): string[] {
  let sorted = SORTED.get(prefixes);
  if (!sorted) {
    sorted = [...prefixes].sort((a, b) => b.length - a.length);
    SORTED.set(prefixes, sorted);
  }
  return sorted;
}

/** Space, tab or ideographic space U+3000: what may stand between a 机关代字 and its bracket. */
function isSpaceBeforeBracket(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000;
}
