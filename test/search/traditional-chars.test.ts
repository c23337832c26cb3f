import { test } from "uvu";
import * as assert from "uvu/assert";
import { traditionalCharacters } from "../../src/search/index.ts";

test("lists the Traditional characters the converter changes, and no Simplified ones", () => {
  const chars = traditionalCharacters();
  for (const ch of "辦發礙障衛") assert.is(chars.includes(ch), ch !== "障", ch);
  for (const ch of "办发碍卫政乳") assert.not.ok(chars.includes(ch), ch);
  assert.ok(chars.length > 2000 && chars.length < 6000, String(chars.length));
});

test.run();
