import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { collectGarbage, pathExists } from "../util/index.ts";
import { timePhase } from "../util/phase-times.ts";
import { indexRecords } from "./index-records.ts";
import { shardRecordsFile } from "./records.ts";
import type { SearchShard } from "./shard-plan.ts";

/** What one build of the search index did. */
export interface IndexReport {
  /** Documents in the index (all shards). */
  pages: number;
  /** Folder of the first shard (`<site>/pagefind`); the others lie below it in `shards/`. */
  outputPath: string;
  /** Shards indexed by Pagefind in this build, by path. */
  indexed: string[];
  /** Shards taken from the cache (their records, Pagefind and the tokeniser did not change), by path. */
  reused: string[];
}

/** Options of {@link buildSearchIndex}. */
export interface IndexOptions {
  /** The shards (see `planSearchShards`). */
  shards: readonly SearchShard[];
  /** Folder of the shards' search records (`writeShardRecords`). */
  records: string;
  /**
   * The published output folder (`_site/` while building into a staging folder, or `siteDir`
   * itself under `npm start`); the index cache lies beside it (see {@link searchCacheDir}). Omit to
   * use `siteDir`.
   */
  previousDir?: string;
  /** Folder of the index cache; default {@link searchCacheDir} of `previousDir`. */
  cacheDir?: string;
  /**
   * Work of the caller's that may run while Pagefind indexes (its service is a process of its own): started with
   * the indexing and awaited with it. `buildSite` writes the site's assets and completes the print views there.
   */
  alongside?: () => Promise<unknown>;
}

/** The manifest written to `<site>/pagefind/shards.json`: what each shard holds and its content hash. */
export interface ShardManifest {
  pagefind: string;
  shards: { path: string; documents: number; hash: string }[];
}

/** Source files whose code decides the index's words: a change to them makes the cached index stale. */
const TOKENISER_FILES = ["tokenise.ts", "plain-text.ts", "record-content.ts", "index-records.ts"];

/**
 * The index cache of an output folder: `.<name>-search/` beside it (`_site` → `._site-search`), a
 * dot-folder so it stays out of the published site and of git.
 */
