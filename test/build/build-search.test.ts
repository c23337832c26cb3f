import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/index.ts";
import { INDEX_LANGUAGE, indexedUrls, searchCacheDir, searchRecordsDir, type ShardManifest } from "../../src/search/index.ts";
import { allSiteText } from "../helpers/site-files.ts";
import { PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";

// `buildSite` (npm run build) builds the search index itself, after Eleventy, not in Eleventy's
// `eleventy.after` event: the index must still be there, reused when unchanged, and a failure of
// Pagefind must still stop the build and keep the last good output.
let content = "";
let out = "";

const build = () => buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: out });
const manifest = async () => JSON.parse(await readFile(path.join(out, "pagefind/shards.json"), "utf8")) as ShardManifest;
/** Inode of the cached shard bundle's entry file (the same inode: the shard was not indexed again). */
const bundleInode = async (hash: string) => (await stat(path.join(searchCacheDir(out), hash, "pagefind-entry.json"))).ino;

before(test, async () => {
  content = await tempArchive();
  out = path.join(await mkdtemp(path.join(tmpdir(), "gazette-build-search-")), "_site");
});

after(test, async () => {
  await rm(content, { recursive: true, force: true });
  await rm(path.dirname(out), { recursive: true, force: true });
});

test("npm run build indexes the documents' search records after Eleventy, as its own phase, and the next build reuses the index", async () => {
  const first = await build();
  assert.ok(first.ok, first.error);
  const phases = Object.keys(first.phases);
  assert.ok(phases.indexOf("pagefind") > phases.indexOf("eleventy") && phases.indexOf("eleventy") >= 0, phases.join(", "));
  const m = await manifest();
  assert.equal(m.shards.map((s) => [s.path, s.documents]), [["pagefind/", 4]]);
  const entry = JSON.parse(await readFile(path.join(out, "pagefind/pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  assert.is(entry.languages[INDEX_LANGUAGE]?.page_count, 4, JSON.stringify(entry.languages));
  assert.equal((await indexedUrls(out)).length, 4);
  assert.not.ok(existsSync(searchRecordsDir(path.join(path.dirname(out), `_site.staging-${process.pid}`))), "the records written for the index are removed");
  const inode = await bundleInode(m.shards[0]!.hash);
  const second = await build();
  assert.ok(second.ok, second.error);
  assert.equal(await manifest(), m);
  assert.is(await bundleInode(m.shards[0]!.hash), inode, "the unchanged shard was taken from the shard cache");
});

test("a failing Pagefind stops the build with its message, no stack trace, and keeps the last good output", async () => {
  const before = await allSiteText(out);
  // A broken Pagefind install: the binary Pagefind's Node API starts cannot be executed.
  const broken = path.join(path.dirname(out), "pagefind-not-executable");
  await writeFile(broken, "not a program\n");
  await chmod(broken, 0o644);
  const file = path.join(content, "2019-01/csf-2019-1.md");
  const good = await readFile(file, "utf8");
  // Changed text, so the shard cannot be reused and Pagefind has to run.
  await writeFile(file, good.replace("工作要点", "工作要点（修订）"));
  const saved = process.env.PAGEFIND_BINARY_PATH;
  process.env.PAGEFIND_BINARY_PATH = broken;
  try {
    const result = await build();
    assert.not.ok(result.ok, "the build fails");
    assert.match(result.error, /Pagefind/);
    assert.not.match(result.error, /\n\s+at /, "no stack trace");
    assert.is(await allSiteText(out), before, "the last good output is untouched");
    const leftovers = (await readdir(path.dirname(out))).filter((n) => n.startsWith("_site.staging-") || n.startsWith("._site.staging-"));
    assert.equal(leftovers, [], "no staging folder is left behind");
  } finally {
    if (saved === undefined) delete process.env.PAGEFIND_BINARY_PATH;
    else process.env.PAGEFIND_BINARY_PATH = saved;
    await writeFile(file, good);
  }
  assert.ok(existsSync(path.join(out, "pagefind/pagefind.js")));
});

test.run();
