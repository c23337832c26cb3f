import { canonicalDocNumber, foldDocNumber, parseDocNumber } from "../content/doc-number.ts";

/**
 * The one normaliser of search text, used at index time (build) and at query time (the search
 * page bundles this file), so that a document number typed in any common form meets the form the
 * index was built with. Document-number rules: GB/T 9704-2012 §7.2.5 (机关代字〔年份〕序号号).
 */

/** What a query asks for, after normalisation. */
export interface NormalisedQuery {
  /** The text to give Pagefind: whitespace collapsed, a document number in canonical form. */
  text: string;
  /** Canonical document number when the whole query is one (`乳政发〔2019〕2号`), else null. */
  docNumber: string | null;
  /**
   * Candidate series keys when the query could be a document-number series (`乳政办发` or
   * `乳政办发〔2019〕`); the search page keeps only those present in the index. Empty otherwise.
   */
  seriesCandidates: string[];
}

const HAN_PREFIX = /^[\p{Script=Han}A-Za-z]{2,}$/u;
/** Words separated by a space (`精神卫生 乳政发…`) are never one 机关代字. */
const SPACED_WORDS = /[\p{Script=Han}A-Za-z][\s\u3000]+[\p{Script=Han}A-Za-z]/u;

/**
 * Canonical document number of a query typed in any common form: brackets 〔〕 [] 【】 （） ()
 * ［］ ﹝﹞ 〖〗 around the year, or none (`乳政发2019年2号`, `乳政发 2019 2`), full-width digits,
 * spaces anywhere, with or without `号`, leading zeros in the serial, `第N号`, `年第N号`, a
 * trailing `号文`.
 * @returns the canonical form `乳政发〔2019〕2号`, or null when the query is not one number.
 * @example queryDocNumber("乳政发（２０１９） 2") // "乳政发〔2019〕2号"
 */
export function queryDocNumber(query: string): string | null {
  if (SPACED_WORDS.test(query.trim())) return null;
  const direct = canonicalDocNumber(query);
  if (direct) return direct;
  const folded = foldDocNumber(query);
  const m = NUMBER_FORMS_TYPED.exec(folded);
  return m ? canonicalDocNumber(`${m[1]}〔${m[2]}〕${m[3]}号`) : null;
}

/**
 * Written forms besides the bracketed one, after `foldDocNumber`: the year with or without
 * brackets and 年 (`乳政发2019年2号`, `乳政发〔2019〕2号`), 第 before the serial (`〔2019〕第5号`,
 * `2019年第5号`), and a trailing 号文 or 文 (`5号文`, readers' shorthand for "document no. 5").
 */
const NUMBER_FORMS_TYPED = /^([\p{Script=Han}A-Za-z]+?)〔?(\d{4})〕?年?第?0*(\d+)(?:号文?|号?)$/u;

/**
 * Series keys (文号系列) of a canonical document number: its 机关代字 alone and with the year.
 * Indexed as a hidden filter so that typing a series lists its documents.
 * @example documentSeries("乳政办发〔2019〕4号") // ["乳政办发", "乳政办发〔2019〕"]
 */
export function documentSeries(docNumber: string): string[] {
  const parts = parseDocNumber(docNumber);
  return parts ? [parts.prefix, `${parts.prefix}〔${parts.year}〕`] : [];
}

/**
 * Candidate series keys of a query: `乳政办发`, `乳政办发〔2019〕`, `乳政办发[2019]`,
 * `乳政办发（2019`, `乳政办发2019` all give their folded key; anything else gives [].
 */
export function querySeries(query: string): string[] {
  if (SPACED_WORDS.test(query.trim())) return [];
  const folded = foldDocNumber(query).replace(/号$/u, "");
  if (HAN_PREFIX.test(folded)) return [folded];
  const m = /^([\p{Script=Han}A-Za-z]{2,})〔?(\d{4})〕?年?$/u.exec(folded);
  return m ? [`${m[1]}〔${m[2]}〕`] : [];
}

/**
 * Normalises a query typed into the search box (after any Traditional→Simplified conversion).
 * @example normaliseQuery(" 乳政发[2019]2号 ") // { text: "乳政发〔2019〕2号", docNumber: "乳政发〔2019〕2号", seriesCandidates: [] }
 */
export function normaliseQuery(query: string): NormalisedQuery {
  const trimmed = query.normalize("NFC").replace(/[\s\u3000]+/gu, " ").trim();
  const docNumber = queryDocNumber(trimmed);
  if (docNumber) return { text: docNumber, docNumber, seriesCandidates: [] };
  return { text: trimmed, docNumber: null, seriesCandidates: trimmed ? querySeries(trimmed) : [] };
}

/**
 * Words of a query for the "contains at least one of its words" check: split on spaces, quotes
 * removed, each word folded like a document number when it is one.
 */
export function queryWords(query: string): string[] {
  return normaliseQuery(query)
    .text.replace(/["“”]/gu, " ")
    .split(" ")
    .filter((w) => w.length > 0)
    .map((w) => queryDocNumber(w) ?? w);
}

/**
 * Shard of the direct-hit map that holds a document number: one small JSON file per series and
 * year, named by a 32-bit FNV-1a hash of `机关代字〔年份〕` in hex (ASCII file names, a few
 * hundred bytes each, so a lookup fetches one tiny file even with tens of thousands of numbers).
 * @example numberShard("乳政发〔2019〕2号") // 8 hex digits, the same for every number of 乳政发〔2019〕
 */
export function numberShard(docNumber: string): string | null {
  const parts = parseDocNumber(docNumber);
  if (!parts) return null;
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(`${parts.prefix}〔${parts.year}〕`)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
