import { foldDocNumber } from "../content/doc-number.ts";

const HAN_TERM = /^\p{Script=Han}{2,}$/u;

/**
 * True when a document's text contains at least one word of the query, so that a result found
 * only through Pagefind's fall-back to single characters (`风` and `貌` far apart for `风貌`) is
 * caught. A word counts when the text contains it whole, or — since Pagefind segments Chinese
 * and matches every segment — when the query has segments of two or more Han characters and the
 * text contains all of them. Text and words are folded like document numbers first (full-width
 * forms, spaces, brackets), so `乳政发[2019]2号` in a text matches the word `乳政发〔2019〕2号`.
 * @param text the document's text (title, metadata and body).
 * @param words the query's words (`queryWords`), already in Simplified characters.
 * @param terms Pagefind's terms for the query (its `highlight` parameters), if known.
 * @example containsQueryWords("城市的风貌和特色", ["城市风貌特色"], ["城市", "风貌", "特色"]) // true
 * @example containsQueryWords("风光和外貌", ["风貌"], ["风", "貌"]) // false
 */
export function containsQueryWords(text: string, words: readonly string[], terms: readonly string[] = []): boolean {
  if (words.length === 0) return true;
  const hay = foldDocNumber(text).toLowerCase();
  if (words.some((w) => hay.includes(foldDocNumber(w).toLowerCase()))) return true;
  const hanTerms = terms.filter((t) => HAN_TERM.test(t));
  return hanTerms.length > 0 && hanTerms.every((t) => hay.includes(t));
}
