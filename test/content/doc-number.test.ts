import { test } from "uvu";
import * as assert from "uvu/assert";
import { canonicalDocNumber, foldDocNumber, parseDocNumber } from "../../src/content/index.ts";

const forms: [string, string][] = [
  ["乳政发〔2019〕2号", "乳政发〔2019〕2号"],
  ["乳政发[2019]2号", "乳政发〔2019〕2号"],
  ["乳政发【2019】2号", "乳政发〔2019〕2号"],
  ["乳政发（2019）2号", "乳政发〔2019〕2号"],
  ["乳政发(2019)2号", "乳政发〔2019〕2号"],
  ["乳政发［2019］2号", "乳政发〔2019〕2号"],
  ["乳政发﹝2019﹞2号", "乳政发〔2019〕2号"],
  ["乳政发〔２０１９〕２号", "乳政发〔2019〕2号"],
  ["乳政发 〔2019〕 2 号", "乳政发〔2019〕2号"],
  ["乳政发〔2019〕2", "乳政发〔2019〕2号"],
  ["乳政发〔2019〕02号", "乳政发〔2019〕2号"],
  ["乳政办发〔2019〕5号", "乳政办发〔2019〕5号"],
];

test("folds 〔〕, [], 【】, （）, ()，［］ and ﹝﹞ in a document number to one canonical form", () => {
  for (const [input, expected] of forms) assert.is(canonicalDocNumber(input), expected, input);
});

test("parses a document number into prefix, year and serial", () => {
  assert.equal(parseDocNumber("乳政办发（2019）5号"), { prefix: "乳政办发", year: 2019, serial: 5 });
});

test("rejects text that is not a document number", () => {
  for (const bad of ["", "乳政发2019年2号", "〔2019〕2号", "乳政发〔19〕2号", "乳政发〔2019〕号", "2019-04-10"]) {
    assert.is(canonicalDocNumber(bad), null, bad);
  }
});

test("folding removes all spaces, including the full-width space", () => {
  assert.is(foldDocNumber("乳政发　〔2019〕 2号"), "乳政发〔2019〕2号");
});

test.run();
