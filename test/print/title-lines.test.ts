import { test } from "uvu";
import * as assert from "uvu/assert";
import { breakTitle, markAttachmentNotes, markForms, markKeepWithNext, markTableSpace, printTitle, titleWords, tocTitleLines } from "../../src/print/index.ts";

const ISSUERS = ["乳山市人民政府办公室", "乳山市人民政府"];

test("cuts a title into words, keeping document numbers, 《》 titles, issuers and numbers with their unit whole, 的 with the word before", () => {
  const cases: [string, string[]][] = [
    ["乳山市人民政府关于印发市政府2019年工作要点的通知", ["乳山市人民政府", "关于", "印发", "市政府", "2019年", "工作", "要点的", "通知"]],
    ["关于转发《山东省资本市场发展规划》的通知（鲁政发〔2019〕3号）", ["关于", "转发", "《山东省资本市场发展规划》的", "通知", "（鲁政发〔2019〕3号）"]],
  ];
  for (const [title, words] of cases) assert.equal(titleWords(title, ISSUERS), words, title);
});

test("breaks titles between words into balanced lines (GB/T 9704-2012 §7.3.1), the text unchanged", () => {
  const cases: [string, string[]][] = [
    ["乳山市人民政府任免的工作人员名单", ["乳山市人民政府任免的工作人员名单"]],
    ["乳山市人民政府关于印发市政府2019年工作要点的通知", ["乳山市人民政府关于印发市政府", "2019年工作要点的通知"]],
    ["乳山市人民政府办公室关于印发乳山市资本市场缓释基金管理办法的通知", ["乳山市人民政府办公室关于印发乳山市", "资本市场缓释基金管理办法的通知"]],
    ["乳山市人民政府办公室关于开展城乡建设用地增减挂钩与工矿废弃地复垦调整利用工作的意见", ["乳山市人民政府办公室关于", "开展城乡建设用地增减挂钩与", "工矿废弃地复垦调整利用工作的意见"]],
  ];
  for (const [title, lines] of cases) {
    const got = breakTitle(title, { lineEm: 18, terms: ISSUERS });
    assert.equal(got, lines, title);
    assert.is(got.join(""), title);
  }
});

test("never breaks inside a document number, even when a line is short", () => {
  const title = "国务院办公厅转发国家发展改革委关于《关于进一步做好稳就业工作的意见》的通知（国办发〔2019〕28号）";
  const lines = breakTitle(title, { lineEm: 18 });
  assert.is(lines.join(""), title);
  assert.ok(lines.some((l) => l.includes("国办发〔2019〕28号")), lines.join(" | "));
  assert.ok(lines.some((l) => l.includes("《关于进一步做好稳就业工作的意见》")), lines.join(" | "));
});

test("a 《》 title longer than a line breaks between its own words, a document number never", () => {
  const title = "测试市人民政府办公室关于转发市自然资源局《测试市农村建设用地拆旧复垦项目管理办法》的通知";
  assert.equal(breakTitle(title, { lineEm: 18, terms: ["测试市人民政府办公室"] }), ["测试市人民政府办公室关于转发", "市自然资源局《测试市农村建设用地", "拆旧复垦项目管理办法》的通知"]);
});

test("contents lines are filled between words and the last leaves room for the leader and the number", () => {
  const lines = tocTitleLines("乳山市人民政府办公室关于开展城乡建设用地增减挂钩与工矿废弃地复垦调整利用工作的意见", ISSUERS);
  assert.equal(lines, ["乳山市人民政府办公室关于开展城乡建设用地增减挂钩与", "工矿废弃地复垦调整利用工作的意见"]);
  assert.equal(tocTitleLines("乳山市人民政府任免的工作人员名单"), ["乳山市人民政府任免的工作人员名单"]);
});

test("contents take one more line rather than break inside a term that jieba cut wrongly (城镇低|效用地)", () => {
  const title = "青岚市自然资源和规划局关于公布2024年度第一批城镇低效用地再开发项目名单及实施时序安排的公告";
  const lines = tocTitleLines(title, ["青岚市自然资源和规划局"]);
  assert.is(lines.join(""), title);
  for (let k = 1; k < lines.length; k++) assert.not.ok(/低$/.test(lines[k - 1]!) && /^效/.test(lines[k]!), lines.join("|"));
  assert.not.ok(lines.some((l) => /低$/.test(l)), lines.join("|"));
});

test("the print title is escaped HTML with <br> between lines", () => {
  assert.is(printTitle("乳山市人民政府关于印发市政府2019年工作要点的通知", ISSUERS), "乳山市人民政府关于印发市政府<br>2019年工作要点的通知");
  assert.is(printTitle("A&B<C>"), "A&amp;B&lt;C&gt;");
});

test("marks the 附件说明 and forms, without changing text", () => {
  assert.is(markAttachmentNotes("<p>附件：名单</p><p>附件</p>"), '<p class="gbt-attachment-note">附件：名单</p><p>附件</p>');
  assert.is(markAttachmentNotes('<p class="doc-attachment-note">附件：1. 名单<br>\n2. 表</p>'), '<p class="gbt-attachment-note">附件：1. 名单<br>\n2. 表</p>', "the renderer's class becomes the print one");
  const form = "<table>\n<thead>\n<tr>\n<th>拟贷款企业名称</th>\n<th>XXX股份有限公司</th>\n</tr>";
  assert.ok(markForms(form).startsWith('<table class="gbt-form">'));
  const real = "<table>\n<thead>\n<tr>\n<th>序号</th>\n<th>内容</th>\n</tr>";
  assert.is(markForms(real), real);
});

test("gives every table a repeated empty footer row, and a form an empty header row with its first field row in the body, without changing text", () => {
  const table = "<table>\n<thead>\n<tr>\n<th>序号</th>\n<th>内容</th>\n<th>备注</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>甲</td>\n<td></td>\n</tr>\n</tbody>\n</table>";
  assert.is(markTableSpace(table), table.replace("</tbody>\n</table>", '</tbody>\n<tfoot class="gbt-table-space"><tr><td colspan="3"></td></tr></tfoot></table>'));
  const form = markTableSpace(markForms("<table>\n<thead>\n<tr>\n<th>拟贷款企业名称</th>\n<th>XXX股份有限公司</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>地址</td>\n<td>乳山市</td>\n</tr>\n</tbody>\n</table>"));
  assert.is(
    form,
    '<table class="gbt-form"><thead class="gbt-table-space"><tr><td colspan="2"></td></tr></thead>\n<tbody>\n<tr>\n<td>拟贷款企业名称</td>\n<td>XXX股份有限公司</td>\n</tr>\n\n<tr>\n<td>地址</td>\n<td>乳山市</td>\n</tr>\n</tbody>\n<tfoot class="gbt-table-space"><tr><td colspan="2"></td></tr></tfoot></table>',
  );
  const text = (html: string) => html.replace(/<[^>]+>|\s/g, "");
  assert.is(text(form), "拟贷款企业名称XXX股份有限公司地址乳山市");
});

test("keeps a personnel list's date-and-number line and a label like 任命： with what follows", () => {
  assert.is(markKeepWithNext("<p>2019年3月4日　乳政任〔2019〕2号</p>"), '<p class="gbt-keep">2019年3月4日　乳政任〔2019〕2号</p>');
  assert.is(markKeepWithNext("<p>任命：</p>"), '<p class="gbt-keep">任命：</p>');
  const paragraph = "<p>各镇人民政府，市政府各部门、单位，滨海新区、经济开发区：</p>";
  assert.is(markKeepWithNext(paragraph), paragraph);
});

test.run();
