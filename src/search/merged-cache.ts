import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { mergeCodeHash, mergeSearchBundles, readPagefindFile, type MergeOptions, type MergeReport } from "./merge-index.ts";
import { FACETS } from "./facets.ts";
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
 * must not write into `outDir`'s files in place (new files beside them are fine). A cached index
 * missing a file its metadata names, or whose metadata cannot be read (see {@link missingFiles}), is
 * merged again.
 * @param outDir emptied first.
 * @throws the merge's errors (nothing is cached then).
 */
export async function mergeWithCache(cacheDir: string, bundleHashes: readonly string[], outDir: string, options: MergeOptions): Promise<CachedMerge> {
  const name = mergedCacheName(bundleHashes, options.sortValues);
  const cached = path.join(cacheDir, name);
  let report: MergeReport | null = null;
  const reused = (await pathExists(path.join(cached, "pagefind-entry.json"))) && isComplete(cached);
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

/** Whether a cached merged index holds every file its metadata names; false also when its metadata cannot be read (it is then merged again, which replaces it). */
function isComplete(dir: string): boolean {
  try {
    return missingFiles(dir).length === 0;
  } catch (err) {
    if (err instanceof Error) return false;
    throw err;
  }
}

/**
 * Files a merged index's metadata names that are not in its folder: the metadata, `facets.json`,
 * every index chunk, filter file and fragment (relative paths; empty when complete). Reads only
 * the entry file, the metadata and the folder listings (about 50 ms at 20,000 pages).
 * @throws Error when the entry file or the metadata cannot be read or decoded.
 */
export function missingFiles(dir: string): string[] {
  const entry = JSON.parse(readFileSync(path.join(dir, "pagefind-entry.json"), "utf8")) as { languages?: Record<string, { hash: string }> };
  const present = new Set<string>();
  for (const sub of ["", "index", "filter", "fragment"]) {
    if (sub === "" || existsSync(path.join(dir, sub))) for (const name of readdirSync(path.join(dir, sub))) present.add(sub ? `${sub}/${name}` : name);
  }
  const wanted: string[] = [];
  for (const { hash } of Object.values(entry.languages ?? {})) {
    const metaFile = `pagefind.${hash}.pf_meta`;
    if (!present.has(metaFile)) return [metaFile];
    const meta = readPagefindFile(path.join(dir, metaFile)) as [string, [string, ...unknown[]][], [string, string, string][], [string, string][]];
    wanted.push(FACETS, ...meta[1].map(([h]) => `fragment/${h}.pf_fragment`), ...meta[2].map(([, , h]) => `index/${h}.pf_index`), ...meta[3].map(([, h]) => `filter/${h}.pf_filter`));
  }
  return wanted.filter((f) => !present.has(f));
}
