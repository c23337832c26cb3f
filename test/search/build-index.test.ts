import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSearchIndex, indexedUrls, MAX_TEXT_CHARS, planSearchShards, searchCacheDir, writeShardRecords, type SearchRecord } from "../../src/search/index.ts";
import { after, before } from "../helpers/hooks.ts";

// Real Pagefind runs on two tiny shards of records (no site build): the index is made from
// records, shard by shard, and a body over the size limit is refused with the limit named.
let work = "";
let hookError: unknown = null;
before(test, async () => {
  try {
    work = await mkdtemp(path.join(tmpdir(), "gazette-index-"));
  } catch (err) {
    hookError = err;
  }
});
after(test, async () => {
  await rm(work, { recursive: true, force: true });
});

const record = (url: string, body: string): SearchRecord => ({
  url,
  source: `${url.split("/")[1]}-01/${url.split("/")[3]}.md`,
  title: `标题${url}`,
  docNumbers: [],
  body,
  meta: { title: `标题${url}` },
  filters: { 年份: [url.split("/")[1]!] },
  sort: { newest: "2019-01-01", oldest: "2019-01-01" },
});
const shards = planSearchShards([{ key: "2019-01", url: "/2019/1/", documents: 1 }, { key: "2020-01", url: "/2020/1/", documents: 1 }], 1);

test("each shard is indexed from its records into its own Pagefind bundle; unchanged shards come from the cache", async () => {
  assert.is(hookError, null);
  const site = path.join(work, "site");
  const records = path.join(work, "records");
  writeShardRecords(records, shards, [record("/2019/1/a/", "住房公积金管理。"), record("/2020/1/b/", "工矿废弃地复垦。")]);
  const first = await buildSearchIndex(site, { shards, records });
  assert.equal(first.indexed, ["pagefind/", "pagefind/shards/2020-01/"]);
  assert.ok(existsSync(path.join(site, "pagefind/pagefind.js")) && existsSync(path.join(site, "pagefind/shards/2020-01/pagefind-entry.json")));
  assert.equal(await indexedUrls(site), ["/2019/1/a/", "/2020/1/b/"]);
  writeShardRecords(records, shards, [record("/2019/1/a/", "住房公积金管理。"), record("/2020/1/b/", "工矿废弃地复垦（修订）。")]);
  const second = await buildSearchIndex(site, { shards, records });
  assert.equal(second.reused, ["pagefind/"]);
  assert.equal(second.indexed, ["pagefind/shards/2020-01/"]);
  const manifest = JSON.parse(await readFile(path.join(site, "pagefind/shards.json"), "utf8")) as { shards: { documents: number }[] };
  assert.equal(manifest.shards.map((s) => s.documents), [1, 1]);
  await rm(searchCacheDir(site), { recursive: true, force: true });
});

test("a body over the size limit is refused, naming the file and the limit", async () => {
  assert.is(hookError, null);
  const site = path.join(work, "site-long");
  const records = path.join(work, "records-long");
  writeShardRecords(records, shards, [record("/2019/1/a/", "短文。"), record("/2020/1/b/", "长".repeat(MAX_TEXT_CHARS + 1))]);
  const started = performance.now();
  const error = await buildSearchIndex(site, { shards, records }).then(() => null, (err: Error) => err);
  assert.ok(error, "the index is not built");
  assert.match(error!.message, /2020-01\/b\.md/u);
  assert.match(error!.message, new RegExp(String(MAX_TEXT_CHARS)));
  assert.ok(performance.now() - started < 60_000);
  await rm(searchCacheDir(site), { recursive: true, force: true });
});

test.run();
