import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatBody } from "../../src/import/format-body.ts";
import { importDump } from "../../src/import/index.ts";
import { parseTableOfContents } from "../../src/import/toc.ts";
import { unfoldColumns } from "../../src/import/unfold-columns.ts";

const pad = (left: string, at: number) => left + " ".repeat(Math.max(2, at - left.length));

test("two-column rows of pdftotext -layout are read left column first, the column break marked, a title over both columns kept", () => {
  const rows = [
    "         甲市人民政府关于乙的通知",
    pad("左栏第一行文字很长很长的内容", 30) + "右栏第一行文字也很长的内容",
    pad("左栏第二行文字很长很长的内容", 30) + "右栏第二行文字也很长的内容",
    pad("左栏第三行文字很长很长的内容", 30) + "右栏第三行文字也很长的内容",
    pad("左栏第四行文字很长很长的内容", 30) + "    右栏第四行缩进的段首行",
    pad("左栏第五行文字很长很长的内容", 30) + "右栏第五行文字也很长的内容",
    pad("左栏第六行", 30) + "右栏第六行文字也很长的内容",
  ];
  const { text, pages } = unfoldColumns(rows.join("\n"));
  assert.is(pages, 1);
  const lines = text.split("\n");
  assert.is(lines[0], rows[0]);
  assert.equal(lines.slice(1, 7), ["左栏第一行文字很长很长的内容", "左栏第二行文字很长很长的内容", "左栏第三行文字很长很长的内容", "左栏第四行文字很长很长的内容", "左栏第五行文字很长很长的内容", "左栏第六行"]);
  assert.is(lines[7], "\f", "column break");
  assert.is(lines[8], "右栏第一行文字也很长的内容");
  assert.is(lines[11], "    右栏第四行缩进的段首行", "indent kept, counted from the gutter");
  assert.is(lines.join("").replace(/\s/g, "").length, rows.join("").replace(/\s/g, "").length, "no character added or lost");
});

test("one-column text, and a 目录 with the pages far right, are left as they are", () => {
  const toc = ["目　　录", "甲市人民政府关于乙的通知                 1", "甲市人民政府关于丙的通知                 3", "甲市人民政府关于丁的通知                 5", "甲市人民政府关于戊的通知                 7", "甲市人民政府关于己的通知                 9"].join("\n");
  assert.equal(unfoldColumns(toc), { text: toc, pages: 0 });
});

// Hard-wrapped at 20 characters, the paragraph indent lost (plain pdftotext).
const W = "一二三四五六七八九十一二三四五六七八九十".slice(0, 20);
test("plain hard-wrapped text: lines join by the width of the last line, never two paragraphs", () => {
  const lines = [
    "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛", // first line: 18, short by the lost indent, ends mid-sentence
    W,
    "完。",
    "子丑寅卯辰巳午未申酉戌亥子丑寅卯辰巳。", // one-line paragraph as long as a first line, ending in 。
    "另起一段，内容较长较长较长较长较长较长", // a new paragraph: never glued to the one before
    W,
    "末行。",
    W,
    W,
  ];
  const { body } = formatBody(lines, "");
  const paragraphs = body.trim().split(/\n\n/);
  assert.equal(paragraphs, [`甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛${W}完。`, "子丑寅卯辰巳午未申酉戌亥子丑寅卯辰巳。", `另起一段，内容较长较长较长较长较长较长${W}末行。`, `${W}${W}`]);
});

test("a page-split paragraph of hard-wrapped text is rejoined, and a number broken at the page end too", () => {
  const lines = [W, W, "一二三四五六七八九十一二三四五六七八九1", "\f", "00万元。", "", W, W, "下一页首行不缩进的续行内容。"];
  const { body, changes } = formatBody(lines, "");
  assert.is(changes.merges.length, 1);
  assert.ok(body.includes("九100万元。"), body);
  const text = ["第一段的内容写到这一页的最后一行。", "\f", "第二条　新的一条。"];
  assert.is(formatBody(text, "").changes.merges.length, 0, "a paragraph ending in 。 at the page end is not continued");
});

test("a line cut short because the next word did not fit (〔2018〕4号, 23.7) is continued", () => {
  const lines = [W, W, W, W, "一二三四五六七八九十一二三四五六（鲁政办发", "〔2018〕4号）和一二三四五六七八九十一二三", "完。"];
  const { body } = formatBody(lines, "");
  assert.is(body.trim(), `${W}${W}${W}${W}一二三四五六七八九十一二三四五六（鲁政办发〔2018〕4号）和一二三四五六七八九十一二三完。`);
});

