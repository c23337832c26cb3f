import { test } from "uvu";
import * as assert from "uvu/assert";
import { decodeChar, encodeChar, foldText, indexContent, pagefindTerm, queryTokens, untokenise } from "../../src/search/tokenise.ts";
import { recordContent, MAX_TEXT_CHARS } from "../../src/search/record-content.ts";
import { bodyText, excerptParts } from "../../src/client/excerpt.ts";

const words = (content: string) => content.split(" ").map((w) => untokenise(w));
/** The tokens of a content as text: each word's letters decoded, separators kept. */
const decoded = (content: string) => content.split(" ").map((w) => (w.match(/[a-z]{4}/gu) ?? []).map(decodeChar).join("") + w.replace(/^[a-z]*/u, ""));

test("characters are written as four letters and back", () => {
  for (const ch of ["住", "a", "1", "〇", "𠀀"]) assert.is(decodeChar(encodeChar(ch)), ch);
  assert.match(encodeChar("住"), /^[a-z]{4}$/u);
});

test("each run of letters and digits becomes its bigrams and its last character; separators stay with the run", () => {
  assert.equal(decoded(indexContent("住房公积金，2019年")), ["住房", "房公", "公积", "积金", "金，", "20", "01", "19", "9年", "年"]);
  assert.equal(decoded(indexContent("ＡＢ１")), ["ab", "b1", "1"], "width-folded and lower-cased");
  assert.equal(indexContent(""), "");
  assert.equal(decoded(indexContent("㍿，㍿")), ["株式", "式会", "会社", "社，", "株式", "式会", "会社", "社"], "a character NFKC turns into several, the same every time");
  assert.equal(decoded(indexContent("　𠀀𠀁")), ["\u2060", "𠀀𠀁", "𠀁"], "characters beyond the BMP and separators before the first run");
  assert.ok(words(indexContent("甲")).length === 1);
});

test("the content turns back into the text (letters and digits folded, whitespace as one space)", () => {
  const rows: [string, string][] = [
    ["住房公积金，2019年", "住房公积金，2019年"],
    ["乳政办发〔２０１９〕5号　关于印发的通知。", "乳政办发〔2019〕5号 关于印发的通知。"],
    ["第一条  为了", "第一条 为了"],
    ["《条例》（2020年修订）", "《条例》（2020年修订）"],
  ];
  for (const [text, back] of rows) assert.is(untokenise(indexContent(text)), back);
});

test("a query word becomes the phrase of the same tokens; one character is a prefix", () => {
  const indexed = indexContent("为了住房公积金的管理").split(" ");
  const q = queryTokens("住房公积金");
  assert.is(q.prefix, null);
  const at = indexed.indexOf(q.tokens[0]!);
  assert.equal(indexed.slice(at, at + q.tokens.length), q.tokens, "consecutive tokens of the text");
  assert.equal(queryTokens("乳"), { tokens: [], prefix: encodeChar("乳"), loose: false });
  assert.ok(indexed.some((w) => w.startsWith(encodeChar("积"))), "every character starts a token");
  assert.is(pagefindTerm(q), `"${q.tokens.join(" ")}"`);
  assert.is(pagefindTerm(queryTokens("，")), null, "punctuation alone is nothing to search for");
  // A run closed by a separator in the query must end there in the text too.
  const number = queryTokens("乳政发〔2019〕5号");
  const text = indexContent("根据乳政发〔2019〕5号文件").split(" ");
  const start = text.indexOf(number.tokens[0]!);
  assert.equal(text.slice(start, start + number.tokens.length).map((w) => w.replace(/[^a-z]/gu, "")), number.tokens);
  assert.ok(queryTokens("〔2019〕5").loose, "a last run of one character after a separator cannot be a phrase word");
});

test("foldText folds width and case like the index", () => {
  assert.is(foldText("ＧＢ／Ｔ  9704"), "gb/t 9704");
});

test("a record's content holds title and numbers before the text; bodyAt marks where the text starts", () => {
  const { content, bodyAt } = recordContent("关于设立缓释基金的通知", ["乳政办发〔2019〕5号"], "为了设立缓释基金，现通知如下。");
  assert.is(bodyText(content, bodyAt), "为了设立缓释基金，现通知如下。");
  assert.throws(() => recordContent("长文", [], "字".repeat(MAX_TEXT_CHARS + 1)), /上限/u);
});

test("an excerpt is body text around the first match, marks the query, and never starts with punctuation", () => {
  const text = "各镇人民政府：为了设立缓释基金，经研究，现将有关事项通知如下。第一条 住房公积金管理。";
  const parts = excerptParts(text, ["缓释基金"], 20, 6);
  assert.equal(parts.filter((p) => p.mark).map((p) => p.text), ["缓释基金"]);
  assert.is(parts[0]!.text.startsWith("…"), true);
  assert.not.match(parts[0]!.text.slice(1), /^[：，。]/u);
  assert.equal(excerptParts("短文。", ["无"]), [{ text: "短文。", mark: false }], "no match: the beginning of the text");
});

test.run();
