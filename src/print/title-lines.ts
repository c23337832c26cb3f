import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

let segmenter: Jieba | undefined;
/** jieba with its bundled dictionary, loaded on first use. */
function jieba(): Jieba {
  segmenter ??= Jieba.withDict(dict);
  return segmenter;
}

/** Spans never broken: a 发文字号, a 《…》 or “…” or （…） span, a number with its unit. */
const DOC_NUMBER = /[\u4e00-\u9fff]{1,8}[〔[【(（]\d{4}[〕\]】)）]\d+号/gu;
const NUMBER = /\d+(?:[.．]\d+)*[年月日号项个条期]?/gu;
const UNBREAKABLE = [DOC_NUMBER, /《[^》]{1,30}》/gu, /“[^”]{1,30}”/gu, /[（(][^）)]{1,16}[）)]/gu, NUMBER];
/** Characters that may not start a line (closing punctuation, particles). */
const NO_LINE_START = /^[，。、；：？！）》”〕】的之等]/u;
/** Characters that may not end a line (opening punctuation). */
const NO_LINE_END = /[（《“〔【]$/u;
/** A last line shorter than this (em) looks stranded (a lone 通知): `fill` pays the difference. */
const SHORT_LAST_LINE_EM = 6;

/** jieba part-of-speech tags of nouns and noun-like words (n, nr, ns, nt, nz, vn, l: idioms, terms). */
const NOUNISH = /^(?:n|vn|l|an)/;

/**
 * How bad a line break between two words is (GB/T 9704-2012 §7.3.1 词意完整), by their jieba
 * part-of-speech tags: 0 next to a preposition or conjunction (关于, 与, 和) or after a particle
 * (的); 2 between two nouns or an adjective and a noun (most likely one term: 资本|市场,
 * 工矿|废弃地); 1 elsewhere (e.g. between a verb and its object).
 */
export function breakCost(leftTag: string, rightTag: string): number {
  if (/^[pcu]/.test(leftTag) || /^[pc]/.test(rightTag)) return 0;
  if ((NOUNISH.test(leftTag) || /^a/.test(leftTag)) && NOUNISH.test(rightTag)) return 2;
  return 1;
}

/**
 * Width of a text in em of its font: ideographs and full-width punctuation 1 em, ASCII (digits,
 * Latin) 0.6 em (Noto Serif SC's figures are about 0.55 em; a little more keeps a line safe).
 */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const c of text) w += c.charCodeAt(0) < 0x2000 ? 0.6 : 1;
  return w;
}

/**
 * Cuts a title into units that a line break must not split: jieba's words, with every
 * {@link UNBREAKABLE} span and every term of `terms` (e.g. the issuers, 发文机关) kept whole, and
 * punctuation glued to the word it belongs to. `loose`: 《》, “” and （） spans may break between
 * their own words (for a span longer than a line); document numbers and issuers never.
 * @example titleWords("关于印发市政府2019年工作要点的通知") // ["关于","印发","市政府","2019年","工作","要点","的","通知"]
 */
export function titleWords(title: string, terms: readonly string[] = [], options: { loose?: boolean } = {}): string[] {
  return taggedWords(title, terms, options.loose ?? false).map((w) => w.word);
}

/** A unit of {@link titleWords} with the jieba tags of its first and last piece. */
interface TaggedUnit {
  word: string;
  first: string;
  last: string;
}

function taggedWords(title: string, terms: readonly string[], loose = false): TaggedUnit[] {
  // Character offsets where a break is forbidden: inside a protected span.
  const chars = [...title];
  const blocked = new Set<number>();
  const protect = (start: number, length: number) => {
    for (let i = start + 1; i < start + length; i++) blocked.add(i);
  };
  const toCharIndex = (utf16: number) => [...title.slice(0, utf16)].length;
  // loose: a 《》, “” or （） span longer than a line may break between its own words.
  for (const re of loose ? [DOC_NUMBER, NUMBER] : UNBREAKABLE) for (const m of title.matchAll(re)) protect(toCharIndex(m.index), [...m[0]].length);
  for (const term of terms.filter((t) => t.length > 1)) {
    for (let at = title.indexOf(term); at >= 0; at = title.indexOf(term, at + 1)) protect(toCharIndex(at), [...term].length);
  }
  const cuts = new Set<number>();
  const tagAt: string[] = [];
  let pos = 0;
  for (const { word, tag } of jieba().tag(title, false)) {
    for (const _ of word) tagAt.push(tag);
    pos += [...word].length;
    cuts.add(pos);
  }
  const units: TaggedUnit[] = [];
  let current = "";
  let start = 0;
  for (let i = 0; i < chars.length; i++) {
    current += chars[i];
    const next = chars[i + 1];
    const end = i + 1;
    if (next === undefined) break;
    if (!cuts.has(end) || blocked.has(end) || NO_LINE_START.test(next) || NO_LINE_END.test(current)) continue;
    units.push({ word: current, first: tagAt[start] ?? "x", last: tagAt[i] ?? "x" });
    current = "";
    start = end;
  }
  if (current) units.push({ word: current, first: tagAt[start] ?? "x", last: tagAt[chars.length - 1] ?? "x" });
  return units;
}

