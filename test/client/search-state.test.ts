import { test } from "uvu";
import * as assert from "uvu/assert";
import { pagefindSort, readState, writeState } from "../../src/client/search-state.ts";

test("keeps query, sort and filters in the URL, including values with commas and colons", () => {
  const state = { q: "精神障碍 救治", sort: "newest" as const, filters: { 发文机关: ["乳山市人民政府", "联合:甲,乙"], 年份: ["2019"] } };
  const search = writeState(state);
  assert.ok(search.startsWith("?q="), search);
  assert.equal(readState(search), state);
});

test("reads an empty or unknown state as a relevance search for nothing", () => {
  assert.equal(readState(""), { q: "", sort: "relevance", filters: {} });
  assert.equal(readState("?sort=bogus&other=1"), { q: "", sort: "relevance", filters: {} });
  assert.is(writeState({ q: "", sort: "relevance", filters: {} }), "");
});

test("sorts by date with the key that puts undated documents last", () => {
  assert.equal(pagefindSort("newest"), { newest: "desc" });
  assert.equal(pagefindSort("oldest"), { oldest: "asc" });
  assert.is(pagefindSort("relevance"), undefined);
});

test.run();
