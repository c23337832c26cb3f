// The search itself: exact phrases through Pagefind, intersected and ranked (browser-safe, no DOM).
import { pagefindTerm, queryTokens } from "../search/tokenise.ts";
import type { FilterCounts, PagefindApi, PagefindResult, PagefindSearchOptions } from "./pagefind-api.ts";

/** What a search found: every document containing all the words, in order, and filter counts. */
export interface FoundDocuments {
  results: PagefindResult[];
  /** Counts of each filter value among `results` (exact for one word; for several, those of the word with fewest results). */
  filters: FilterCounts;
}

/**
 * Finds the documents containing every word of a query (words split on spaces), each word as
 * typed: one Pagefind phrase search per word over the project's tokens (`queryTokens`; a word of
 * one character is searched as a prefix, which every occurrence of a character starts), the
 * results intersected. Without a sort order, the results are ranked by Pagefind's relevance for
 * all the words' tokens together (an unquoted search: its results include every phrase match);
 * with one, they keep the order of the first word's sorted search. Deterministic: the same query
 * and options give the same list whatever was searched before.
 * @returns null when no word holds a letter or digit (nothing to search for).
 */
export async function findDocuments(pf: PagefindApi, words: readonly string[], options: PagefindSearchOptions): Promise<FoundDocuments | null> {
  const tokens = words.map(queryTokens);
  const terms = tokens.map(pagefindTerm).filter((t): t is string => t !== null);
  if (terms.length === 0) return null;
  const responses = await Promise.all([...new Set(terms)].map((t) => pf.search(t, options)));
  if (responses.some((r) => r === null)) return { results: [], filters: {} };
  const all = responses as NonNullable<(typeof responses)[number]>[];
  let results = all[0]!.results;
  for (const other of all.slice(1)) {
    const ids = new Set(other.results.map((r) => r.id));
    results = results.filter((r) => ids.has(r.id));
  }
  const narrowest = all.reduce((a, b) => (b.results.length < a.results.length ? b : a));
  if (!options.sort && results.length > 1 && !(terms.length === 1 && tokens.some((t) => t.prefix))) {
    const rankTerm = tokens.flatMap((t) => (t.prefix ? [t.prefix] : t.tokens)).join(" ");
    const ranked = await pf.search(rankTerm, { ...(options.filters ? { filters: options.filters } : {}) });
    const place = new Map((ranked?.results ?? []).map((r, i) => [r.id, i]));
    results = results
      .map((r, i) => ({ r, i, p: place.get(r.id) ?? Number.MAX_SAFE_INTEGER }))
      .sort((a, b) => a.p - b.p || a.i - b.i)
      .map((x) => x.r);
  }
  return { results, filters: all.length === 1 ? all[0]!.filters : narrowest.filters };
}
