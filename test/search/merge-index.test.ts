import { test } from "uvu";
import * as assert from "uvu/assert";
import { cp, mkdtemp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import path from "node:path";
import * as pagefind from "pagefind";
import { compareCodePoints, fragmentUrl, mergeSearchBundles, PAGE_URLS, writePageUrls, pageNumberOf, type SearchFacets } from "../../src/search/index.ts";
import { readIndexContents } from "../helpers/pagefind-index.ts";
import { after, before } from "../helpers/hooks.ts";

// Small real Pagefind 1.6 indexes written from custom records: the same pages once in one run and
// once in two runs that are then merged. The Latin words share their first 12 bytes, which the
// merge's word order must still tell apart.
interface Rec {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}
const RECORDS: Rec[] = [
  { url: "/2019/1/a/", content: "乳山市人民政府关于加强安全生产工作的通知。各镇人民政府要落实安全生产责任。administration administrations administrationbeta", meta: { title: "关于加强安全生产工作的通知" }, filters: { 年份: ["2019"], 发文机关: ["乳山市人民政府"] }, sort: { newest: "0000-00-00" } },
  { url: "/2019/1/b/", content: "关于印发乳山市城市供水管理办法的通知，供水企业应当保障供水水质。", meta: { title: "城市供水管理办法", date: "2019年3月1日" }, filters: { 年份: ["2019"], 发文机关: ["乳山市人民政府办公室"] }, sort: { newest: "2019-03-01" } },
  { url: "/2020/2/c/", content: "乳山市渔业资源保护规定：禁止在禁渔期捕捞。渔业主管部门负责监督。administrationalpha administration administrat", meta: { title: "渔业资源保护规定", date: "2020年5月2日" }, filters: { 年份: ["2020"], 发文机关: ["乳山市人民政府"] }, sort: { newest: "2020-05-02" } },
  { url: "/2020/2/d/", content: "关于调整城市供水价格的通知，安全生产和供水价格同时调整。𠀋字测试。", meta: { title: "关于调整城市供水价格的通知", date: "2020年1月9日" }, filters: { 年份: ["2020"], 发文机关: ["乳山市发展和改革局"] }, sort: { newest: "2020-01-09" } },
];
let dir = "";

async function rejects(work: Promise<unknown>, pattern: RegExp): Promise<void> {
  const error = await work.then(
    () => null,
    (err: unknown) => err,
  );
  assert.instance(error, Error, "the merge should have failed");
  assert.match((error as Error).message, pattern);
}

async function writeIndex(records: Rec[], out: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false, verbose: false });
  if (!index || errors.length) throw new Error(errors.join("; "));
  try {
    for (const r of records) {
      const added = await index.addCustomRecord({ ...r, language: "zh-cn" });
      if (added.errors.length) throw new Error(added.errors.join("; "));
    }
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new Error(written.errors.join("; "));
  } finally {
    await pagefind.close();
  }
}

before(test, async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gazette-merge-"));
  await writeIndex(RECORDS, path.join(dir, "single"));
  // The first shard's pages have no `date` meta field: its field numbers differ from the second's.
  await writeIndex([RECORDS[0]!], path.join(dir, "shard-1"));
  await writeIndex(RECORDS.slice(1), path.join(dir, "shard-2"));
});

after(test, async () => {
  await rm(dir, { recursive: true, force: true });
});

test("two shards merge into the index one Pagefind run writes, meta fields renumbered by name", async () => {
  const sortValues = new Map(RECORDS.map((r) => [r.url, r.sort]));
  const report = await mergeSearchBundles([path.join(dir, "shard-1"), path.join(dir, "shard-2")], path.join(dir, "merged"), { sortValues });
  assert.is(report.pages, 4);
  const single = await readIndexContents(path.join(dir, "single"));
  const merged = await readIndexContents(path.join(dir, "merged"));
  assert.equal(merged.fields, ["date", "title"]);
  assert.ok(Object.values(merged.words).some((w) => w.includes('"title"')), "title words carry their meta field");
  assert.equal(merged.words, single.words);
  assert.equal(Object.keys(merged.words), Object.keys(single.words), "words in the same (byte) order");
  assert.ok(Object.keys(merged.words).includes("administrationalpha"), "the Latin words are indexed");
  assert.equal(merged.filters, single.filters);
  assert.equal(merged.sorts, single.sorts);
  assert.equal(merged.sorts.newest, ["/2019/1/a/", "/2019/1/b/", "/2020/2/d/", "/2020/2/c/"]);
  assert.equal(merged.wordCounts, single.wordCounts);
  // facets.json holds the same filters by page number, and each fragment name leads with its page number.
  assert.equal(merged.hashes.map(pageNumberOf), [0, 1, 2, 3]);
  const facets = JSON.parse(await readFile(path.join(dir, "merged", "facets.json"), "utf8")) as SearchFacets;
  assert.is(facets.pages, 4);
  const byUrl = Object.fromEntries(
    Object.entries(facets.filters).map(([name, values]) => [name, JSON.stringify(values.map(([v, deltas]) => [v, deltas.map((_, i) => merged.urls[deltas.slice(0, i + 1).reduce((a, b) => a + b, 0)]).sort()]))]),
  );
  assert.equal(byUrl, merged.filters);
});

