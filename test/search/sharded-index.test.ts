import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium, serveStatic } from "../../src/browser/index.ts";
import { buildSite } from "../../src/build/index.ts";
import type { ShardManifest } from "../../src/search/index.ts";
import { PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";

// The fixture archive (issues 2019-01 and 2020-03) with one document a shard at most: each issue
// becomes its own Pagefind bundle, merged in the browser.
let content = "";
let out = "";
let browser: Browser | undefined;
const saved = process.env.GAZETTE_SEARCH_SHARD_DOCUMENTS;

async function build(): Promise<void> {
  const result = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: out });
  assert.ok(result.ok, result.error);
}
const manifest = async () => JSON.parse(await readFile(path.join(out, "pagefind/shards.json"), "utf8")) as ShardManifest;
const inode = async (dir: string) => {
  const files = (await readdir(path.join(out, dir, "fragment"))).sort();
  return (await stat(path.join(out, dir, "fragment", files[0]!))).ino;
};

test.before(async () => {
  process.env.GAZETTE_SEARCH_SHARD_DOCUMENTS = "1";
  content = await tempArchive();
  out = path.join(content, "..", `${path.basename(content)}-site`);
  await build();
});

test.after(async () => {
  if (saved === undefined) delete process.env.GAZETTE_SEARCH_SHARD_DOCUMENTS;
  else process.env.GAZETTE_SEARCH_SHARD_DOCUMENTS = saved;
  await browser?.close();
  await rm(content, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

test("each shard is its own Pagefind bundle; the first holds Pagefind's scripts", async () => {
  const m = await manifest();
  assert.equal(m.shards.map((s) => [s.path, s.documents]), [["pagefind/", 3], ["pagefind/shards/2020-03/", 1]]);
  assert.ok((await readdir(path.join(out, "pagefind"))).includes("pagefind.js"));
  const second = await readdir(path.join(out, "pagefind/shards/2020-03"));
  assert.ok(second.includes("pagefind-entry.json") && !second.includes("pagefind.js"), second.join(" "));
  const page = await readFile(path.join(out, "search/index.html"), "utf8");
  assert.match(page, /data-index-shards="pagefind\/shards\/2020-03\/"/);
});

test("an unchanged rebuild reuses every shard; a changed issue re-indexes its shard only", async () => {
  const before = await manifest();
  const first = await inode("pagefind");
  const second = await inode("pagefind/shards/2020-03");
  await build();
  assert.equal(await manifest(), before);
  assert.is(await inode("pagefind"), first, "the first shard was taken from the previous output");
  assert.is(await inode("pagefind/shards/2020-03"), second);
  const file = path.join(content, "2020-03/renmian.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("任免的工作人员名单", "任免的工作人员名单（更正）"));
  await build();
  const after = await manifest();
  assert.is(after.shards[0]!.hash, before.shards[0]!.hash);
  assert.is.not(after.shards[1]!.hash, before.shards[1]!.hash);
  assert.is(await inode("pagefind"), first);
  assert.is.not(await inode("pagefind/shards/2020-03"), second);
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
