import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import { mergedCacheName, mergeSearchBundles, mergeWithCache, missingFiles } from "../../src/search/index.ts";
import { readIndexContents } from "../helpers/pagefind-index.ts";
import { after, before } from "../helpers/hooks.ts";

// Two real Pagefind 1.6 bundles in a cache folder under made-up content hashes, merged with and
// without the cache.
const PAGES = [
  { url: "/2019/1/a/", content: "乳山市人民政府关于加强安全生产工作的通知。", meta: { title: "关于加强安全生产工作的通知" }, filters: { 年份: ["2019"] }, sort: { newest: "2019-01-05" } },
  { url: "/2019/1/b/", content: "关于印发乳山市城市供水管理办法的通知。", meta: { title: "城市供水管理办法" }, filters: { 年份: ["2019"] }, sort: { newest: "2019-03-01" } },
  { url: "/2020/2/c/", content: "乳山市渔业资源保护规定：禁止在禁渔期捕捞。", meta: { title: "渔业资源保护规定" }, filters: { 年份: ["2020"] }, sort: { newest: "2020-05-02" } },
];
const HASHES = ["1111", "2222"];
let dir = "";
let cache = "";
const sortValues = (changed: Record<string, string> = {}) => new Map(PAGES.map((p) => [p.url, { newest: changed[p.url] ?? p.sort.newest }]));

async function writeIndex(pages: typeof PAGES, out: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false, verbose: false });
  if (!index || errors.length) throw new Error(errors.join("; "));
  try {
    for (const p of pages) {
      const added = await index.addCustomRecord({ ...p, language: "zh-cn" });
      if (added.errors.length) throw new Error(added.errors.join("; "));
    }
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new Error(written.errors.join("; "));
  } finally {
    await pagefind.close();
  }
}

/** Every file below `root` (relative path → bytes), to compare two folders byte for byte. */
async function files(root: string): Promise<Map<string, Buffer>> {
  const all = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    all.set(path.relative(root, file), await readFile(file));
  }
  return all;
}

async function assertSameFiles(a: string, b: string): Promise<void> {
  const x = await files(a);
  const y = await files(b);
  assert.equal([...x.keys()].sort(), [...y.keys()].sort());
  for (const [name, bytes] of x) assert.ok(bytes.equals(y.get(name)!), `${name} differs`);
}

const mergedEntries = async () => (await readdir(cache)).filter((n) => n.startsWith("merged-"));

before(test, async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gazette-merged-cache-"));
  cache = path.join(dir, "cache");
  await writeIndex(PAGES.slice(0, 2), path.join(cache, HASHES[0]!));
  await writeIndex(PAGES.slice(2), path.join(cache, HASHES[1]!));
});

after(test, async () => {
  await rm(dir, { recursive: true, force: true });
});

test("the first merge is cached; the same inputs then give the same files from the cache, linked not merged", async () => {
  const first = await mergeWithCache(cache, HASHES, path.join(dir, "site-1"), { sortValues: sortValues() });
  assert.is(first.reused, false);
  assert.is(first.report?.pages, 3);
  await mergeSearchBundles(HASHES.map((h) => path.join(cache, h)), path.join(dir, "full"), { sortValues: sortValues() });
  await assertSameFiles(path.join(dir, "site-1"), path.join(dir, "full"));

  const second = await mergeWithCache(cache, HASHES, path.join(dir, "site-2"), { sortValues: sortValues() });
  assert.is(second.reused, true);
  assert.is(second.report, null);
  assert.is(second.name, first.name);
  await assertSameFiles(path.join(dir, "site-2"), path.join(dir, "full"));
  const entry = (d: string) => stat(path.join(d, "pagefind-entry.json")).then((s) => s.ino);
  assert.is(await entry(path.join(dir, "site-2")), await entry(path.join(cache, first.name)), "hard-linked from the cache");
});

