import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkBodyText } from "../../src/content/checks/body-text.ts";
import { loadArchive } from "../../src/content/index.ts";

const F = "2024-03/qlzbf-2024-15.md";
/** The signature warnings of a body that starts on line 9 of its file, as `line: message`. */
const warnings = (body: string) => checkBodyText(body, F, 9).filter((f) => /署名/.test(f.message)).map((f) => `${f.line}: ${f.severity} ${f.message}`);

test("a signature and date pasted from Word as indented paragraphs are warned about once, at the name's line, in Chinese with a fix", () => {
  const rows: [string, number][] = [
    ["　　现将有关事项通知如下。\n\n　　　　　　　　青岚市人民政府办公室\n\n　　　　　　　　2024年3月5日\n", 11],
    ["　　特此通知。\n\n青岚市财政局\n2024年3月5日\n\n（此件公开发布）\n", 11],
    ["正文。\n\n　　　　青岚市人民政府\n　　　　二〇二四年三月五日\n", 11],
  ];
  for (const [body, line] of rows) {
    const found = checkBodyText(body, F, 9).filter((f) => /署名/.test(f.message));
    assert.is(found.length, 1, body);
    assert.is(found[0]!.line, line, body);
    assert.is(found[0]!.severity, "warning");
    assert.match(found[0]!.message, /写成了普通段落/);
    assert.match(found[0]!.fix, /::: signature/);
  }
});

test("a signature block, a date inside a sentence or after a sentence, and a heading before a date give no warning", () => {
  const bodies = [
    "正文。\n\n::: signature\n青岚市人民政府\n\n2024年3月5日\n:::\n",
    "　　本办法自2024年3月5日起施行。\n",
    "　　现将有关事项通知如下：\n\n2024年3月5日\n",
    "## 一、时间安排\n\n2024年3月5日\n",
    "　　以上事项，请遵照执行。\n2024年3月5日\n",
  ];
  for (const body of bodies) assert.equal(warnings(body), [], body);
});

test("the fixture archive and the sample, whose signatures are in blocks, have no such warning", async () => {
  const { FIXTURE_ARCHIVE, PROJECT_ROOT } = await import("../helpers/temp-archive.ts");
  const { findings } = await loadArchive(FIXTURE_ARCHIVE, PROJECT_ROOT);
  assert.equal(findings.filter((f) => /署名/.test(f.message)).map((f) => `${f.file}:${f.line}`), []);
  const sample = await loadArchive(`${PROJECT_ROOT}/issues`, PROJECT_ROOT);
  assert.ok(sample.archive, "the sample loads");
  assert.equal(sample.findings.filter((f) => /署名/.test(f.message)).map((f) => `${f.file}:${f.line}`), []);
});

test.run();
