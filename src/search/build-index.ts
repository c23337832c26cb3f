import { createHash } from "node:crypto";
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import type { SearchShard } from "./shard-plan.ts";
import { pathExists } from "../util/index.ts";

/** What one build of the search index did. */
export interface IndexReport {
  /** Pages in the index (all shards). */
  pages: number;
  /** Folder of the first shard (`<site>/pagefind`). */
  outputPath: string;
  /** Shards indexed by Pagefind in this build, by path. */
  indexed: string[];
  /** Shards kept from the previous output (their pages did not change), by path. */
  reused: string[];
}

/** Options of {@link buildSearchIndex}. */
export interface IndexOptions {
  /** The shards (see `planSearchShards`); their pages must already be in `siteDir`. */
  shards: readonly SearchShard[];
  /**
   * The previous output folder (the published `_site/` while building into a staging folder, or
   * `siteDir` itself under `npm start`). A shard whose pages are byte for byte those of the previous
   * build is taken from there (hard links) instead of being indexed again. Omit to index everything.
   */
  previousDir?: string;
}

/** The manifest written to `<site>/pagefind/shards.json`: what each shard holds and its content hash. */
export interface ShardManifest {
  pagefind: string;
  shards: { path: string; documents: number; hash: string }[];
}

const MANIFEST = "pagefind/shards.json";
/** Files a merged shard needs (its entry, metadata and chunks); the scripts live in the first shard only. */
const SHARD_FILES = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/u;

/**
 * Builds the Pagefind search index of a built site as one bundle per shard: the first shard at
 * `<site>/pagefind/` (with Pagefind's scripts) and the others at `<site>/pagefind/shards/<key>/`,
 * which the search page merges in the browser (`pagefind.mergeIndex`). Each shard is indexed
 * through Pagefind's Node API (Pagefind 1.6, pinned) by its own Pagefind service, closed when the
 * shard is written, so Pagefind's memory is bounded by the shard size and is returned to the
 * system after each shard; shards are therefore indexed one after another. Only pages with `data-pagefind-body` (document pages) are indexed; the
 * language comes from `<html lang="zh-CN">`, which turns on Pagefind's Chinese segmentation.
 * Shards whose document pages did not change (SHA-256 of their paths and bytes, recorded in
 * `pagefind/shards.json`) are reused from `previousDir`.
 * @throws Error with Pagefind's own messages when a run fails, so a failed index fails the build
 *   instead of shipping a site whose search is broken.
 */
export async function buildSearchIndex(siteDir: string, options: IndexOptions): Promise<IndexReport> {
  const version = pagefindVersion();
  const previous = options.previousDir ? await readManifest(options.previousDir) : null;
  const inPlace = options.previousDir !== undefined && path.resolve(options.previousDir) === path.resolve(siteDir);
  const hashes = await Promise.all(options.shards.map((s) => shardHash(siteDir, s, version)));
  const reused: string[] = [];
  const toIndex: SearchShard[] = [];
  for (const [i, shard] of options.shards.entries()) {
    const before = previous?.shards.find((p) => p.path === shard.path);
    if (previous && previous.pagefind === version && before?.hash === hashes[i] && (await pathExists(path.join(options.previousDir!, shard.path, "pagefind-entry.json")))) {
      if (!inPlace) await linkTree(path.join(options.previousDir!, shard.path), path.join(siteDir, shard.path), shard.path === "pagefind/" ? (n) => n !== "shards" : () => true);
      reused.push(shard.path);
    } else toIndex.push(shard);
  }
  await removeStaleShards(siteDir, options.shards);
  // One Pagefind service at a time (the Node API keeps one per process); the first shard, which
  // writes Pagefind's scripts, goes first when it is rebuilt.
  for (const shard of toIndex) await indexShard(siteDir, shard);
  const manifest: ShardManifest = { pagefind: version, shards: options.shards.map((s, i) => ({ path: s.path, documents: s.documents, hash: hashes[i]! })) };
  await writeFile(path.join(siteDir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  return {
    pages: options.shards.reduce((n, s) => n + s.documents, 0),
    outputPath: path.join(siteDir, "pagefind"),
    indexed: toIndex.map((s) => s.path),
    reused,
  };
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

async function indexShard(siteDir: string, shard: SearchShard): Promise<void> {
  const out = path.join(siteDir, shard.path);
  if (shard.path === "pagefind/") {
    for (const name of await readdirOrEmpty(out)) if (name !== "shards") await rm(path.join(out, name), { recursive: true, force: true });
  } else await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const fail = (step: string, errors: string[]): never => {
    throw new Error(`Pagefind failed to ${step} ${shard.path} (${shard.documents} documents): ${errors.join("; ")}`);
  };
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false, verbose: false });
    if (errors.length > 0 || !index) return fail("start indexing", errors);
    const added = await index.addDirectory({ path: siteDir, glob: shardGlob(shard) });
    if (added.errors.length > 0) fail("index", added.errors);
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length > 0) fail("write", written.errors);
  } finally {
    await pagefind.close();
  }
  if (shard.path !== "pagefind/") {
    for (const name of await readdir(out)) if (!SHARD_FILES.test(name)) await rm(path.join(out, name), { recursive: true, force: true });
  }
}

/** SHA-256 over the Pagefind version, the shard's path and every document page (path and bytes), in sorted order. */
async function shardHash(siteDir: string, shard: SearchShard, version: string): Promise<string> {
  const hash = createHash("sha256").update(`pagefind ${version}\n${shard.path}\n`);
  for (const url of shard.urls) {
    const dir = path.join(siteDir, url);
    for (const slug of (await readdirOrEmpty(dir)).sort()) {
      const file = path.join(dir, slug, "index.html");
      if (!(await pathExists(file))) continue;
      hash.update(`${url}${slug}/\n`).update(await readFile(file));
    }
  }
  return hash.digest("hex");
}

async function readManifest(dir: string): Promise<ShardManifest | null> {
  const file = path.join(dir, MANIFEST);
  if (!(await pathExists(file))) return null;
  return JSON.parse(await readFile(file, "utf8")) as ShardManifest;
}

/** Removes shard folders no longer planned (left by an earlier build in the same folder, e.g. under `npm start`). */
async function removeStaleShards(siteDir: string, shards: readonly SearchShard[]): Promise<void> {
  const planned = new Set(shards.map((s) => s.path));
  for (const name of await readdirOrEmpty(path.join(siteDir, "pagefind/shards"))) {
    if (!planned.has(`pagefind/shards/${name}/`)) await rm(path.join(siteDir, "pagefind/shards", name), { recursive: true, force: true });
  }
}

/** Hard-links (or copies, across file systems) the files of `from` into `to`, top-level names filtered. */
async function linkTree(from: string, to: string, keep: (name: string) => boolean): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (!keep(entry.name)) continue;
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(a, b, () => true);
    else {
      try {
        await link(a, b);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EXDEV" && (err as NodeJS.ErrnoException).code !== "EPERM") throw err;
        await copyFile(a, b);
      }
    }
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

