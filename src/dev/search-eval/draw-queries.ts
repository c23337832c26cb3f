import type { EvalQuery } from "./queries.ts";

/** Kinds of queries drawn from the archive's own text by {@link drawQueries}. */
export const DRAWN_KINDS = ["title", "fragment", "phrase4", "compound", "nomatch"] as const;

/** One document as the draw sees it: its URL, title and plain text. */
export interface DrawSource {
  url: string;
  title: string;
  text: string;
}

const HAN_RUN = /\p{Script=Han}+/gu;

/** The first run of at least `min` Han characters starting at or after `from` in `text`, or null. */
function hanRunFrom(text: string, from: number, min: number): string | null {
  HAN_RUN.lastIndex = from;
  for (let m = HAN_RUN.exec(text); m; m = HAN_RUN.exec(text)) if (m[0].length >= min) return m[0];
  return null;
}

/**
 * Queries drawn by rule from every `every`-th document, so nobody picks them by hand:
 * - `title`: the whole title;
 * - `fragment`: 6 characters from the middle of the title's longest Han run (runs of 8 or more);
 * - `phrase4`: the first 4 characters of the first Han run of 4 or more from the middle of the text;
 * - `compound`: the first 5 characters of the first Han run of 5 or more from a third of the text;
 * - `nomatch`: a `phrase4` query reversed, kept only when no document's title or text contains it.
 * Expected documents are left empty: the evaluation judges every result by exact substring search.
 * @param contains true when some document of the archive contains the text (for `nomatch`).
 */
export function drawQueries(docs: readonly DrawSource[], every: number, contains: (q: string) => boolean): EvalQuery[] {
  const out: EvalQuery[] = [];
  const add = (kind: (typeof DRAWN_KINDS)[number], q: string | null) => {
    if (q && !out.some((o) => o.kind === kind && o.q === q)) out.push({ kind, form: "", q, expected: [] });
  };
  for (let i = 0; i < docs.length; i += Math.max(1, every)) {
    const d = docs[i]!;
    add("title", d.title);
    const runs = d.title.match(HAN_RUN) ?? [];
    const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), "");
    if (longest.length >= 8) {
      const start = Math.floor(longest.length / 2) - 3;
      add("fragment", longest.slice(start, start + 6));
    }
    const phrase = hanRunFrom(d.text, Math.floor(d.text.length / 2), 4)?.slice(0, 4) ?? null;
    add("phrase4", phrase);
    add("compound", hanRunFrom(d.text, Math.floor(d.text.length / 3), 5)?.slice(0, 5) ?? null);
    const reversed = phrase ? [...phrase].reverse().join("") : null;
    if (reversed && !contains(reversed)) add("nomatch", reversed);
  }
  return out;
}