test("new sort values or other bundles never find the cached index: they are merged again", async () => {
  const before = await mergeWithCache(cache, HASHES, path.join(dir, "site-3"), { sortValues: sortValues() });
  // The oldest page redated: the date order changes, and the index must show it.
  const redated = await mergeWithCache(cache, HASHES, path.join(dir, "site-4"), { sortValues: sortValues({ "/2019/1/a/": "2021-01-01" }) });
  assert.is(redated.reused, false);
  assert.is.not(redated.name, before.name);
  assert.equal((await readIndexContents(path.join(dir, "site-4"))).sorts.newest, ["/2019/1/b/", "/2020/2/c/", "/2019/1/a/"]);
  assert.equal((await readIndexContents(path.join(dir, "site-3"))).sorts.newest, ["/2019/1/a/", "/2019/1/b/", "/2020/2/c/"]);
  const fewer = await mergeWithCache(cache, [HASHES[0]!], path.join(dir, "site-5"), { sortValues: sortValues() });
  assert.is(fewer.reused, false);
  assert.is((await readIndexContents(path.join(dir, "site-5"))).pages, 2);
});

test("the cache name changes with every input and not with the order sort values were collected in", () => {
  const base = mergedCacheName(HASHES, sortValues());
  assert.match(base, /^merged-[0-9a-f]{64}$/u);
  assert.is(mergedCacheName(HASHES, new Map([...sortValues()].reverse())), base);
  const others = [
    mergedCacheName([...HASHES].reverse(), sortValues()),
    mergedCacheName([HASHES[0]!], sortValues()),
    mergedCacheName([...HASHES, "3333"], sortValues()),
    mergedCacheName(HASHES, sortValues({ "/2020/2/c/": "2020-05-03" })),
    mergedCacheName(HASHES, new Map([...sortValues(), ["/2020/2/d/", { newest: "2020-06-01" }]])),
    mergedCacheName(HASHES, new Map(PAGES.map((p) => [p.url, { oldest: p.sort.newest }]))),
  ];
  for (const name of others) assert.is.not(name, base);
  assert.is(new Set(others).size, others.length);
});

test("a cached index missing a file, or with unreadable metadata, is merged again", async () => {
  const good = await mergeWithCache(cache, HASHES, path.join(dir, "site-7"), { sortValues: sortValues() });
  const cached = path.join(cache, good.name);
  assert.equal(missingFiles(cached), []);
  const chunk = (await readdir(path.join(cached, "index")))[0]!;
  await rm(path.join(cached, "index", chunk));
  assert.equal(missingFiles(cached), [`index/${chunk}`]);
  const again = await mergeWithCache(cache, HASHES, path.join(dir, "site-8"), { sortValues: sortValues() });
  assert.is(again.reused, false);
  assert.is(again.name, good.name);
  await assertSameFiles(path.join(dir, "site-8"), path.join(dir, "full"));
  const meta = (await readdir(cached)).find((n) => n.endsWith(".pf_meta"))!;
  await writeFile(path.join(cached, meta), "not gzip");
  const third = await mergeWithCache(cache, HASHES, path.join(dir, "site-9"), { sortValues: sortValues() });
  assert.is(third.reused, false);
  await assertSameFiles(path.join(dir, "site-9"), path.join(dir, "full"));
});

test("a failed merge leaves nothing in the cache and the error names the page", async () => {
  const before = await mergedEntries();
  const missing = new Map(sortValues());
  missing.delete("/2020/2/c/");
  const error = await mergeWithCache(cache, HASHES, path.join(dir, "site-6"), { sortValues: missing }).then(
    () => null,
    (err: unknown) => err,
  );
  assert.instance(error, Error);
  assert.match((error as Error).message, /\/2020\/2\/c\/ has no "newest" sort value/u);
  assert.equal(await mergedEntries(), before);
  assert.equal((await readdir(cache)).filter((n) => n.includes(".partial-")), []);
});

test.run();
