// Excerpts of results, built from the indexed text (browser-safe; no DOM here).
import { untokenise } from "../search/tokenise.ts";

/** A piece of an excerpt: text, marked when it is a match of the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ALNUM_RUN = /[\p{L}\p{N}]+/gu;
const LEADING = /^[^\p{L}\p{N}]+/u;

/**
 * The text of a result's body: the indexed content (tokens, see `indexContent`) from the word
 * `bodyAt` on, turned back into text (`untokenise`), so the title and document number that
 * precede it are never repeated in the excerpt.
 */
export function bodyText(content: string, bodyAt: number): string {
  const words = content.split(" ");
  return untokenise(words.slice(Math.max(0, bodyAt)).join(" ")).trim();
}

/**
 * An excerpt of `text` around the first match of the query: about `before` characters before
 * it and `length` in all, starting at a letter or digit (no leading punctuation), with "…" where
 * the text is cut, and every occurrence of each run of letters and digits of the query marked.
 * Without a match in the text (the query matched the title), the beginning of the text.
 * @param words the query's words (already Simplified; matched case-insensitively, letters and
 *   digits width-folded like the index).
 */
export function excerptParts(text: string, words: readonly string[], length = 80, before = 24): ExcerptPart[] {
  const lower = text.toLowerCase();
  const runs = [...new Set(words.flatMap((w) => w.normalize("NFKC").toLowerCase().match(ALNUM_RUN) ?? []))].sort((a, b) => b.length - a.length);
  const whole = words.map((w) => w.normalize("NFKC").toLowerCase()).filter((w) => w.length > 0);
  let at = -1;
  for (const w of [...whole, ...runs]) {
    const i = lower.indexOf(w);
    if (i >= 0 && (at < 0 || i < at)) at = i;
    if (at >= 0 && whole.includes(w)) break;
  }
  let start = at < 0 ? 0 : Math.max(0, at - before);
  const lead = LEADING.exec(text.slice(start, at < 0 ? undefined : at));
  if (lead) start += lead[0].length;
  const end = Math.min(text.length, start + length);
  const window = text.slice(start, end);
  const parts = markRuns(window, runs);
  if (start > 0) parts.unshift({ text: "…", mark: false });
  if (end < text.length) parts.push({ text: "…", mark: false });
  return mergeParts(parts);
}

/** Splits `text` into marked occurrences of `runs` (longest first, not overlapping) and plain text. */
function markRuns(text: string, runs: readonly string[]): ExcerptPart[] {
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const run of runs) {
    for (let i = lower.indexOf(run); i >= 0; i = lower.indexOf(run, i + run.length)) {
      if (marked.slice(i, i + run.length).some(Boolean)) continue;
      marked.fill(true, i, i + run.length);
    }
  }
  const parts: ExcerptPart[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = parts.at(-1);
    if (last && last.mark === marked[i]) last.text += text[i];
    else parts.push({ text: text[i]!, mark: marked[i]! });
  }
  return parts;
}

function mergeParts(parts: ExcerptPart[]): ExcerptPart[] {
  const out: ExcerptPart[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last && last.mark === p.mark) last.text += p.text;
    else if (p.text) out.push({ ...p });
  }
  return out;
}
