import { createHash } from "node:crypto";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { mergeCodeHash, mergeSearchBundles, type MergeOptions, type MergeReport } from "./merge-index.ts";
import { linkTree, pathExists } from "../util/index.ts";

/** What {@link mergeWithCache} did. */
export interface CachedMerge {
  /** The merged index's folder name in the cache (keep it when pruning the cache). */
  name: string;
  /** True when the merged index was taken from the cache (no merge ran). */
  reused: boolean;
  /** The merge's report; null when reused. */
  report: MergeReport | null;
}

/**
 * The name of a merged index in the shard cache: `merged-<SHA-256>` over the merge code
 * ({@link mergeCodeHash}: any change to it, its chunk size or gzip level gives new names), the
 * bundles' cache names in order and every page's sort values (by URL, in code-unit order). The
 * bundles' names are content hashes of everything Pagefind indexed (`buildSearchIndex`), so a
 * changed page, a new or removed shard or a new date order each give a new name: an index merged
 * from other inputs is never found under it.
 * @param bundleHashes the bundles' folder names in the cache, in page order (oldest shard first).
 * @param sortValues the sort values given to the merge (see `MergeOptions`).
 */
export function mergedCacheName(bundleHashes: readonly string[], sortValues: MergeOptions["sortValues"]): string {
  const hash = createHash("sha256").update(`merge ${mergeCodeHash()}\n`);
  for (const h of bundleHashes) hash.update(`bundle ${h}\n`);
  for (const url of [...sortValues.keys()].sort()) {
    const values = sortValues.get(url)!;
    hash.update(`${JSON.stringify(url)} ${JSON.stringify(Object.keys(values).sort().map((k) => [k, values[k]]))}\n`);
  }
  return `merged-${hash.digest("hex")}`;
}

/**
 * Writes the merged search index of the bundles `bundleHashes` (folders of `cacheDir`) to `outDir`
 * as hard links to a merged index kept in the cache under {@link mergedCacheName}. Only when the
 * cache has none does `mergeSearchBundles` run (into a temporary folder renamed into place when
 * complete), so a build whose shards and sort values did not change gets its index for the cost of
 * linking its files. Files of the cached index are never written again after the rename; callers
 * must not write into `outDir`'s files in place (new files beside them are fine).
 * @param outDir emptied first.
 * @throws the merge's errors (nothing is cached then).
 */
export async function mergeWithCache(cacheDir: string, bundleHashes: readonly string[], outDir: string, options: MergeOptions): Promise<CachedMerge> {
  const name = mergedCacheName(bundleHashes, options.sortValues);
  const cached = path.join(cacheDir, name);
  let report: MergeReport | null = null;
  const reused = await pathExists(path.join(cached, "pagefind-entry.json"));
  if (!reused) {
    const partial = `${cached}.partial-${process.pid}`;
    try {
      report = await mergeSearchBundles(bundleHashes.map((h) => path.join(cacheDir, h)), partial, options);
      await rm(cached, { recursive: true, force: true });
      await rename(partial, cached);
    } catch (err) {
      await rm(partial, { recursive: true, force: true });
      throw err;
    }
  }
  await rm(outDir, { recursive: true, force: true });
  linkTree(cached, outDir);
  return { name, reused, report };
}
