import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium, serveStatic } from "../../src/browser/index.ts";
import { buildSite } from "../../src/build/index.ts";
import { PAGE_URLS, shardCacheDir, type ShardManifest } from "../../src/search/index.ts";
import { readIndexContents } from "../helpers/pagefind-index.ts";
import { PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";

// The fixture archive (issues 2019-01 and 2020-03) with one document a shard at most: each issue
// is indexed by its own Pagefind run, then the shards are merged into one index.
let content = "";
let out = "";
let single = "";
let browser: Browser | undefined;

async function build(dir = out, shardDocuments = 1): Promise<void> {
  const result = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: dir, shardDocuments });
  assert.ok(result.ok, result.error);
}
const manifest = async () => JSON.parse(await readFile(path.join(out, "pagefind/shards.json"), "utf8")) as ShardManifest;
const cacheEntries = async () => (await readdir(shardCacheDir(out))).sort();
const cachedShards = async () => (await cacheEntries()).filter((n) => !n.startsWith("merged-"));
const cachedMerges = async () => (await cacheEntries()).filter((n) => n.startsWith("merged-"));
/** Inode of the published index's entry file: the same inode after a rebuild when the merged index was reused from the cache. */
const indexInode = async () => (await stat(path.join(out, "pagefind", "pagefind-entry.json"))).ino;
/** Inode of a cached shard bundle's entry file (the same inode: the bundle was not indexed again). */
const bundleInode = async (hash: string) => (await stat(path.join(shardCacheDir(out), hash, "pagefind-entry.json"))).ino;

before(test, async () => {
  content = await tempArchive();
  out = path.join(content, "..", `${path.basename(content)}-site`);
  single = `${out}-single`;
  await build();
});

after(test, async () => {
  await browser?.close();
  for (const dir of [content, out, single, shardCacheDir(out), shardCacheDir(single)]) await rm(dir, { recursive: true, force: true });
});

test("each shard is indexed on its own and merged into the one index at /pagefind/", async () => {
  const m = await manifest();
  assert.equal(m.shards.map((s) => [s.path, s.documents]), [["pagefind/", 3], ["pagefind/shards/2020-03/", 1]]);
  const files = await readdir(path.join(out, "pagefind"));
  assert.ok(files.includes("pagefind.js") && !files.includes("shards"), files.join(" "));
  assert.equal(await cachedShards(), m.shards.map((s) => s.hash).sort(), "the cache holds exactly the planned shards");
  assert.is((await cachedMerges()).length, 1, "and one merged index");
  for (const s of m.shards) {
    const urls = JSON.parse(await readFile(path.join(shardCacheDir(out), s.hash, PAGE_URLS), "utf8")) as Record<string, string>;
    assert.is(Object.keys(urls).length, s.documents, "each cached shard lists its pages' URLs");
  }
  assert.not.ok(files.includes(PAGE_URLS));
  assert.is((await readIndexContents(path.join(out, "pagefind"))).pages, 4);
});

test("the merged index is the index one Pagefind run over all pages gives", async () => {
  await build(single, Infinity);
  const a = await readIndexContents(path.join(single, "pagefind"));
  const b = await readIndexContents(path.join(out, "pagefind"));
  assert.ok(Object.keys(a.words).length > 100, "the fixture index has words");
  assert.equal(b.words, a.words);
  assert.equal(b.filters, a.filters);
  assert.equal(b.sorts, a.sorts);
  assert.equal(b.wordCounts, a.wordCounts);
  assert.equal(b.fields, a.fields);
});

test("an unchanged rebuild reuses every shard and the merged index; a changed issue re-indexes its shard only and merges again", async () => {
  const before = await manifest();
  const first = await bundleInode(before.shards[0]!.hash);
  const second = await bundleInode(before.shards[1]!.hash);
  const index = await indexInode();
  const merged = await cachedMerges();
  await build();
  assert.equal(await manifest(), before);
  assert.is(await indexInode(), index, "the merged index was linked from the cache");
  assert.equal(await cachedMerges(), merged);
  assert.is(await bundleInode(before.shards[0]!.hash), first, "the first shard was taken from the cache");
  assert.is(await bundleInode(before.shards[1]!.hash), second);
  const file = path.join(content, "2020-03/renmian.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("任免的工作人员名单", "任免的工作人员名单（更正）"));
  await build();
  const after = await manifest();
  assert.is(after.shards[0]!.hash, before.shards[0]!.hash);
  assert.is.not(after.shards[1]!.hash, before.shards[1]!.hash);
  assert.is(await bundleInode(after.shards[0]!.hash), first);
  assert.equal(await cachedShards(), after.shards.map((s) => s.hash).sort(), "the replaced shard left the cache");
  assert.is.not(await indexInode(), index, "the index was merged again");
  assert.is((await cachedMerges()).length, 1);
  assert.is.not((await cachedMerges())[0], merged[0], "the replaced merged index left the cache");
});

test("the search page finds documents of every shard, and sorts across shards by date", async () => {
  const server = await serveStatic(out);
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    const run = async (q: string, sort = "relevance") => {
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(q)}&sort=${sort}`);
      await page.waitForFunction((text) => document.getElementById("search-app")?.dataset.searched === text, q);
      return page.$$eval(".result__title a", (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    };
    assert.equal(await run("精神卫生"), ["/2019/1/csbf-2019-2/"]);
    assert.equal(await run("更正"), ["/2020/3/renmian/"]);
    const newest = await run("测试市人民政府", "newest");
    assert.equal(newest[0], "/2020/3/renmian/", newest.join(" "));
    const oldest = await run("测试市人民政府", "oldest");
    assert.equal(oldest.at(-1), "/2020/3/renmian/", oldest.join(" "));
  } finally {
    await server.close();
  }
});

test.run();
