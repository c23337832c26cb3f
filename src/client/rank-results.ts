// Ordering and counting of loaded results; pure functions on Pagefind's result data.
import type { FilterCounts, PagefindResultData } from "./pagefind-api.ts";

/** The text of a result the word check reads: title, number, issuer and the indexed content. */
export function resultText(data: PagefindResultData): string {
  return `${data.meta.title ?? ""} ${data.meta.docNumber ?? ""} ${data.meta.issuer ?? ""} ${data.content}`;
}

/**
 * Reorders a loaded page of results (stable): documents containing more of the query's words
 * whole (an exact phrase, not just its segments) first, then those with more of them in the
 * title. Pagefind ranks by its segments' frequencies; a reader typing a phrase or a title word
 * expects the document that has it as written.
 */
export function rankWholeWordsFirst(results: PagefindResultData[], queryWordList: string[]): PagefindResultData[] {
  if (queryWordList.length === 0) return results;
  const score = (d: PagefindResultData) => {
    const text = resultText(d);
    const title = d.meta.title ?? "";
    return queryWordList.filter((w) => text.includes(w)).length * 100 + queryWordList.filter((w) => title.includes(w)).length;
  };
  return results
    .map((d, i) => ({ d, i, s: score(d) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.d);
}

/**
 * Filter counts of the results shown, from each result's own filters. Used for document-number
 * queries, whose Pagefind counts include every document sharing only the number's parts.
 */
export function countFilters(results: PagefindResultData[]): FilterCounts {
  const counts: FilterCounts = {};
  for (const d of results) {
    for (const [name, values] of Object.entries(d.filters ?? {})) {
      const byValue = (counts[name] ??= {});
      for (const v of values) byValue[v] = (byValue[v] ?? 0) + 1;
    }
  }
  return counts;
}