test("a page without its sort value, or a folder that is not a Pagefind bundle, stops the merge", async () => {
  await rejects(mergeSearchBundles([path.join(dir, "shard-1"), path.join(dir, "shard-2")], path.join(dir, "m2"), { sortValues: new Map() }), /has no "newest" sort value/u);
  const bogus = path.join(dir, "bogus");
  await mkdir(bogus, { recursive: true });
  await writeFile(path.join(bogus, "pagefind-entry.json"), JSON.stringify({ version: "1.6.0", languages: { "zh-cn": { hash: "zh-cn_0", wasm: null, page_count: 1 } } }));
  await writeFile(path.join(bogus, "pagefind.zh-cn_0.pf_meta"), "not gzip");
  await rejects(mergeSearchBundles([bogus], path.join(dir, "m3"), { sortValues: new Map() }), /incorrect header check|not a Pagefind data file/u);
});

test("a page's URL is read from the start of its fragment, or from the whole fragment when the URL is longer", async () => {
  let seed = 7;
  const noise = Array.from({ length: 6000 }, () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) % 2147483648) % 26))).join("");
  const urls = ["/2019/1/a/", '/2019/1/"quoted"\\back/', "/2019/1/乳政发〔2019〕1号/", `/long/${noise}/`];
  for (const [i, url] of urls.entries()) {
    const file = path.join(dir, `fragment-${i}.pf_fragment`);
    await writeFile(file, gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url, content: noise })}`)));
    assert.is(fragmentUrl(file), url);
  }
});

test("page URLs come from a bundle's page-urls.json when it lists the page, else from the fragment", async () => {
  const sortValues = new Map(RECORDS.map((r) => [r.url, r.sort]));
  for (const shard of ["shard-1", "shard-2"]) await cp(path.join(dir, shard), path.join(dir, `${shard}-urls`), { recursive: true });
  const bundles = [path.join(dir, "shard-1-urls"), path.join(dir, "shard-2-urls")];
  for (const b of bundles) await writePageUrls(b);
  await mergeSearchBundles(bundles, path.join(dir, "merged-urls"), { sortValues });
  const merged = await readIndexContents(path.join(dir, "merged-urls"));
  assert.equal(merged.words, (await readIndexContents(path.join(dir, "single"))).words);
  assert.equal(merged.sorts.newest, ["/2019/1/a/", "/2019/1/b/", "/2020/2/d/", "/2020/2/c/"]);
  assert.not.ok((await readdir(path.join(dir, "merged-urls"))).includes(PAGE_URLS), "the file stays in the bundle");
  // The file is what the merge reads: a URL it names is looked up, and a page it leaves out is read from its fragment.
  const file = path.join(bundles[1]!, PAGE_URLS);
  const urls = JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
  const [first, second] = Object.keys(urls);
  await writeFile(file, JSON.stringify({ [first!]: "/renamed/" }));
  await rejects(mergeSearchBundles(bundles, path.join(dir, "merged-urls-2"), { sortValues }), /the page \/renamed\/ has no "newest" sort value/u);
  await writeFile(file, JSON.stringify({ [second!]: urls[second!] }));
  await mergeSearchBundles(bundles, path.join(dir, "merged-urls-3"), { sortValues });
  assert.equal((await readIndexContents(path.join(dir, "merged-urls-3"))).sorts, merged.sorts);
});

test("words compare by code point, as Pagefind's Rust code orders them", () => {
  assert.ok(compareCodePoints("𠀋", "\uFF01") > 0, "U+2000B sorts after U+FF01 (UTF-16 code units would say before)");
  assert.ok(compareCodePoints("安全", "安全生产") < 0);
  assert.ok(compareCodePoints("供水", "乳山") > 0);
  assert.is(compareCodePoints("渔业", "渔业"), 0);
});

test.run();
