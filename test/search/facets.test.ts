import { test } from "uvu";
import * as assert from "uvu/assert";
import { countFacets, indexFacets, pageNumberOf } from "../../src/search/index.ts";

const facets = indexFacets({
  pages: 5,
  filters: {
    年份: [["2019", [0, 1, 1]], ["2020", [3, 1]]],
    发文机关: [["市政府", [0, 2]], ["市政府办公室", [2, 1, 1]]],
  },
});

test("page numbers come from the merged index's fragment names", () => {
  assert.is(pageNumberOf("zh-cn_0_214ff7b"), 0);
  assert.is(pageNumberOf("zh-cn_1b_214ff7b"), 47);
  assert.is(pageNumberOf("zh-cn_214ff7b"), -1, "a fragment name of one Pagefind run has no page number");
});

test("totals count every page of each value; a page may hold several values of one filter", () => {
  assert.equal(facets.totals, { 年份: { "2019": 3, "2020": 2 }, 发文机关: { 市政府: 2, 市政府办公室: 3 } });
  assert.equal(facets.filters[1]!.ofPage[2], [0, 1], "page 2 is a joint document of both issuers");
});

test("counts among results are linear lookups by page number; unknown pages are skipped", () => {
  assert.equal(countFacets(facets, [2, 4, -1, 99]), { 年份: { "2019": 1, "2020": 1 }, 发文机关: { 市政府: 1, 市政府办公室: 2 } });
  assert.equal(countFacets(facets, []), { 年份: { "2019": 0, "2020": 0 }, 发文机关: { 市政府: 0, 市政府办公室: 0 } });
});

test("a page outside the index is an error", () => {
  assert.throws(() => indexFacets({ pages: 1, filters: { 年份: [["2019", [0, 1]]] } }), /outside the index/u);
});

test.run();
