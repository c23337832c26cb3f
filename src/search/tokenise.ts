/**
 * The project's own tokenisation of search text, the same code at index time (Node, the index
 * worker) and at query time (the search page bundles this file), so that the words Pagefind
 * indexes and the words a query asks for always agree (Pagefind's own Chinese segmentation,
 * jieba on the index side and `Intl.Segmenter` in the browser, do not: Pagefind issue #1237).
 * Browser-safe, no dependencies, deterministic.
 *
 * Text is cut into runs of letters and digits (`\p{L}\p{N}`, after NFKC width folding, so
 * `２０１９` is `2019`); everything else (punctuation, spaces) separates runs. Each run becomes
 * its overlapping character bigrams followed by its last character alone (like Lucene's CJK
 * bigram analyzer, plus the run's end): `住房公积金` → `住房 房公 公积 积金 金`. So every character
 * of the text starts exactly one token, and a run's end is marked. A query then becomes a quoted
 * phrase of the same tokens (`queryTokens`), and Pagefind's phrase search (consecutive word
 * positions, exact words) finds exactly the documents that contain the query as a substring.
 *
 * Each character of a token is written as four lower-case ASCII letters (its code point in base
 * 26, {@link encodeChar}), because Pagefind 1.6 cuts words of Chinese characters with its own
 * dictionary whatever the language, which would undo the bigrams; letters are left alone. Pagefind
 * is given the tokens as its "content" with language {@link INDEX_LANGUAGE}, which has no stemmer,
 * so the index holds the tokens as written. The separators that follow a run are attached to the
 * run's last token (`金，`), where Pagefind keeps them in the stored content but not in the
 * indexed word; `untokenise` turns the content back into the text for excerpts.
 */

/** What a whitespace run becomes inside the content (U+2060 WORD JOINER: not whitespace, so Pagefind keeps it in the word). */
const SPACE_MARK = "\u2060";
/** Letters of one character's code (see {@link encodeChar}). */
const CODE_LENGTH = 4;
const A = 97;
/** The language the index is built with: ISO 639-2 `zxx`, "no linguistic content", for which Pagefind has no stemmer and no segmenter. */
export const INDEX_LANGUAGE = "zxx";
const ALNUM = /^[\p{L}\p{N}]+$/u;
const SPACE = /\s/u;

/**
 * A character as four lower-case letters: its code point in base 26 (`a` = 0), so every token is
 * 4 or 8 letters and a character's code is a prefix of every bigram it starts. Code points from
 * 26⁴ (U+6F910) on do not occur in text of the index (they are treated as separators).
 * @example encodeChar("a") // "aadt"
 */
export function encodeChar(ch: string): string {
  let cp = ch.codePointAt(0)!;
  let out = "";
  for (let i = 0; i < CODE_LENGTH; i++) {
    out = String.fromCharCode(A + (cp % 26)) + out;
    cp = Math.floor(cp / 26);
  }
  return out;
}

/** The character of a four-letter code ({@link encodeChar}). */
export function decodeChar(code: string): string {
  let cp = 0;
  for (const c of code) cp = cp * 26 + (c.charCodeAt(0) - A);
  return String.fromCodePoint(cp);
}

const MAX_CODE = 26 ** CODE_LENGTH;

/** One run of letters and digits (width-folded) and the separators after it, as written. */
interface Run {
  chars: string[];
  /** Separators after the run (whitespace as one {@link SPACE_MARK}). */
  after: string;
  /** True when a separator follows the run (in a query: the run ends there). */
  closed: boolean;
}

/** Appends a separator character, whitespace collapsed to one mark and zero-width characters dropped. */
function addSeparator(to: string, ch: string): string {
  if (SPACE.test(ch)) return to.endsWith(SPACE_MARK) ? to : to + SPACE_MARK;
  return ch === "\u200b" || ch === SPACE_MARK ? to : to + ch;
}

/**
 * The codes of one character of text (width-folded and lower-cased, {@link encodeChar}; NFKC
 * may turn one character into several, `㍿` → 株式会社), or null when it separates runs.
 */
function classify(ch: string): string[] | null {
  const folded = ch.charCodeAt(0) > 0x7f ? ch.normalize("NFKC") : ch;
  if (!ALNUM.test(folded) || ![...folded].every((c) => c.codePointAt(0)! < MAX_CODE)) return null;
  return [...folded.toLowerCase()].map(encodeChar);
}

/** {@link classify} of each UTF-16 code unit met so far (a pure function, so computed once a character). */
const CODES: (string[] | null | undefined)[] = [];

/** {@link classify} with the cache for characters of one code unit (the whole BMP: CJK, Latin, digits). */
function codesOf(ch: string): string[] | null {
  if (ch.length !== 1) return classify(ch);
  const unit = ch.charCodeAt(0);
  let codes = CODES[unit];
  if (codes === undefined) CODES[unit] = codes = classify(ch);
  return codes;
}

