import { test } from "uvu";
import * as assert from "uvu/assert";
import { planSearchShards, shardDocumentsFromEnv } from "../../src/search/index.ts";

const issue = (key: string, documents: number) => {
  const [y, n] = key.split("-");
  return { key, url: `/${y}/${Number(n)}/`, documents };
};

test("groups consecutive issues, oldest first, without passing the shard size", () => {
  const shards = planSearchShards([issue("2020-02", 300), issue("2019-01", 200), issue("2019-02", 250), issue("2020-01", 100)], 500);
  assert.equal(shards.map((s) => [s.path, s.issues, s.documents]), [
    ["pagefind/", ["2019-01", "2019-02"], 450],
    ["pagefind/shards/2020-01/", ["2020-01", "2020-02"], 400],
  ]);
});

test("an issue larger than the shard size gets a shard of its own", () => {
  const shards = planSearchShards([issue("2019-01", 10), issue("2019-02", 900), issue("2019-03", 10)], 500);
  assert.equal(shards.map((s) => s.issues), [["2019-01"], ["2019-02"], ["2019-03"]]);
});

test("adding an issue at the newest end leaves the older shards as they were", () => {
  const before = [issue("2019-01", 300), issue("2019-02", 300), issue("2019-03", 150)];
  const a = planSearchShards(before, 500);
  const b = planSearchShards([...before, issue("2019-04", 18)], 500);
  assert.equal(b.slice(0, -1), a.slice(0, -1));
  assert.equal(b.at(-1)!.issues, ["2019-02", "2019-03", "2019-04"]);
  assert.is(b.at(-1)!.path, a.at(-1)!.path);
});

test("issues without listed documents are left out; no documents gives one empty shard", () => {
  assert.equal(planSearchShards([issue("2019-01", 0), issue("2019-02", 3)], 500).map((s) => s.issues), [["2019-02"]]);
  assert.equal(planSearchShards([], 500), [{ path: "pagefind/", issues: [], urls: [], documents: 0 }]);
});

test("Infinity gives one index; a size below 1 is an error", () => {
  assert.is(planSearchShards([issue("2019-01", 5000), issue("2019-02", 5000)], Infinity).length, 1);
  assert.throws(() => planSearchShards([issue("2019-01", 5)], 0), /at least 1 document/);
});

test("the shard size comes from GAZETTE_SEARCH_SHARD_DOCUMENTS", () => {
  assert.is(shardDocumentsFromEnv(undefined), 500);
  assert.is(shardDocumentsFromEnv("250"), 250);
  assert.is(shardDocumentsFromEnv("all"), Infinity);
  for (const bad of ["0", "-3", "2.5", "many"]) assert.throws(() => shardDocumentsFromEnv(bad), /whole number/);
});


test.run();
