import { test } from "uvu";
import * as assert from "uvu/assert";
import { indexShards, orderShardedResults, shardOfUrl, shardSortWeights } from "../../src/client/pagefind-api.ts";

test("the shard list is read from the space-separated attribute", () => {
  assert.equal(indexShards("pagefind/shards/2019-03/ pagefind/shards/2020-01/"), ["pagefind/shards/2019-03/", "pagefind/shards/2020-01/"]);
  assert.equal(indexShards(""), []);
  assert.equal(indexShards(undefined), []);
});

test("shard weights grow by the base, oldest shard 1", () => {
  assert.equal(shardSortWeights(3, 1000), [1, 1000, 1_000_000]);
});

// Pagefind 1.6 scores a sorted result by its place among all the pages of its own index (desc:
// n−1 … 0; asc: 0 … −(n−1)), times the shard's weight; results arrive merged by score, descending
// (stable: shard order on ties). Each shard lists its pages in sort order with a flag: a result or not.
const merged = (shards: [string, boolean][][], direction: "asc" | "desc", base = 10) => {
  const all = shards.flatMap((pages, i) => pages.map(([id, hit], place) => ({ id, hit, score: (direction === "desc" ? pages.length - 1 - place : -place) * base ** i })).filter((r) => r.hit));
  return all.sort((a, b) => b.score - a.score);
};
const ids = (rs: { id: string }[]) => rs.map((r) => r.id);

test("newest first: newest shard first; a shard's last page (score 0) goes back to its shard", () => {
  const shards: [string, boolean][][] = [[["b3", true], ["b2", false], ["b1", true]], [["d2", true], ["d1", false]], [["f2", true], ["f1", true]]];
  const results = merged(shards, "desc");
  assert.equal(ids(results.filter((r) => r.score === 0)), ["b1", "f1"]);
  assert.equal(ids(orderShardedResults(results, 3, 10, "desc", [0, 2])), ["f2", "f1", "d2", "b3", "b1"]);
});

test("oldest first: oldest shard first; a shard's first page (score 0) goes back to its shard", () => {
  const shards: [string, boolean][][] = [[["a1", true], ["a2", true]], [["c1", false], ["c2", true]], [["e1", true], ["e2", false], ["e3", true]]];
  const results = merged(shards, "asc");
  assert.equal(ids(orderShardedResults(results, 3, 10, "asc", [0, 2])), ["a1", "a2", "c2", "e1", "e3"]);
});

test("shards without results are skipped; 0-scored results need their shards", () => {
  const shards: [string, boolean][][] = [[["b2", true], ["b1", false]], [["d1", false]], [["f2", true], ["f1", false]]];
  assert.equal(ids(orderShardedResults(merged(shards, "desc"), 3, 10, "desc")), ["f2", "b2"]);
  assert.throws(() => orderShardedResults(merged([[["b1", true]], [["d1", true]]], "desc"), 2, 10, "desc"), /needed/);
  assert.equal(ids(orderShardedResults(merged([[["b1", true]], [["d1", true]]], "desc"), 2, 10, "desc", [0, 1])), ["d1", "b1"]);
});

test("a document URL's shard is the last shard whose first issue is not after its issue", () => {
  const shards = ["pagefind/shards/2019-03/", "pagefind/shards/2020-01/"];
  const rows: [string, number][] = [["/2019/1/a/", 0], ["/2019/3/a/", 1], ["/2019/12/a/", 1], ["/2020/1/a/?highlight=x", 2], ["/2024/5/a/", 2], ["/search/", 0]];
  for (const [url, shard] of rows) assert.is(shardOfUrl(url, shards), shard, url);
  assert.is(shardOfUrl("/gazette/2020/1/a/", shards, "/gazette/"), 2);
});

test.run();
