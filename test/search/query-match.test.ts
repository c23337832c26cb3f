import { test } from "uvu";
import * as assert from "uvu/assert";
import { containsQueryWords } from "../../src/search/index.ts";

test("accepts a text that contains a query word whole", () => {
  assert.ok(containsQueryWords("加强城市风貌保护", ["风貌"], ["风貌"]));
  assert.ok(containsQueryWords("二〇一九 严重 牡蛎", ["严重", "未知词"], []));
});

test("accepts a text that contains every multi-character segment Pagefind matched", () => {
  assert.ok(containsQueryWords("城市的风貌和特色", ["城市风貌特色"], ["城市", "风貌", "特色"]));
});

test("rejects a text that matched only single characters of the query", () => {
  assert.not.ok(containsQueryWords("风光和外貌", ["风貌"], ["风", "貌"]));
  assert.not.ok(containsQueryWords("风光和外貌", ["风貌"], []));
  assert.not.ok(containsQueryWords("城市的风貌", ["城市风貌特色"], ["城市", "风貌", "特色"]));
});

test("matches document numbers whatever brackets the text uses", () => {
  assert.ok(containsQueryWords("根据乳政发[2019]2号文件", ["乳政发〔2019〕2号"], ["乳", "政", "发", "2019", "2", "号"]));
  assert.not.ok(containsQueryWords("2019年乳山市政府发文2号", ["乳政发〔2019〕2号"], ["乳", "政", "发", "2019", "2", "号"]));
});

test("accepts anything for an empty query", () => {
  assert.ok(containsQueryWords("任何文字", []));
});

test.run();
