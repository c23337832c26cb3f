import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatBody } from "../../src/import/format-body.ts";
import { importDump } from "../../src/import/index.ts";
import { joinSplitRows } from "../../src/import/split-rows.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";

const DIR = path.join(PROJECT_ROOT, "test/fixtures/import/layouts");
const bodyOf = (text: string) => text.split(/\n---\n/)[1]!.trim().split(/\n\n/).filter((p) => !p.startsWith(":::"));
const letters = (s: string) => s.replace(/\s|:::\s*\w*/g, "");

test("plain pdftotext with quotation marks and a bracket on rows of their own (pdftotext-split-rows.txt): each printed line put back, across a page break too", () => {
  const dump = readFileSync(path.join(DIR, "pdftotext-split-rows.txt"), "utf8");
  const r = importDump(dump, { dumpName: "pdftotext-split-rows.txt" });
  assert.equal(r.documents.map((d) => d.fields.docNumbers[0]), ["甲政发〔2024〕1号", "甲政发〔2024〕2号"]);
  const paragraphs = bodyOf(r.documents[0]!.text);
  assert.equal(paragraphs.slice(1, 6), [
    "现将做好今年春季农业生产工作的有关事项通知如下，请认真抓好落实，确保各项措施落到实处，全年粮食生产目标任务如期完成，农业生产保持稳中有进的良好态势。",
    "一是稳定粮食播种面积。各县区要把粮食生产目标任务分解到镇村，落实到田块，组织开展“春耕”“备耕”现场观摩活动，引导农民应种尽种，坚决遏制耕地撂荒，对撂荒地块逐一登记造册，限期复耕复种。",
    "二是抓好农资供应保障。各有关部门要加强种子、化肥、农药等农资市场监管，保障供应充足、价格稳定。（责任单位：市农业局）",
    // Split at a quotation mark on the page's last printed line, then continued on the next page.
    "三是强化技术指导服务。组织农技人员下到田间开展“科技下乡”“农技入户”活动，帮助农民解决生产中遇到的实际困难和问题，做到技术服务不断档。各县区要认真及时总结工作。",
    // A paragraph opening with a quotation mark after a last row of three characters ending in 。: its own paragraph, though the widths add up.
    "“三夏”生产准备工作要提前谋划，抓紧组织农机具检修，做好机收减损宣传培训，确保夏粮颗粒归仓，切实把各项措施落实到每一个环节。",
  ]);
  const body = r.documents.map((d) => letters(d.text.split(/\n---\n/)[1]!)).join("");
  assert.ok(letters(dump).includes(body.slice(0, 30)), "text as printed");
  assert.is(r.issue.frequency, "季刊", "frequency read from 2024年第1期（总第5期）　季刊");
  assert.equal([r.issue.year, r.issue.number], [2024, 1]);
});

test("pdftotext -layout of two columns with a printed line over three rows and a blank row inside a column (pdftotext-layout-two-columns-quotes.txt)", () => {
  const r = importDump(readFileSync(path.join(DIR, "pdftotext-layout-two-columns-quotes.txt"), "utf8"));
  const paragraphs = bodyOf(r.documents[0]!.text);
  assert.ok(paragraphs.includes("第二条　资金审核。市地方金融服务中心先通过公共信用平台查询拟申请企业有无失信行为，再将合作银行提报的企业名单资料提交市财政局审查会签。"), "continued across the blank row");
  assert.ok(paragraphs.includes("第三条　资金主要用于支持小微企业续贷过桥，鼓励合作银行开展“无还本续贷”模式试点，设立续贷风险缓释资金池，推广“年审制”“续贷通”“免评估”信贷服务，通过续贷调查评估，为符合条件的小微企业发放无还本续贷，减少过桥成本，提高融资效率。"), "the rows 制” / “续贷通” / “免评估”… are one printed line");
  assert.ok(paragraphs.includes("第四条　合作银行应当按月报送续贷业务开展情况，市地方金融服务中心汇总后报送市政府。"));
  assert.ok(paragraphs.includes("第五条　本办法自印发之日起施行，有效期至2026年4月1日。"), "an indented article after a blank row stays a paragraph of its own");
  assert.not.match(r.documents[0]!.text, /\n {2,}\S/, "indents dropped (four spaces would make a Markdown code block)");
});

