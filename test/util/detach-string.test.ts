import { test } from "uvu";
import * as assert from "uvu/assert";
import { detachString } from "../../src/util/index.ts";

test("returns the same text, code unit for code unit", () => {
  for (const text of ["", "一", "第一章　总则", "关于印发《乳山市城市管理办法》的通知", "a\uD800b", "😀 emoji", " spaced "]) {
    assert.is(detachString(text), text);
  }
});

test("a copy of a long slice equals the slice", () => {
  const body = `## 第一章 总则\n\n${"第一条 为了规范管理，制定本办法。\n".repeat(200)}`;
  const slice = body.slice(3, 60);
  assert.is(detachString(slice), slice);
});

test.run();
