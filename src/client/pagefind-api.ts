import { INDEX_LANGUAGE } from "../search/tokenise.ts";

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
  /** Relevance, or for a sorted search the rank within its index (see `shardSortWeights`). */
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

/** Pagefind's module (`pagefind.js`): the default instance's functions and `createInstance`. */
interface PagefindModule extends PagefindApi {
  createInstance: (options: Record<string, unknown>) => PagefindApi;
}

export interface PagefindApi {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (indexPath: string, options?: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindResponse | null>;
  debouncedSearch: (term: string | null, options?: PagefindSearchOptions, ms?: number) => Promise<PagefindResponse | null>;
}


/** Root URL of the site, from the URL of this bundle (`<root>/assets/search.js`), so a path prefix works. */
export function siteRoot(moduleUrl: string): URL {
  return new URL("../", moduleUrl);
}

/** The shards of the search index other than the first, from `data-index-shards` (paths relative to the site root, space-separated). */
export function indexShards(attribute: string | null | undefined): string[] {
  return (attribute ?? "").split(/\s+/u).filter(Boolean);
}

/**
 * Weight of shard `i` (0 = oldest) in a search sorted by date across shards: `base`^i, `base`
 * larger than any shard's number of documents. Pagefind merges the results of merged indexes by
 * score only, and the score of a sorted result is its place among all the pages of its own index
 * in that order (Pagefind 1.6, measured: `desc` gives the first of n pages n − 1 … the last 0;
 * `asc` gives 0, −1 … −(n − 1)), so the weights keep each shard's results together in their own
 * order; {@link orderShardedResults} then puts the shards in date order and a result scoring 0
 * (the last page of its shard for `desc`, the first for `asc`) in its place.
 * @example shardSortWeights(3, 1000) // → [1, 1000, 1000000]
 */
export function shardSortWeights(count: number, base: number): number[] {
  return Array.from({ length: count }, (_, i) => base ** i);
}

/**
 * Orders the results of a sorted search over weighted shards (see {@link shardSortWeights}) by
 * date: `desc` newest shard first, `asc` oldest first (shards hold consecutive issues). A result
 * scoring 0 cannot be placed from its score; `shardOfZero` gives the shard of each (the caller
 * reads the result's URL, see {@link shardOfUrl}); there is at most one a shard.
 * @param results Pagefind's merged results, by score descending.
 * @param count number of shards; `base` as given to `shardSortWeights`.
 * @param shardOfZero shard index of each 0-scored result, in their order (needed when there are any).
 * @throws Error when 0-scored results have no shard given.
 */
export function orderShardedResults<T extends { score: number }>(results: readonly T[], count: number, base: number, direction: "asc" | "desc", shardOfZero: readonly number[] = []): T[] {
  const { blocks, zero } = splitShards(results, count, base);
  if (shardOfZero.length !== zero.length) throw new Error(`the shards of ${zero.length} results scored 0 are needed to order them`);
  zero.forEach((r, k) => (direction === "desc" ? blocks[shardOfZero[k]!]!.push(r) : blocks[shardOfZero[k]!]!.unshift(r)));
  return (direction === "desc" ? blocks.reverse() : blocks).flat();
}

function splitShards<T extends { score: number }>(results: readonly T[], count: number, base: number): { blocks: T[][]; zero: T[] } {
  const blocks: T[][] = Array.from({ length: count }, () => []);
  const zero: T[] = [];
  // Within a block, Pagefind's merge already gives the shard's own sorted order.
  for (const r of results) {
    const magnitude = Math.abs(r.score);
    if (magnitude === 0) zero.push(r);
    else blocks[Math.min(count - 1, Math.max(0, Math.floor(Math.log(magnitude) / Math.log(base) + 1e-9)))]!.push(r);
  }
  return { blocks, zero };
}

/**
 * The shard (0 = first) holding a document URL `<prefix><year>/<number>/<slug>/`: shards hold
 * consecutive issues and each shard after the first is named by its first issue
 * (`pagefind/shards/<YYYY-NN>/`), so it is the last shard whose first issue is not after the URL's.
 */
export function shardOfUrl(url: string, shards: readonly string[], prefix = "/"): number {
  const m = /^(\d{4})\/(\d+)\//u.exec(url.startsWith(prefix) ? url.slice(prefix.length) : url.replace(/^\//u, ""));
  if (!m) return 0;
  const key = `${m[1]}-${m[2]!.padStart(2, "0")}`;
  let shard = 0;
  shards.forEach((s, i) => {
    const first = /shards\/([^/]+)\/$/u.exec(s)?.[1];
    if (first && first <= key) shard = i + 1;
  });
  return shard;
}

/**
 * Loads Pagefind's JS API from `<root>/pagefind/pagefind.js` (the first shard of the index) and
 * merges the other shards (`pagefind/shards/<key>/`, see `planSearchShards`) so one search covers
 * the whole archive; result URLs get the site's path prefix (`baseUrl`). Searches sorted by date
 * across several shards go to a second instance (created on first use, Pagefind's wasm already
 * cached) whose shards are weighted by {@link shardSortWeights}, because the default instance
 * would interleave the shards by score.
 * @param shardBase larger than the number of documents in any shard (`data-index-shard-base`).
 */
export async function loadPagefind(root: URL, shards: readonly string[] = [], shardBase = 1): Promise<PagefindApi> {
  const url = new URL("pagefind/pagefind.js", root).href;
  const pagefind = (await import(/* webpackIgnore: true */ url)) as PagefindModule;
  const options = { baseUrl: root.pathname, highlightParam: "highlight", excerptLength: 40 };
  // The index's language (not the page's zh-CN): Pagefind then leaves our query tokens as they are
  // instead of cutting them again with the browser's Intl.Segmenter (see src/search/tokenise.ts).
  await pagefind.options({ ...options, language: INDEX_LANGUAGE });
  await pagefind.init();
  await Promise.all(shards.map((s) => pagefind.mergeIndex(new URL(s, root).pathname, { ...options, language: INDEX_LANGUAGE })));
  if (shards.length === 0) return pagefind;
  const sorted = new Map<string, Promise<PagefindApi>>();
  const sortedInstance = (direction: "asc" | "desc"): Promise<PagefindApi> => {
    let ready = sorted.get(direction);
    if (!ready) {
      ready = (async () => {
        const weights = shardSortWeights(shards.length + 1, shardBase);
        const instance = pagefind.createInstance({ basePath: new URL("pagefind/", root).pathname, ...options, language: INDEX_LANGUAGE, indexWeight: weights[0] });
        await instance.init();
        await Promise.all(shards.map((s, i) => instance.mergeIndex(new URL(s, root).pathname, { ...options, language: INDEX_LANGUAGE, indexWeight: weights[i + 1] })));
        return instance;
      })();
      sorted.set(direction, ready);
    }
    return ready;
  };
  const directionOf = (o?: PagefindSearchOptions) => (o?.sort ? Object.values(o.sort)[0] : undefined);
  const count = shards.length + 1;
  const reorder = async (response: PagefindResponse | null, direction: "asc" | "desc"): Promise<PagefindResponse | null> => {
    if (!response) return null;
    // At most one result a shard scores 0; its fragment tells its URL, hence its shard.
    const zero = response.results.filter((r) => r.score === 0);
    const shardOfZero = await Promise.all(zero.map(async (r) => shardOfUrl((await r.data()).url, shards, root.pathname)));
    return { ...response, results: orderShardedResults(response.results, count, shardBase, direction, shardOfZero) };
  };
  return {
    ...pagefind,
    search: async (term, o) => {
      const direction = directionOf(o);
      return direction ? reorder(await (await sortedInstance(direction)).search(term, o), direction) : pagefind.search(term, o);
    },
    debouncedSearch: async (term, o, ms) => {
      const direction = directionOf(o);
      return direction ? reorder(await (await sortedInstance(direction)).debouncedSearch(term, o, ms), direction) : pagefind.debouncedSearch(term, o, ms);
    },
  };
}
