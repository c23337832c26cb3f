import { test } from "uvu";
import * as assert from "uvu/assert";
import { findCitations } from "../../src/relations/index.ts";

/** Real-looking sentences of gazette texts → the document numbers they cite (canonical form), in order. */
const cases: [sentence: string, expected: string[]][] = [
  // Citations in every bracket form that search accepts.
  ["为认真落实《山东省人民政府办公厅关于进一步加强严重精神障碍患者救治救助与服务管理工作的意见》（鲁政办发〔2018〕4号）和《威海市人民政府办公室关于加强严重精神障碍患者救治救助与服务管理工作的实施意见》（威政办发〔2019〕3号）要求", ["鲁政办发〔2018〕4号", "威政办发〔2019〕3号"]],
  ["根据《山东省地方金融条例》《山东省人民政府关于印发推动资本市场发展和重点产业转型升级财政政策措施的通知》（鲁政发〔2016〕20号）等，特制定本办法。", ["鲁政发〔2016〕20号"]],
  ["根据威政办发〔2019〕3号文件精神，结合我市实际，制定本方案。", ["威政办发〔2019〕3号"]],
  ["按照国办发[2018]15号要求，做好相关工作。", ["国办发〔2018〕15号"]],
  ["依据鲁政字【2017】207号文件规定执行。", ["鲁政字〔2017〕207号"]],
  ["《乳山市人民政府关于印发市政府2019年工作要点的通知》(乳政发(2019)2号)已印发。", ["乳政发〔2019〕2号"]],
  ["参照威政发［2015］12号有关规定办理。", ["威政发〔2015〕12号"]],
  ["原《乳山市资本市场缓释基金管理办法》（乳政办发﹝2019﹞5号）同时废止。", ["乳政办发〔2019〕5号"]],
  ["执行鲁财预〖2019〕８号规定的标准。", ["鲁财预〔2019〕8号"]],
  ["按照威政办发〔２０１９〕３号要求落实。", ["威政办发〔2019〕3号"]],
  ["OCR 留下空格：乳政发〔2019〕2 号已印发。", ["乳政发〔2019〕2号"]],
  ["繁体转录：依據魯政辦發〔2018〕4號辦理。", ["魯政辦發〔2018〕4号"]],
  ["序号带前导零：乳政办发〔2019〕05号。", ["乳政办发〔2019〕5号"]],
  ["2019年3月4日　乳政任〔2019〕2号", ["乳政任〔2019〕2号"]],
  ["同时引用国发〔2014〕43号、鲁政发〔2015〕5号两份文件。", ["国发〔2014〕43号", "鲁政发〔2015〕5号"]],
  // False friends: no document number.
  ["本办法自发布之日起施行，有效期至2022年12月31日。", []],
  ["2019年4月10日", []],
  ["联系电话：0631-6652345，传真：（0631）6652346。", []],
  ["缓释基金总规模1000万元，2019年度不超过300万元（含300万元）。", []],
  ["持久的妄想性障碍〔偏执性精神病〕、双相〔情感〕障碍、癫痫所致精神障碍", []],
  ["**第十八条** 本办法自发布之日起施行。", []],
  ["山东省乳山市XX镇（街道）XX街（路）XX号", []],
  ["依据（2019）鲁10民终123号民事判决书执行。", []],
  ["刊登于乳山市人民政府公报2019年第2期第12页。", []],
  ["乳政发2019年2号（无括号的写法不从正文中识别）", []],
  ["〔2019〕3号（没有机关代字）", []],
  ["按照（2019）年度计划安排3号楼改造。", []],
];

for (const [sentence, expected] of cases) {
  test(`finds ${expected.length ? expected.join(", ") : "no document number"} in “${sentence.slice(0, 24)}…”`, () => {
    assert.equal(findCitations(sentence).map((c) => c.docNumber), expected);
  });
}

test("the table holds at least 20 sentences, false friends among them", () => {
  assert.ok(cases.length >= 20 && cases.filter(([, e]) => e.length === 0).length >= 8);
});

test("gives the position and the written form of each number, so the text can be linked in place", () => {
  const text = "落实《意见》（鲁政办发[2018] 4号）要求";
  const [m] = findCitations(text);
  assert.equal(m, { start: 7, end: 20, text: "鲁政办发[2018] 4号", docNumber: "鲁政办发〔2018〕4号" });
  assert.is(text.slice(m!.start, m!.end), m!.text);
});

test("takes the archive's own 机关代字 when a run of characters ends with one", () => {
  assert.equal(findCitations("详见市政府乳政发〔2019〕2号").map((c) => c.docNumber), ["乳政发〔2019〕2号"]);
  assert.equal(findCitations("详见通知乳政办发〔2019〕4号", ["乳政办发", "政办发"]).map((c) => c.docNumber), ["乳政办发〔2019〕4号"]);
});

/**
 * The pattern as one regular expression, run with matchAll: what `findCitations` did before it
 * searched from the bracket (kept here as the reference its matches must equal).
 */
function referenceMatches(text: string): { index: number; run: string; end: number }[] {
  const whole = /([\p{Script=Han}A-Za-z]{2,24})[ \t\u3000]*[〔[【（(［﹝〖][ \t]*([0-9０-９]{4})[ \t]*[〕\]】）)］﹞〗][ \t]*([0-9０-９]{1,5})[ \t]*[号號]/gu;
  return [...text.matchAll(whole)].map((m) => ({ index: m.index, run: m[1]!, end: m.index + m[0].length }));
}

/** Seeded random texts over the characters that matter: Han (BMP and beyond), letters, brackets, digits, spaces, 号. */
function randomTexts(count: number, seed: number): string[] {
  const pieces = ["乳", "政", "发", "办", "号", "號", "根据", "的", "𠀀", "𪚥", "A", "x", "〔", "〕", "[", "]", "（", "）", "(", ")", "【", "】", "﹝", "〖", "2019", "２０１９", "1", "05", "123456", "〔2019〕", "[2018] ", "（２０１９）", "【2017〕", "2号", " 3 号", "12號", "〔2019〕2号", " ", "\t", "\u3000", "，", "。", "\n"];
  let s = seed >>> 0;
  const next = (n: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: 5 + next(60) }, () => pieces[next(pieces.length)]!).join(""));
}

test("finds the same numbers as the whole pattern run at every character, also in long runs and at astral characters", () => {
  const texts = [
    ...randomTexts(4000, 7),
    "甲".repeat(30) + "〔2019〕2号",
    "𠀀".repeat(30) + "乳政发〔2019〕2号",
    "乳政发〔2019〕2号乳政发〔2019〕3号号文〔2020〕4号",
    "x〔2019〕5号文〔2020〕3号",
    "乳政发 \u3000〔2019〕2号　 国发　〔2020〕1号",
  ];
  for (const text of texts) {
    const expected = referenceMatches(text).flatMap(({ index, run, end }) => {
      // The reference of what findCitations keeps: the same rules applied to the same match.
      const again = findCitations(text.slice(index, end));
      return again.length === 1 ? [{ ...again[0]!, start: again[0]!.start + index, end: again[0]!.end + index }] : [];
    });
    assert.equal(findCitations(text), expected, JSON.stringify(text));
  }
});

test.run();
