/**
 * Filter counts of the search page, computed from `pagefind/facets.json` (written by
 * `mergeSearchBundles`) instead of by Pagefind. Pagefind 1.6 counts each filter value among the
 * results with a list lookup per page (`pages.iter().filter(|p| results.contains(p))`), which is
 * quadratic: at 20,000 documents a query matching most pages spends about 0.35 s per filter
 * loaded. Here counting is linear in the number of results. Browser-safe (no Node imports).
 */

/** Name of the facets file in the merged index folder. */
export const FACETS = "facets.json";

/**
 * `pagefind/facets.json`: each filter's values with their pages (page numbers of the merged
 * index, delta-encoded, ascending).
 */
export interface SearchFacets {
  /** Pages in the index. */
  pages: number;
  /** Filter name → `[value, page-number deltas]` in value order. */
  filters: Record<string, [string, number[]][]>;
}

/** Filter name → value → number of pages. */
export type FacetCounts = Record<string, Record<string, number>>;

/** {@link SearchFacets} turned around: for each filter, the values of each page. */
export interface FacetIndex {
  pages: number;
  /** Filter name → values (in order) and, per page, the indexes of its values. */
  filters: { name: string; values: string[]; ofPage: number[][] }[];
  /** Counts over all pages. */
  totals: FacetCounts;
}

/**
 * The page number of a result of a merged index, from its id (the fragment name
 * `<language>_<page number in base 36>_<Pagefind's hash>` given by `mergeSearchBundles`), or -1
 * for another form.
 * @example pageNumberOf("zh-cn_1b_214ff7b") // → 47
 */
export function pageNumberOf(id: string): number {
  const m = /^[^_]+_([0-9a-z]+)_[0-9a-f]+$/u.exec(id);
  return m ? parseInt(m[1]!, 36) : -1;
}

/**
 * Builds the per-page lookup of a facets file.
 * @throws Error when a page number falls outside `pages`.
 */
export function indexFacets(facets: SearchFacets): FacetIndex {
  const filters: FacetIndex["filters"] = [];
  const totals: FacetCounts = {};
  for (const [name, entries] of Object.entries(facets.filters)) {
    const ofPage: number[][] = Array.from({ length: facets.pages }, () => []);
    const counts: Record<string, number> = {};
    entries.forEach(([value, deltas], v) => {
      let page = 0;
      for (const d of deltas) {
        page += d;
        const list = ofPage[page];
        if (!list) throw new Error(`facets.json: page ${page} of ${name} = ${value} is outside the index (${facets.pages} pages)`);
        list.push(v);
      }
      counts[value] = deltas.length;
    });
    filters.push({ name, values: entries.map(([value]) => value), ofPage });
    totals[name] = counts;
  }
  return { pages: facets.pages, filters, totals };
}

/** Counts each filter value among `pages` (page numbers, see {@link pageNumberOf}; unknown ones are skipped). */
export function countFacets(index: FacetIndex, pages: readonly number[]): FacetCounts {
  const out: FacetCounts = {};
  for (const { name, values, ofPage } of index.filters) {
    const counts = new Array<number>(values.length).fill(0);
    for (const p of pages) for (const v of ofPage[p] ?? []) counts[v]! += 1;
    const byValue: Record<string, number> = {};
    values.forEach((value, v) => (byValue[value] = counts[v]!));
    out[name] = byValue;
  }
  return out;
}
