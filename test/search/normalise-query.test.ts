import { test } from "uvu";
import * as assert from "uvu/assert";
import { documentSeries, normaliseQuery, numberShard, queryDocNumber, querySeries, queryWords } from "../../src/search/index.ts";
import { NUMBER_FORMS } from "../../src/dev/search-eval/index.ts";

const numberForms: [string, string][] = [
  ["乳政发〔2019〕2号", "乳政发〔2019〕2号"],
  ["乳政发[2019]2号", "乳政发〔2019〕2号"],
  ["乳政发【2019】2号", "乳政发〔2019〕2号"],
  ["乳政发（2019）2号", "乳政发〔2019〕2号"],
  ["乳政发(2019)2号", "乳政发〔2019〕2号"],
  ["乳政发［2019］2号", "乳政发〔2019〕2号"],
  ["乳政发〔２０１９〕２号", "乳政发〔2019〕2号"],
  ["乳政发〔2019〕2", "乳政发〔2019〕2号"],
  ["乳政发 〔2019〕 2 号", "乳政发〔2019〕2号"],
  ["  乳政发〔2019〕2号\u3000", "乳政发〔2019〕2号"],
  ["乳政发2019年2号", "乳政发〔2019〕2号"],
  ["乳政发 2019 2", "乳政发〔2019〕2号"],
  ["乳政办发〔2019〕05号", "乳政办发〔2019〕5号"],
];

test("folds a document number typed in any common form to the canonical 〔〕 form", () => {
  for (const [input, expected] of numberForms) {
    assert.is(queryDocNumber(input), expected, input);
    assert.equal(normaliseQuery(input), { text: expected, docNumber: expected, seriesCandidates: [] }, input);
  }
});

test("every written form the search evaluation types folds back to the canonical number", () => {
  for (const [form, write] of Object.entries(NUMBER_FORMS)) assert.is(queryDocNumber(write("乳财发", "2021", "17")), "乳财发〔2021〕17号", form);
});

test("folds 第N号, 年第N号 and a trailing 号文 (forms readers type) to the canonical number", () => {
  for (const q of ["乳政办发〔2019〕第5号", "乳政办发2019年第5号", "乳政办发〔2019〕5号文", "乳政办发[2019]第5号文", "乳政办发（2019）第05号"]) assert.is(queryDocNumber(q), "乳政办发〔2019〕5号", q);
  assert.is(queryDocNumber("乳政办发2019"), null);
});

test("leaves ordinary words and phrases alone, apart from spaces", () => {
  assert.equal(normaliseQuery("  严重精神障碍   救治 "), { text: "严重精神障碍 救治", docNumber: null, seriesCandidates: [] });
  assert.is(queryDocNumber("2019年工作要点"), null);
  assert.is(queryDocNumber("〔2019〕2号"), null);
});

test("offers series keys for a series prefix typed with or without a year", () => {
  const cases: [string, string[]][] = [
    ["乳政办发", ["乳政办发"]],
    ["乳政办发〔2019〕", ["乳政办发〔2019〕"]],
    ["乳政办发[2019]", ["乳政办发〔2019〕"]],
    ["乳政办发（2019", ["乳政办发〔2019〕"]],
    ["乳政办发2019", ["乳政办发〔2019〕"]],
    ["乳政办发 〔２０１９〕", ["乳政办发〔2019〕"]],
    ["精神 障碍", []],
    ["发", []],
  ];
  for (const [input, expected] of cases) assert.equal(querySeries(input), expected, input);
});

test("gives each document number its series keys", () => {
  assert.equal(documentSeries("乳政办发〔2019〕4号"), ["乳政办发", "乳政办发〔2019〕"]);
  assert.equal(documentSeries("not a number"), []);
});

test("splits a query into words, folding document numbers", () => {
  assert.equal(queryWords("精神卫生 乳政发[2019]2号"), ["精神卫生", "乳政发〔2019〕2号"]);
  assert.equal(queryWords('"工矿废弃地复垦"'), ["工矿废弃地复垦"]);
  assert.equal(queryWords("   "), []);
});

test("puts every number of one series and year in the same 8-hex-digit shard", () => {
  const a = numberShard("乳政发〔2019〕2号");
  assert.match(a ?? "", /^[0-9a-f]{8}$/);
  assert.is(numberShard("乳政发〔2019〕315号"), a);
  assert.is(numberShard("乳政发[2019]7"), a);
  assert.is.not(numberShard("乳政发〔2020〕2号"), a);
  assert.is.not(numberShard("乳政办发〔2019〕2号"), a);
  assert.is(numberShard("工作要点"), null);
});

test.run();
