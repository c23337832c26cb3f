import { test } from "uvu";
import * as assert from "uvu/assert";
import type { PagefindResultData } from "../../src/client/pagefind-api.ts";
import { countFilters, rankWholeWordsFirst } from "../../src/client/rank-results.ts";

const result = (url: string, title: string, content: string, filters: Record<string, string[]> = {}): PagefindResultData => ({ url, content, excerpt: "", meta: { title }, filters });

test("puts documents holding the phrase as written before those holding only its segments", () => {
  const scattered = result("/a/", "城市条例", "城市的风貌有特色");
  const exact = result("/b/", "保护条例", "加强城市风貌特色保护");
  assert.equal(rankWholeWordsFirst([scattered, exact], ["城市风貌特色"]).map((r) => r.url), ["/b/", "/a/"]);
});

test("then documents with the word in the title, keeping Pagefind's order otherwise", () => {
  const body = result("/a/", "安全条例", "燃气");
  const title = result("/b/", "城镇燃气管理条例", "燃气");
  const other = result("/c/", "规定", "燃气");
  assert.equal(rankWholeWordsFirst([body, title, other], ["燃气"]).map((r) => r.url), ["/b/", "/a/", "/c/"]);
  assert.equal(rankWholeWordsFirst([body, other], []).map((r) => r.url), ["/a/", "/c/"]);
});

test("counts the filter values of the results shown", () => {
  const counts = countFilters([result("/a/", "", "", { 文种: ["通知"], 发文机关: ["甲", "乙"] }), result("/b/", "", "", { 文种: ["通知"] }), result("/c/", "", "")]);
  assert.equal(counts, { 文种: { 通知: 2 }, 发文机关: { 甲: 1, 乙: 1 } });
});

test.run();