export function searchCacheDir(outputDir: string): string {
  const resolved = path.resolve(outputDir);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}-search`);
}

/**
 * Builds the Pagefind search index of a site from the search records of the site model (see
 * `SearchRecord`; never from built pages): one Pagefind bundle per shard of whole issues
 * (`planSearchShards`), the first at `<site>/pagefind/`, the others at
 * `<site>/pagefind/shards/<first issue>/`; the search page loads the first and adds the others
 * with Pagefind's own multisite search (`mergeIndex`). Pagefind holds every page of a run in
 * memory (about 1.3 MB per document of regulation text), so one run per shard bounds its memory;
 * each shard is indexed through Pagefind's Node API (Pagefind 1.6, pinned) by `indexRecords`,
 * which closes Pagefind's service when the shard is written. The text is tokenised by the project
 * (`indexContent`: character bigrams, language `en`), the same code the search page uses for
 * queries. Shard bundles are kept in a cache beside the output (`<cache>/<SHA-256 of the Pagefind
 * version, the tokeniser's code and the shard's records>/`), so a build indexes only shards whose
 * records changed; other cache entries are removed.
 * @throws Error with Pagefind's own messages (or a record's, e.g. a text over the size limit) when
 *   indexing fails, so a failed index fails the build instead of shipping a site whose search is broken.
 */
export async function buildSearchIndex(siteDir: string, options: IndexOptions): Promise<IndexReport> {
  const cacheDir = options.cacheDir ?? searchCacheDir(options.previousDir ?? siteDir);
  await mkdir(cacheDir, { recursive: true });
  const keys = await timePhase("search records hash", () => Promise.all(options.shards.map((_, i) => indexKey(shardRecordsFile(options.records, i)))));
  const bundles = keys.map((k) => path.join(cacheDir, k.hash));
  const reused: string[] = [];
  const todo: number[] = [];
  for (const [i, shard] of options.shards.entries()) {
    if (await pathExists(bundles[i]!)) reused.push(shard.path);
    else todo.push(i);
  }
  const alongside = options.alongside?.();
  const indexing = (async () => {
    for (const i of todo) await indexInto(shardRecordsFile(options.records, i), bundles[i]!);
  })();
  // Both settle before anything else happens (a failure of one must not leave the other running).
  const failed = (await Promise.allSettled([indexing, alongside])).find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
  const out = path.join(siteDir, "pagefind");
  await rm(out, { recursive: true, force: true });
  for (const [i, shard] of options.shards.entries()) await linkTree(bundles[i]!, path.join(siteDir, shard.path));
  const keep = new Set(keys.map((k) => k.hash));
  for (const name of await readdir(cacheDir)) if (!keep.has(name.replace(/\.urls\.json$/u, ""))) await rm(path.join(cacheDir, name), { recursive: true, force: true });
  const manifest: ShardManifest = { pagefind: pagefindVersion(), shards: options.shards.map((s, i) => ({ path: s.path, documents: keys[i]!.records, hash: keys[i]!.hash })) };
  await writeFile(path.join(out, "shards.json"), `${JSON.stringify(manifest, null, 1)}\n`);
  return { pages: keys.reduce((n, k) => n + k.records, 0), outputPath: out, indexed: todo.map((i) => options.shards[i]!.path), reused };
}

/**
 * Resident memory of the build process (bytes) above which the garbage of an indexed shard is
 * collected before the next (`collectGarbage`, with `--expose-gc`). Pagefind's service for one
 * shard takes up to about 0.9 GB, so the two together stay under 2 GB (see README, "Large archives").
 */
const GARBAGE_ABOVE_BYTES = 700 * 2 ** 20;

/** Indexes the records into `bundle` (written under a temporary name, renamed when complete). */
async function indexInto(records: string, bundle: string): Promise<void> {
  const partial = `${bundle}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  const { errors, urls } = await indexRecords(records, partial);
  // The shard's records, Markdown tokens and texts are garbage now. Collected before the next shard
  // starts Pagefind's service, they do not add to its memory (the build's peak); a collection takes
  // a fraction of a second, so only when this process has grown past GARBAGE_ABOVE_BYTES.
  if (process.memoryUsage().rss > GARBAGE_ABOVE_BYTES) collectGarbage();
  if (errors.length > 0) {
    await rm(partial, { recursive: true, force: true });
    throw new Error(`检索索引未能建立（Pagefind）：${errors.slice(0, 5).join("；")}${errors.length > 5 ? `（另有 ${errors.length - 5} 处）` : ""}`);
  }
  await rename(partial, bundle);
  await writeFile(`${bundle}.urls.json`, `${JSON.stringify(urls)}\n`);
}

/**
 * The document URLs in the search index of a site, shard by shard (from the list kept beside each
 * cached shard bundle; for tests and checks, read without touching Pagefind's files).
 */
export async function indexedUrls(siteDir: string, cacheDir = searchCacheDir(siteDir)): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(siteDir, "pagefind", "shards.json"), "utf8")) as ShardManifest;
  const lists = await Promise.all(manifest.shards.map(async (s) => JSON.parse(await readFile(path.join(cacheDir, `${s.hash}.urls.json`), "utf8")) as string[]));
  return lists.flat();
}

/** SHA-256 of the Pagefind version, the tokeniser's code and the records file; and the number of records. */
async function indexKey(records: string): Promise<{ hash: string; records: number }> {
  const hash = createHash("sha256").update(`pagefind ${pagefindVersion()}\n`);
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const file of TOKENISER_FILES) await hashFile(hash, path.join(here, file));
  let lines = 0;
  await hashFile(hash, records, (chunk) => {
    for (const byte of chunk) if (byte === 10) lines++;
  });
  return { hash: hash.digest("hex"), records: lines };
}

function hashFile(hash: ReturnType<typeof createHash>, file: string, each?: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    createReadStream(file)
      .on("data", (chunk) => {
        const buffer = chunk as Buffer;
        hash.update(buffer);
        each?.(buffer);
      })
      .on("error", reject)
      .on("end", () => resolve());
  });
}

/** Hard-links every file of `from` into `to` (a copy where the file system cannot link). */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else await link(source, target).catch(() => copyFile(source, target));
  }
}

/** Version of the installed `pagefind` package (its package.json lies beside `lib/`, which is not exported). */
export function pagefindVersion(): string {
  const require = createRequire(import.meta.url);
  const main = fileURLToPath(import.meta.resolve("pagefind"));
  const pkg = path.join(main.slice(0, main.lastIndexOf(`${path.sep}lib${path.sep}`)), "package.json");
  return (require(pkg) as { version: string }).version;
}
