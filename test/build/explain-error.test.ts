import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFile } from "node:fs/promises";
import { explainError } from "../../src/build/index.ts";
import { EditorError } from "../../src/i18n/index.ts";

test("a file that does not exist is named plainly in Chinese, without Node's ENOENT code", async () => {
  const err = await readFile("/no/such/dump.md").catch((e: unknown) => e);
  assert.is(explainError(err), "找不到文件或文件夹 /no/such/dump.md，请检查路径");
  assert.is(explainError(err, "en"), "there is no file or folder /no/such/dump.md (check the path)");
});

test("a folder given where a file is expected says so", async () => {
  const err = await readFile("/").catch((e: unknown) => e);
  assert.is(explainError(err), "这里需要的是文件，给的却是文件夹");
});

test("an editor's error is printed in the language asked for", () => {
  const err = new Error("wrapped", { cause: new EditorError({ zh: "缺少年份", en: "the year is missing" }) });
  assert.is(explainError(err), "缺少年份");
  assert.is(explainError(err, "en"), "the year is missing");
});

test("an Eleventy template error names the template and line, and says it is for a developer", () => {
  const inner = new Error("(./_includes/layouts/document.njk) [Line 12, Column 3]\n  unknown block tag: endiff");
  const err = Object.assign(new Error("Having trouble rendering njk template ./_includes/layouts/document.njk", { cause: inner }), { name: "TemplateContentRenderError" });
  const text = explainError(err);
  assert.match(text, /^网站模板 _includes\/layouts\/document.njk:12 出错/);
  assert.match(text, /技术人员/);
  assert.not.match(text, /\n\s+at /);
});

test("Pagefind's errors say what to check; a full disk says so", () => {
  assert.match(explainError(new Error("Pagefind failed to index 2019-2020 (12 documents): Error: could not write")), /^生成检索索引失败（2019-2020），网站没有更新。请确认磁盘有空间/);
  assert.is(explainError(new Error("Pagefind failed to index x (1 documents): No space left on device (os error 28)")), "磁盘空间已满：网站没有更新，上一次构建的输出保持不变。请清理磁盘空间（或用 --output 把网站写到另一块磁盘）后重新运行");
});

test("any other error gets a Chinese sentence with the library's words as details", () => {
  assert.match(explainError(new Error("outer", { cause: new Error("inner") })), /^发生了意外错误.*技术细节：outer；inner/);
});

test.run();
