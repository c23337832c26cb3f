import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fork } from "node:child_process";
import { mergeWithCache } from "./merged-cache.ts";
import { writePageUrls } from "./merge-index.ts";
import type { SearchShard } from "./shard-plan.ts";
import { mapLimit, pathExists } from "../util/index.ts";
import { timePhase } from "../build/phase-times.ts";

/** What one build of the search index did. */
export interface IndexReport {
  /** Pages in the index (all shards). */
  pages: number;
  /** Folder of the merged index (`<site>/pagefind`). */
  outputPath: string;
  /** Shards indexed by Pagefind in this build, by path. */
  indexed: string[];
  /** Shards taken from the shard cache (their pages did not change), by path. */
  reused: string[];
  /** True when the merged index was taken from the cache too (no shard and no sort value changed; see `mergeWithCache`). */
  mergeReused: boolean;
}

/** Options of {@link buildSearchIndex}. */
export interface IndexOptions {
  /** The shards (see `planSearchShards`); their pages must already be in `siteDir`. */
  shards: readonly SearchShard[];
  /**
   * The published output folder (`_site/` while building into a staging folder, or `siteDir`
   * itself under `npm start`); the shard cache lies beside it (see {@link shardCacheDir}). Omit to
   * use `siteDir`.
   */
  previousDir?: string;
  /** Folder of the shard cache; default {@link shardCacheDir} of `previousDir`. */
  cacheDir?: string;
  /** Shards indexed at the same time, each by a Pagefind service in its own process; default {@link searchJobsFromEnv}. */
  jobs?: number;
  /**
   * Work of the caller's that may run while Pagefind's child processes index (they keep about 1.3
   * of 2 cores busy and this process waits): started with the indexing, awaited before the merge,
   * which needs this process to itself. `buildSite` writes the site's assets and completes the print views there.
   */
  alongside?: () => Promise<unknown>;
}

/** The manifest written to `<site>/pagefind/shards.json`: what each shard holds and its content hash. */
export interface ShardManifest {
  pagefind: string;
  shards: { path: string; documents: number; hash: string }[];
}

const MANIFEST = "pagefind/shards.json";

/**
 * The shard cache of an output folder: `.<name>-search-shards/` beside it (`_site` →
 * `._site-search-shards`), a dot-folder so it stays out of the published site and of git.
 */
export function shardCacheDir(outputDir: string): string {
  const resolved = path.resolve(outputDir);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}-search-shards`);
}

/**
 * Builds the Pagefind search index of a built site in shards and merges them into one index at
 * `<site>/pagefind/`. Each shard (whole gazette issues, see `planSearchShards`) is indexed through
 * Pagefind's Node API (Pagefind 1.6, pinned) by its own Pagefind service in a child process
 * (`index-worker.ts`), which exits when the shard is written, so Pagefind's memory is bounded by
 * the shard size (about 1.4 GB per 1,000 documents with Chinese segmentation) instead of growing
 * with the archive; `jobs` shards are indexed at the same time. Shard bundles are kept in a
 * content-addressed cache (`<cache>/<SHA-256 of the Pagefind version, the shard's path and every
 * document page's path and bytes>/`), so a build re-indexes only shards whose pages changed; cache
 * entries no longer planned are removed. `mergeSearchBundles` then writes the one index Pagefind
 * would have written for all pages, so ranking uses the statistics of the whole archive and the
 * browser loads one metadata file; the merged index is kept in the cache too (`mergeWithCache`),
 * so a build whose shards and sort values are unchanged links it instead of merging again. Only pages with `data-pagefind-body` (document pages) are
 * indexed; the language comes from `<html lang="zh-CN">`, which turns on Pagefind's Chinese
 * segmentation.
 * @throws Error with Pagefind's own messages when a run fails, or the merge's message, so a failed
 *   index fails the build instead of shipping a site whose search is broken.
 */
