import { test } from "uvu";
import * as assert from "uvu/assert";
import { cleanOcrLine, documentSlug, isTraditional, parseChineseDate } from "../../src/import/index.ts";

const dates: [string, string | null][] = [
  ["2019年4月10日", "2019-04-10"],
  ["2019 年 4 月 10 日", "2019-04-10"],
  ["二〇一九年四月十日", "2019-04-10"],
  ["二〇一九年十二月三十一日", "2019-12-31"],
  ["二〇二〇年一月二十日", "2020-01-20"],
  ["二○一九年二月二十八日", "2019-02-28"],
  ["２０１９年４月１０日", "2019-04-10"],
  ["2019年2月30日", null],
  ["二〇一九年十三月一日", null],
  ["本办法自发布之日起施行", null],
];
for (const [text, expected] of dates) {
  test(`reads the printed date "${text}" as ${expected}`, () => assert.is(parseChineseDate(text), expected));
}

const lines: [string, string][] = [
  ["市政府 2019 年工作要点", "市政府2019年工作要点"],
  ["加强与哈工大等科研院所合作,", "加强与哈工大等科研院所合作，"],
  ["(责任单位:市工信局;配合单位:市商务局)", "（责任单位：市工信局；配合单位：市商务局）"],
  ["药管理和服 务,逐步解决", "药管理和服务，逐步解决"],
  ["POS 机业务量", "POS机业务量"],
  ["“3+3”产业体系, 10% 以上", "“3+3”产业体系，10%以上"],
  ["**第一条** 为创新中小企业融资方式", "**第一条** 为创新中小企业融资方式"],
  ["第一章 总 则", "第一章 总则"],
  ["拟贷款 企业名称\tXXX 股份有限公司", "拟贷款企业名称\tXXX股份有限公司"],
  ["副主任  ", "副主任  "],
  ["see http://example.org/a,b", "see http://example.org/a,b"],
];
for (const [input, expected] of lines) {
  test(`removes OCR artifacts: "${input}"`, () => assert.is(cleanOcrLine(input).text, expected));
}

test("counts each kind of correction", () => {
  assert.equal(cleanOcrLine("合作, 建立 新能源(研究院)").corrections, { spaces: 2, punctuation: 3 });
});

test("names files from the document number in pinyin initials, else a keyword of the title", () => {
  assert.is(documentSlug(["乳政办发〔2019〕4号"], "…", 9), "rzbf-2019-4");
  assert.is(documentSlug(["乳政任〔2019〕2号", "乳政任〔2019〕3号"], "乳山市人民政府任免的工作人员名单", 20), "renmian");
  assert.is(documentSlug([], "样例市政务动态摘要", 7), "ylszwdtzy");
  assert.is(documentSlug([], "德州市养犬管理条例", 1), "dzsyqgltl", "a regulation: the initials of its title");
  assert.is(documentSlug([], "山东省机动车非法改装治理和噪声污染防治规定", 3), "sdsjdcffgzzlhzsw", "at most 16 letters");
  assert.is(documentSlug([], "ABC", 7), "page-7", "no Chinese character: the page");
});

test("tells Traditional from Simplified text", () => {
  assert.ok(isTraditional("範例縣政府關於加強環境保護工作的通知，為進一步加強環境保護工作"));
  assert.not.ok(isTraditional("乳山市人民政府关于印发市政府2019年工作要点的通知，为进一步加强环境保护工作"));
});

test.run();
