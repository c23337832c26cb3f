/** One issue as the shard plan sees it. */
export interface ShardIssue {
  /** Issue folder key `YYYY-NN`. */
  key: string;
  /** Site URL of the issue, `/<year>/<number>/`; its document pages lie below it. */
  url: string;
  /** Listed documents of the issue (the pages Pagefind indexes). */
  documents: number;
}

/** One part of the search index: a separate Pagefind bundle over whole gazette issues. */
export interface SearchShard {
  /**
   * Name of the shard: `pagefind/` for the first (oldest), `pagefind/shards/<first issue key>/` for
   * the others (the bundles live in the shard cache and are merged into `/pagefind/`).
   */
  path: string;
  /** Issue keys, oldest first. */
  issues: string[];
  /** Issue URLs, oldest first. */
  urls: string[];
  documents: number;
}

/** Default largest number of documents in one shard (see README, "Large archives"). */
export const DEFAULT_SHARD_DOCUMENTS = 500;

/**
 * Splits the search index into shards of whole issues, oldest first: an issue joins the current
 * shard unless that would take it over `maxDocuments`, so each Pagefind run holds at most
 * `maxDocuments` documents (an issue larger than that gets a shard of its own). Adding issues at
 * the newest end changes only the last shard (or opens a new one); the older shards keep their
 * names and contents, so their index can be reused. Deterministic: the same issues always give
 * the same shards.
 * @param issues every issue of the site in any order (sorted here by key, oldest first).
 * @param maxDocuments largest number of documents in a shard (≥ 1); `Infinity` gives one index.
 * @returns shards, the first at `pagefind/`; an archive with no documents gives one empty shard.
 * @example planSearchShards([{ key: "2019-01", url: "/2019/1/", documents: 12 }], 1000)
 *   // → [{ path: "pagefind/", issues: ["2019-01"], urls: ["/2019/1/"], documents: 12 }]
 */
export function planSearchShards(issues: readonly ShardIssue[], maxDocuments: number = DEFAULT_SHARD_DOCUMENTS): SearchShard[] {
  if (!(maxDocuments >= 1)) throw new Error(`the shard size must be at least 1 document, got ${maxDocuments}`);
  const sorted = [...issues].filter((i) => i.documents > 0).sort((a, b) => a.key.localeCompare(b.key));
  const shards: SearchShard[] = [];
  for (const issue of sorted) {
    const last = shards.at(-1);
    if (last && last.documents + issue.documents <= maxDocuments) {
      last.issues.push(issue.key);
      last.urls.push(issue.url);
      last.documents += issue.documents;
    } else {
      shards.push({ path: shards.length === 0 ? "pagefind/" : `pagefind/shards/${issue.key}/`, issues: [issue.key], urls: [issue.url], documents: issue.documents });
    }
  }
  return shards.length > 0 ? shards : [{ path: "pagefind/", issues: [], urls: [], documents: 0 }];
}

/** Reads the shard size from `GAZETTE_SEARCH_SHARD_DOCUMENTS` (a whole number, or `all` for one index). */
export function shardDocumentsFromEnv(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_SHARD_DOCUMENTS;
  if (value === "all") return Infinity;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`GAZETTE_SEARCH_SHARD_DOCUMENTS must be a whole number of documents or "all", got "${value}"`);
  return n;
}