test("rows are put together only when their widths make one hard-wrapped line, and never with a paragraph of its own", () => {
  const W = "一二三四五六七八九十一二三四五六七八九十";
  // Plain: the widths must add up to the wrap width.
  assert.equal(joinSplitRows(["甲乙丙丁戊己庚辛壬癸甲乙丙", "“子丑”寅卯辰，"], 20, false).rows, ["甲乙丙丁戊己庚辛壬癸甲乙丙“子丑”寅卯辰，"]);
  assert.equal(joinSplitRows(["甲乙丙丁戊己", "“子丑”寅卯辰，"], 20, false).joined, 0, "too short together");
  assert.equal(joinSplitRows(["甲乙丙丁戊己庚辛壬癸甲乙。", "（此件公开发布）"], 20, false).joined, 0, "a note is a paragraph of its own");
  assert.equal(joinSplitRows(["甲乙丙丁戊己庚辛壬癸。", "（一）子丑寅卯辰巳午"], 20, false).joined, 0, "a numbered item");
  assert.equal(joinSplitRows(["完。", "“子丑”寅卯辰巳午未申酉戌亥子丑"], 20, false).joined, 0, "a short last row ending a sentence before a paragraph whose indent was lost");
  // -layout: the piece must start where the row before it ends; a paragraph indent after a sentence's end is a new paragraph.
  assert.equal(joinSplitRows(["甲乙丙丁戊己庚辛壬癸甲乙丙", "             “子丑”寅卯辰，"], 20, true).joined, 1);
  assert.equal(joinSplitRows(["甲乙丙丁戊己庚辛壬癸甲乙丙", "    “子丑”寅卯辰，"], 20, true).joined, 0, "starts at a paragraph indent, not where the row ends");
  assert.equal(joinSplitRows(["局）", "  “子丑”寅卯辰巳午未申酉戌亥子丑"], 20, true).joined, 0, "an indented paragraph after a paragraph's last row");
  // Through formatBody: nothing added or lost.
  const { body } = formatBody([W, W, W, W, W, "甲乙丙丁戊己庚辛壬癸甲乙丙", "“子丑”寅卯辰，", "末尾。"], "");
  assert.is(body.trim(), `${W.repeat(5)}甲乙丙丁戊己庚辛壬癸甲乙丙“子丑”寅卯辰，末尾。`);
});

test("the frequency is read wherever the cover prints it as a word of its own", () => {
  const doc = "\n目录\n【市政府文件】\n甲市人民政府关于乙的通知 ..... (1)\n\n# 甲市人民政府关于乙的通知\n\n各单位：\n\n现将有关事项通知如下。\n\n甲市人民政府\n\n2019年4月10日\n";
  for (const cover of ["甲市人民政府公报\n2019年第2期　季刊", "甲市人民政府公报（季刊）\n2019年第2期（总第8期）", "甲市人民政府公报\n季刊·总第8期\n2019年第2期", "甲市人民政府公报\n2019年第2期\n甲市人民政府办公室\t双月刊"]) {
    const r = importDump(cover + doc);
    assert.equal([r.issue.gazette, r.issue.year, r.issue.number], ["甲市人民政府公报", 2019, 2], cover);
    assert.is(r.issue.frequency, cover.includes("双月刊") ? "双月刊" : "季刊", cover);
    assert.is(r.issueUnsure.frequency, undefined, cover);
  }
  const none = importDump("甲市人民政府公报\n2019年第2期\n本刊为季刊，逢季末出版" + doc);
  assert.ok(none.issueUnsure.frequency, "a frequency inside a sentence is not read");
});

test("the editor's note lists the cover and 目录 lines read into metadata", () => {
  const r = importDump(readFileSync(path.join(DIR, "pdftotext-split-rows.txt"), "utf8"));
  const note = r.files["_editors-note.md"]!;
  assert.match(note, /## 封面和目录行/);
  assert.match(note, /\| 2 \| `2024年第1期（总第5期）　季刊` \| 封面 \|/);
  assert.match(note, /\| \d+ \| `甲市人民政府关于加强农田水利建设的意见……………` \| 目录 \|/);
  assert.match(note, /`甲市人民政府公报 2024年第1期` \| 页眉 \|/, "the running head removed from the text");
});

test.run();