export async function buildSearchIndex(siteDir: string, options: IndexOptions): Promise<IndexReport> {
  const version = pagefindVersion();
  const cacheDir = options.cacheDir ?? shardCacheDir(options.previousDir ?? siteDir);
  await mkdir(cacheDir, { recursive: true });
  const sortValues = new Map<string, Record<string, string>>();
  // One shard after another: every document page is read here, and Node should not hold them all at once.
  const hashes: string[] = [];
  await timePhase("search shard hashes", async () => {
    for (const shard of options.shards) hashes.push(await shardHash(siteDir, shard, version, sortValues));
  });
  const reused: string[] = [];
  const toIndex: { shard: SearchShard; bundle: string }[] = [];
  for (const [i, shard] of options.shards.entries()) {
    const bundle = path.join(cacheDir, hashes[i]!);
    if (await pathExists(path.join(bundle, "pagefind-entry.json"))) reused.push(shard.path);
    else toIndex.push({ shard, bundle });
  }
  const alongside = options.alongside?.();
  const indexing = mapLimit(toIndex, options.jobs ?? searchJobsFromEnv(process.env.GAZETTE_SEARCH_JOBS), ({ shard, bundle }) => indexShard(siteDir, shard, bundle));
  // Both settle before anything else happens (a failure of one must not leave the other running).
  const failed = (await Promise.allSettled([indexing, alongside])).find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
  const indexed = toIndex.map((t) => t.shard.path);
  const out = path.join(siteDir, "pagefind");
  const merged = await timePhase("search merge", () => mergeWithCache(cacheDir, hashes, out, { sortValues }));
  await pruneCache(cacheDir, new Set([...hashes, merged.name]));
  const manifest: ShardManifest = { pagefind: version, shards: options.shards.map((s, i) => ({ path: s.path, documents: s.documents, hash: hashes[i]! })) };
  await writeFile(path.join(siteDir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  return { pages: options.shards.reduce((n, s) => n + s.documents, 0), outputPath: out, indexed, reused, mergeReused: merged.reused };
}

/** Version of the installed `pagefind` package (its package.json lies beside `lib/`, which is not exported). */
function pagefindVersion(): string {
  const require = createRequire(import.meta.url);
  const main = fileURLToPath(import.meta.resolve("pagefind"));
  const pkg = path.join(main.slice(0, main.lastIndexOf(`${path.sep}lib${path.sep}`)), "package.json");
  return (require(pkg) as { version: string }).version;
}

/** The glob of a shard's document pages, relative to the site: `{2019/1,2019/2}/*\/index.html`. */
export function shardGlob(shard: Pick<SearchShard, "urls">): string {
  const dirs = shard.urls.map((u) => u.replace(/^\/|\/$/gu, ""));
  if (dirs.length === 0) return "__no-documents__/index.html";
  return `${dirs.length === 1 ? dirs[0] : `{${dirs.join(",")}}`}/*/index.html`;
}

/** Indexes one shard into `bundle` (written under a temporary name, renamed when complete). */
async function indexShard(siteDir: string, shard: SearchShard, bundle: string): Promise<void> {
  const partial = `${bundle}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  const errors = await indexInChild(siteDir, shardGlob(shard), partial);
  if (errors.length > 0) {
    await rm(partial, { recursive: true, force: true });
    throw new Error(`Pagefind failed to index ${shard.path} (${shard.documents} documents): ${errors.join("; ")}`);
  }
  await writePageUrls(partial);
  await rm(bundle, { recursive: true, force: true });
  await rename(partial, bundle);
}

const WORKER = fileURLToPath(new URL("./index-worker.ts", import.meta.url));

/**
 * Indexes the pages of `siteDir` matching `glob` into a Pagefind bundle at `outputPath`, by
 * `index-worker.ts` in a child Node process (same loader flags as this one).
 * @returns Pagefind's errors (empty on success), or why the worker stopped; never rejects.
 */
export function indexInChild(siteDir: string, glob: string, outputPath: string): Promise<string[]> {
  return new Promise((resolve) => {
    const child = fork(WORKER, [siteDir, glob, outputPath], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
    let answer: string[] | null = null;
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on("message", (m: { errors?: string[] }) => (answer = Array.isArray(m.errors) ? m.errors : ["unexpected answer from the index worker"]));
    child.on("error", (err) => resolve([err.message]));
    child.on("exit", (code, signal) => resolve(answer ?? [`the index worker stopped (${signal ?? `exit code ${code}`})${stderr ? `: ${stderr.trim()}` : ""}`]));
  });
}

/**
 * Number of shards indexed at the same time: `GAZETTE_SEARCH_JOBS` (a whole number ≥ 1), else 1.
 * Each Pagefind run holds up to about 0.9 GB for a shard of 500 documents of regulation text and
 * keeps about 1.3 cores busy, so on the 2-core, 2 GB target of `npm run bench` two runs at once
 * raised the peak at 20,000 documents from 1.9 GB to 2.6 GB without a faster build; machines
 * with more cores and memory can set more.
 * @throws Error when `GAZETTE_SEARCH_JOBS` is not a whole number ≥ 1.
 */
export function searchJobsFromEnv(value: string | undefined): number {
  if (value === undefined || value === "") return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`GAZETTE_SEARCH_JOBS must be a whole number ≥ 1, got "${value}"`);
  return n;
}

/**
 * SHA-256 over the Pagefind version, the shard's path and every document page (path and bytes), in
 * sorted order; records each page's `data-pagefind-sort` values in `sortValues` (by URL) for the merge.
 */
async function shardHash(siteDir: string, shard: SearchShard, version: string, sortValues: Map<string, Record<string, string>>): Promise<string> {
  const hash = createHash("sha256").update(`pagefind ${version}\n${shard.path}\n`);
  for (const url of shard.urls) {
    const dir = path.join(siteDir, url);
    const slugs = (await readdirOrEmpty(dir)).sort();
    // One issue's pages read at once (the disk, not the CPU, is the limit); hashed in order.
    const pages = await mapLimit(slugs, 16, (slug) => readIfExists(path.join(dir, slug, "index.html")));
    slugs.forEach((slug, i) => {
      const bytes = pages[i];
      if (!bytes) return;
      hash.update(`${url}${slug}/\n`).update(bytes);
      const values: Record<string, string> = {};
      for (const m of bytes.toString("utf8").matchAll(/data-pagefind-sort="([^":]+):([^"]*)"/gu)) values[m[1]!] = decodeEntities(m[2]!);
      sortValues.set(`${url}${slug}/`, values);
    });
  }
  return hash.digest("hex");
}

/** The bytes of a file, or null when it does not exist (or is a folder). */
async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR") return null;
    throw err;
  }
}

/** The few entities our templates write in attribute values (Nunjucks autoescape). */
function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/gu, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);
}

/** Removes cache entries (and partial bundles) not used by this build. */
async function pruneCache(cacheDir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdirOrEmpty(cacheDir)) {
    if (!keep.has(name)) await rm(path.join(cacheDir, name), { recursive: true, force: true });
  }
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
}