const SCRAMBLED = ["甲市公报", "2020年第1期", "目", "", "录", "", "市政府文件", "甲市人民政府关于乙的通知（甲政发", "〔2020〕1号）", "", "……………", "", "1", "", "……………", "", "3", "", "……………", "", "5", "", "市政府办公室文件", "甲市人民政府办公室关于丙的通知（甲政办发", "〔2020〕2号）", "甲市人民政府办公室关于丁的通知（甲政办发", "〔2020〕3号）", "", "\f", "市政府文件"];

test("a 目录 whose pages came before their titles is paired in order when each title ends with its number", () => {
  const { entries } = parseTableOfContents(SCRAMBLED);
  assert.equal(entries.map((e) => [e.section, e.title, e.docNumber, e.page]), [
    ["市政府文件", "甲市人民政府关于乙的通知", "甲政发〔2020〕1号", 1],
    ["市政府办公室文件", "甲市人民政府办公室关于丙的通知", "甲政办发〔2020〕2号", 3],
    ["市政府办公室文件", "甲市人民政府办公室关于丁的通知", "甲政办发〔2020〕3号", 5],
  ]);
});

test("a 目录 whose titles and pages came apart (plain pdftotext of a flex layout) stops with a message naming the fix", () => {
  // Without numbers the titles cannot be parted without a guess.
  const lines = SCRAMBLED.map((l) => l.replace(/（甲政办发$/, "").replace(/^〔2020〕[23]号）$/, "的实施意见"));
  assert.throws(() => parseTableOfContents(lines), (e: Error) => /底本第17行起：目录中有 2 个页码前面没有标题/.test(e.message) && /npm run import -- 原件\.pdf/.test(e.message) && /pdftotext -layout/.test(e.message));
});

test("a 目录 title with its page on the next line is an entry, even when it stands alone again as a title later", () => {
  const { entries, sections } = parseTableOfContents(["目录", "【地方性法规】", "甲市养犬管理条例", "", "1", "", "乙市养犬管理条例", "", "3", "", "甲市养犬管理条例"]);
  assert.equal(sections, ["地方性法规"]);
  assert.equal(entries.map((e) => [e.title, e.page]), [["甲市养犬管理条例", 1], ["乙市养犬管理条例", 3]]);
});

test("a date line and a number line printed side by side (a list of decisions) are one record, not a new document", () => {
  const dump = ["甲市人民政府公报", "2019年第2期", "目录", "【政务动态】", "甲市人民政府任免的工作人员名单 ..... (1)", "", "# 甲市人民政府任免的工作人员名单", "", "2019年3月4日", "", "甲政任〔2019〕2号", "", "任命：", "", "张三为甲市某局局长；", "", "2019年4月3日", "", "甲政任〔2019〕3号", "", "免去：", "", "李四的甲市某局局长职务。", ""].join("\n");
  const r = importDump(dump);
  assert.equal(r.documents[0]!.fields.docNumbers, ["甲政任〔2019〕2号", "甲政任〔2019〕3号"]);
  assert.is(r.documents[0]!.fields.date, "2019-04-03");
  assert.ok(r.documents[0]!.fields.unsure.date, "taken from the date and number lines: 待核");
  assert.ok(r.documents[0]!.text.includes("\n甲政任〔2019〕3号\n"), "the number stays in the text");
});

test("plain pdftotext of two columns (the rows of both columns in turn, each alone between blank lines) is refused with the fix", () => {
  const row = (k: number) => `第${k}行左右两栏交错排列的正文内容没有句号`.slice(0, 20);
  const body = Array.from({ length: 60 }, (_, k) => row(k)).join("\n\n");
  const dump = `甲市人民政府公报\n2020年第1期\n目录\n甲市人民政府关于乙的通知 ..... (1)\n\f# 甲市人民政府关于乙的通知\n\n${body}\n`;
  assert.throws(() => importDump(dump), (e: Error) => /^底本第7行起：/.test(e.message) && /双栏版面的 pdftotext 输出/.test(e.message) && /pdftotext -layout/.test(e.message));
  // The same lines one after another (one column) are read.
  assert.is(importDump(dump.replace(/\n\n(?=第)/g, "\n")).documents.length, 1);
});

test.run();