/** Splits text into runs (see the file comment) and the separators before the first run. */
function runsOf(text: string): { before: string; runs: Run[] } {
  const runs: Run[] = [];
  let before = "";
  let current: Run | null = null;
  for (const ch of text) {
    const codes = codesOf(ch);
    if (codes) {
      if (!current || current.closed) {
        current = { chars: [], after: "", closed: false };
        runs.push(current);
      }
      current.chars.push(...codes);
    } else if (current) {
      current.after = addSeparator(current.after, ch);
      current.closed = true;
    } else before = addSeparator(before, ch);
  }
  return { before, runs };
}

/**
 * The content given to Pagefind for a text: tokens separated by single spaces (see the file
 * comment). Linear in the length of the text; one pass, no intermediate runs (it tokenises every
 * indexed text, see `npm run bench`).
 * @example indexContent("住房公积金，2019年") // the codes of "住房 房公 公积 积金 金， 20 01 19 9年 年"
 */
export function indexContent(text: string): string {
  const words: string[] = [];
  let before = "";
  /** Code of the last character of the current run (null before the first run). */
  let last: string | null = null;
  let after = "";
  let closed = false;
  for (const ch of text) {
    const codes = codesOf(ch);
    if (codes) {
      for (const code of codes) {
        if (last !== null && !closed) words.push(last + code);
        else if (last !== null) {
          words.push(last + after);
          after = "";
          closed = false;
        }
        last = code;
      }
    } else if (last !== null) {
      after = addSeparator(after, ch);
      closed = true;
    } else before = addSeparator(before, ch);
  }
  if (last !== null) words.push(last + after);
  if (before) words.unshift(before);
  return words.join(" ");
}

/**
 * The text of a Pagefind content made by {@link indexContent}: runs rebuilt from their tokens,
 * separators as written, whitespace as one space. `untokenise(indexContent(t))` is `t` with
 * letters and digits width-folded and whitespace runs collapsed to one space.
 */
export function untokenise(content: string): string {
  let out = "";
  let runStart = true;
  for (const word of content.split(" ")) {
    if (word === "") continue;
    const m = /^[a-z]*/u.exec(word)![0];
    const n = m.length / CODE_LENGTH;
    const after = word.slice(m.length).replaceAll(SPACE_MARK, " ");
    if (n >= 2) {
      out += runStart ? decodeChar(m.slice(0, CODE_LENGTH)) + decodeChar(m.slice(CODE_LENGTH, 2 * CODE_LENGTH)) : decodeChar(m.slice(CODE_LENGTH, 2 * CODE_LENGTH));
      runStart = false;
    } else if (n === 1) {
      if (runStart) out += decodeChar(m);
      runStart = true;
    } else runStart = true;
    out += after;
  }
  return out;
}

/**
 * Folds text the way the index does, for comparing a query with a text: NFKC (full-width
 * letters and digits, compatibility forms), lower case, whitespace collapsed to one space.
 */
export function foldText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ");
}

/** How one word of a query is searched. */
export interface QueryTokens {
  /** Tokens to search as one quoted phrase (exact substring); empty when the word has no letters or digits. */
  tokens: string[];
  /**
   * A single character to search as a prefix (Pagefind's unquoted search), for a word of one
   * character: every occurrence of a character starts a token.
   */
  prefix: string | null;
  /** True when the phrase leaves out a last run of one character (`〔2019〕5`): it may match a little more than the word. */
  loose: boolean;
}

/**
 * Tokens of one query word (no spaces), lower-cased like Pagefind's index: each run's bigrams,
 * and its last character alone when a separator follows it in the query (the text's run must end
 * there too). A word that is one character gives `prefix` instead.
 * @example queryTokens("住房公积金").tokens // the codes of 住房 房公 公积 积金
 * @example queryTokens("乳政发〔2019〕5号").tokens // the codes of 乳政 政发 发 20 01 19 9 5号
 */
export function queryTokens(word: string): QueryTokens {
  const { runs } = runsOf(word.toLowerCase());
  if (runs.length === 1 && runs[0]!.chars.length === 1) return { tokens: [], prefix: runs[0]!.chars[0]!, loose: false };
  const tokens: string[] = [];
  let loose = false;
  runs.forEach(({ chars, closed }, r) => {
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    if (closed) tokens.push(chars[chars.length - 1]!);
    else if (chars.length === 1 && r > 0) loose = true;
  });
  return { tokens, prefix: null, loose };
}

/**
 * Pagefind's search term for a query word: the tokens as one quoted phrase, the single character
 * for a one-character word, or null when the word holds no letter or digit.
 */
export function pagefindTerm(q: QueryTokens): string | null {
  if (q.prefix) return q.prefix;
  return q.tokens.length > 0 ? `"${q.tokens.join(" ")}"` : null;
}
