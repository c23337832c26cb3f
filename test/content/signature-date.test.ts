import { test } from "uvu";
import * as assert from "uvu/assert";
import { documentText } from "../helpers/temp-archive.ts";
import { findingsWith } from "../helpers/findings.ts";

const A = "2019-01/sig.md";
const signed = (date: string, indent = "") => `各镇人民政府：\n\n现将有关事项通知如下。\n\n::: signature\n\n${indent}青岚市人民政府\n\n${indent}${date}\n\n:::\n`;
const warnings = async (front: Record<string, string>, body: string) =>
  (await findingsWith({ [A]: documentText(front, body) })).filter((f) => f.file === A && /署名下的日期/.test(f.message));

test("a date under the signature that is not the document's date (date:) is a warning at the signature's date line", async () => {
  // The front matter says 2019-03-01; the signature, in Chinese numerals and indented with full-width spaces, another day.
  const found = await warnings({ date: "2019-03-01" }, signed("二〇一九年三月十一日", "　　"));
  assert.is(found.length, 1);
  assert.is(found[0]!.severity, "warning");
  assert.is(found[0]!.line, 19, "front matter 9 lines + 1 blank: the date is the body's 10th line");
  assert.is(found[0]!.message, "署名下的日期“二〇一九年三月十一日”与成文日期（date）2019-03-01 不一致");
  assert.match(found[0]!.fix, /署名下的日期为 2019-03-11/);
});

test("the same day written either way, no signature block, or a signature date that is no real day: no warning", async () => {
  assert.equal(await warnings({ date: "2019-03-11" }, signed("2019年3月11日")), []);
  assert.equal(await warnings({ date: "2019-03-11" }, signed("二〇一九年三月十一日")), []);
  assert.equal(await warnings({ date: "2019-03-11" }, "现将有关事项通知如下。\n\n青岚市人民政府\n\n2019年3月12日\n"), []);
  assert.equal(await warnings({ date: "2019-02-28" }, signed("2019年2月30日")), []);
  // A date: written the Chinese way is its own error; the signature's date is not compared with it.
  assert.equal(await warnings({ date: "2019年3月11日" }, signed("2019年3月11日")), []);
});
test.run();
