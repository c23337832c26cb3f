import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkBodyText } from "../../src/content/checks/body-text.ts";
import { createMarkdown } from "../../src/markdown/index.ts";

const md = createMarkdown();
const F = "2021-04/tongzhi.md";
/** The attachment warnings of a body that starts on line 9 of its file, as `line: message — fix`. */
const warnings = (body: string) => checkBodyText(body, F, 9).filter((f) => /附件/.test(f.message)).map((f) => `${f.line}: ${f.severity} ${f.message} — ${f.fix}`);

test("attachment names the renderer puts back into their 附件说明 give no warning, whatever the indent or blank lines", () => {
  const bodies = [
    "　　现将有关事项通知如下。\n\n　　附件：1. 日程安排表\n　　　　　2. 联系人名单\n",
    "　　附件：1. 日程安排表\n\n　　　　　2. 联系人名单\n\n　　　　　3．经费表\n",
    "附件：1. 日程安排表\n\n2. 联系人名单\n3. 经费表\n\n::: signature\n测试市人民政府\n:::\n",
    "附件：日程安排表\n\n测试市人民政府\n",
  ];
  for (const body of bodies) {
    assert.equal(warnings(body), [], body);
    assert.not.match(md.render(body), /<ol/, `rendered as one note: ${body}`);
  }
});

test("names set apart from a note without a number, or whose numbers do not run on, are warned about at their line, in Chinese with a fix", () => {
  const rows: [string, string][] = [
    ["正文。\n\n附件：日程安排表\n\n2. 联系人名单\n", "13: warning 附件说明“附件：日程安排表”没有序号，空一行后的“2. 联系人名单”会另成一个编号列表，不与附件名称对齐 — 有几个附件时写成“附件：1. 名称”，下一行写“2. 名称”，中间不空行"],
    ["　　附件：1. 日程安排表\n　　　　　2. 联系人名单\n\n　　　　　4. 经费表\n", "12: warning 附件说明的序号没有接上：“4. 经费表”之前是 2.，它会另成一个编号列表，不与附件名称对齐 — 对照原件核对附件序号；各附件名称紧接“附件：”一行写，每个一行，中间不空行"],
  ];
  for (const [body, expected] of rows) {
    assert.equal(warnings(body), [expected], body);
    assert.match(md.render(body), /<ol start|<\/p>\n<p>/, `the renderer leaves it apart: ${body}`);
  }
});

test.run();
