/** The part of Pagefind's browser JS API (`/pagefind/pagefind.js`, Pagefind 1.6) that we use. */

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  /** Relevance, or for a sorted search the page's rank in that order. */
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Counts of each filter value among the results of this search. */
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface PagefindSearchOptions {
  filters?: Record<string, { any: string[] } | string>;
  sort?: Record<string, "asc" | "desc">;
}

export interface PagefindApi {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindResponse | null>;
  debouncedSearch: (term: string | null, options?: PagefindSearchOptions, ms?: number) => Promise<PagefindResponse | null>;
}

/** Root URL of the site, from the URL of this bundle (`<root>/assets/search.js`), so a path prefix works. */
export function siteRoot(moduleUrl: string): URL {
  return new URL("../", moduleUrl);
}

/**
 * Loads Pagefind's JS API from `<root>/pagefind/pagefind.js`: one index for the whole archive
 * (built in shards and merged at build time, see `buildSearchIndex`); result URLs get the site's
 * path prefix (`baseUrl`).
 */
export async function loadPagefind(root: URL): Promise<PagefindApi> {
  const url = new URL("pagefind/pagefind.js", root).href;
  const pagefind = (await import(/* webpackIgnore: true */ url)) as PagefindApi;
  await pagefind.options({ baseUrl: root.pathname, highlightParam: "highlight", excerptLength: 40 });
  await pagefind.init();
  return pagefind;
}