/** Options of {@link breakTitle}. */
export interface BreakTitleOptions {
  /** Width of a line in em of the title face. */
  lineEm: number;
  /** Width left on the last line (e.g. for a leader and page number); default `lineEm`. */
  lastLineEm?: number;
  /** `balanced` (GB/T 9704-2012 §7.3.1 排列对称: lines of about equal length) or `fill` (lines as full as they go, for the contents). */
  mode?: "balanced" | "fill";
  /** Terms never broken, e.g. the document's issuers. */
  terms?: readonly string[];
}

/**
 * Breaks a title into lines at word boundaries (GB/T 9704-2012 §7.3.1: 回行时，要做到词意完整，
 * 排列对称，长短适宜，间距恰当). Words come from {@link titleWords}: never inside a word, a
 * 发文字号, a 《》 title or a term (a 《》 title longer than a line breaks between its own words).
 * Among the fewest lines that fit (one more when the best of the fewest would split a likely term:
 * a break of {@link breakCost} 2 next to a one-character word), it picks the breaks of least
 * cost: the shape (`balanced`: longest minus shortest line, in em; `fill`: room left on the lines
 * before the last, a quarter em per em, and what a last line lacks of 6 em) plus 2 em per {@link breakCost} of each break.
 * @returns the lines, in order; joined they give the title unchanged.
 * @example breakTitle("乳山市人民政府关于印发市政府2019年工作要点的通知", { lineEm: 18 }) // ["乳山市人民政府关于印发","市政府2019年工作要点的通知"]
 */
export function breakTitle(title: string, options: BreakTitleOptions): string[] {
  return breakUnits(title, options, false) ?? breakUnits(title, options, true) ?? [title]; // a word longer than any line: left to the browser
}

function breakUnits(title: string, options: BreakTitleOptions, loose: boolean): string[] | undefined {
  const units = taggedWords(title, options.terms ?? [], loose);
  const words = units.map((u) => u.word);
  const widths = words.map(textWidthEm);
  const last = options.lastLineEm ?? options.lineEm;
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= last) return [title];
  const lineWidth = (from: number, to: number) => widths.slice(from, to).reduce((a, b) => a + b, 0);
  /** The least costly breaks into `lines` lines that fit; `worst` is 1 when one of them is likely inside a term. */
  const bestFor = (lines: number): { cost: number; worst: number; bounds: number[] } | undefined => {
    let best: { cost: number; worst: number; bounds: number[] } | undefined;
    for (const breaks of combinations(words.length - 1, lines - 1)) {
      const bounds = [0, ...breaks.map((b) => b + 1), words.length];
      const ws = bounds.slice(1).map((to, k) => lineWidth(bounds[k]!, to));
      if (ws.some((w, k) => w > (k === ws.length - 1 ? last : options.lineEm))) continue;
      const costs = bounds.slice(1, -1).map((b) => breakCost(units[b - 1]!.last, units[b]!.first));
      // A break of cost 2 next to a one-character word is most likely inside one term (城镇低|效用地: jieba cut 低效用地 as 低/效用/地).
      const inTerm = bounds.slice(1, -1).map((b, k) => (costs[k] === 2 && ([...units[b - 1]!.word].length === 1 || [...units[b]!.word].length === 1) ? 1 : 0));
      // balanced: lines of equal length; fill: every line but the last as full as it goes.
      const shape =
        options.mode === "fill"
          ? ws.slice(0, -1).reduce((sum, w) => sum + (options.lineEm - w), 0) / 4 + Math.max(0, SHORT_LAST_LINE_EM - ws.at(-1)!)
          : Math.max(...ws) - Math.min(...ws);
      const cost = shape + 2 * costs.reduce((a, b) => a + b, 0);
      if (!best || cost < best.cost) best = { cost, worst: Math.max(0, ...inTerm), bounds };
    }
    return best;
  };
  const toLines = (bounds: number[]) => bounds.slice(1).map((to, k) => words.slice(bounds[k]!, to).join(""));
  for (let lines = 2; lines <= Math.min(words.length, 6); lines++) {
    const best = bestFor(lines);
    if (!best) continue;
    // Fewest lines first; but one more line rather than a break inside a likely term (e.g. 低|效用).
    const more = best.worst > 0 && lines < Math.min(words.length, 6) ? bestFor(lines + 1) : undefined;
    return toLines(more && more.worst === 0 ? more.bounds : best.bounds);
  }
  return undefined;
}

/** Every increasing choice of `k` of the numbers 0 … n−1. */
function* combinations(n: number, k: number, start = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= n - k; i++) for (const rest of combinations(n, k - 1, i + 1)) yield [i, ...rest];
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The title as print HTML: the lines of {@link breakTitle}, escaped, joined by `<br>`. Only line
 * breaks are added, never text.
 * @example printTitleHtml("A<B", { lineEm: 18 }) // "A&lt;B"
 */
export function printTitleHtml(title: string, options: BreakTitleOptions): string {
  return breakTitle(title, options).map(escapeHtml).join("<br>");
}
