import { test } from "uvu";
import * as assert from "uvu/assert";
import { rm } from "node:fs/promises";
import { loadArchive, type Finding } from "../../src/content/index.ts";
import { suggestField } from "../../src/content/checks/index.ts";
import { documentText, tempArchive } from "../helpers/temp-archive.ts";

/**
 * The table of bad inputs an editor can write: each row puts files on top of the fixture
 * archive and names the finding `npm run check` must produce (file, line, severity, message,
 * and optionally what the fix must say).
 */
interface Case {
  name: string;
  files: Record<string, string>;
  file: string;
  line: number;
  severity: "error" | "warning";
  message: RegExp;
  fix?: RegExp;
}

const A = "2019-01/new.md";
const issueYml = (number: string) => `gazette: 测试市人民政府公报\nyear: 2019\nnumber: ${number}\nfrequency: 季刊\npublisher: 办公室\nsections: [甲]\n`;
const body = (text: string) => documentText({}, text);

const cases: Case[] = [
  // Field shapes
  { name: "a missing title", files: { [A]: documentText({ title: undefined }) }, file: A, line: 2, severity: "error", message: /required field "title" is missing/, fix: /add a line title:/ },
  { name: "an impossible date", files: { [A]: documentText({ date: "2019-02-30" }) }, file: A, line: 5, severity: "error", message: /"date" must be a real calendar date.*2019-02-30/, fix: /this day does not exist/ },
  { name: "a date with a time and offset", files: { [A]: documentText({ date: "2019-03-01T08:00:00+08:00" }) }, file: A, line: 5, severity: "error", message: /"date" must be a calendar date without a time or time zone.*never shifted/, fix: /date: 2019-03-01$/ },
  { name: "a date written the Chinese way", files: { [A]: documentText({ date: "2019年4月10日" }) }, file: A, line: 5, severity: "error", message: /"date" must be a real calendar date/, fix: /date: 2019-04-10/ },
  { name: "an unknown publication status", files: { [A]: documentText({ publication: "secret" }) }, file: A, line: 6, severity: "error", message: /"publication" must be one of public, on-request, withheld, draft/ },
  { name: "an unknown validity", files: { [A]: documentText({ validity: "void" }) }, file: A, line: 9, severity: "error", message: /"validity" must be one of valid, amended, repealed, expired, got "void"/, fix: /repealed \(已废止\)/ },
  { name: "a page that is not a number", files: { [A]: documentText({ page: "第七页" }) }, file: A, line: 8, severity: "error", message: /"page" must be a page number/, fix: /page: 12/ },
  { name: "a title read as a YAML boolean", files: { [A]: documentText({ title: "true" }) }, file: A, line: 2, severity: "error", message: /"title" must be text.*got the YAML value true/, fix: /quote it: title: "true"/ },
  { name: "an issue year that is not a number", files: { "2019-01/issue.yml": issueYml("1").replace("year: 2019", "year: 二〇一九") }, file: "2019-01/issue.yml", line: 2, severity: "error", message: /"year" must be a year like 2019/ },
  { name: "issue sections left empty", files: { "2019-01/issue.yml": issueYml("1").replace("sections: [甲]", "sections:") }, file: "2019-01/issue.yml", line: 6, severity: "error", message: /^"sections" must list the sections in printed order$/, fix: /one per line/ },
  { name: "issue sections written as one value", files: { "2019-01/issue.yml": issueYml("1").replace("sections: [甲]", "sections: 甲") }, file: "2019-01/issue.yml", line: 6, severity: "error", message: /^"sections" must list the sections in printed order$/, fix: /  - 市政府文件/ },
  // Document numbers
  { name: "a malformed document number", files: { [A]: documentText({ docNumber: '"测政发2019年8号"' }) }, file: A, line: 3, severity: "error", message: /must be a document number like 乳政发〔2019〕2号, got "测政发2019年8号"/ },
  { name: "a document number with half-width brackets", files: { [A]: documentText({ docNumber: "测政发[2019]8号" }) }, file: A, line: 3, severity: "warning", message: /"测政发\[2019\]8号" is not in the standard form 测政发〔2019〕8号/, fix: /docNumber: "测政发〔2019〕8号"/ },
  { name: "a document number with 【】", files: { [A]: documentText({ docNumber: '"测政发【2019】8号"' }) }, file: A, line: 3, severity: "warning", message: /standard form 测政发〔2019〕8号/ },
  { name: "a document number with full-width digits and parentheses", files: { [A]: documentText({ docNumber: '"测政发（２０１９）８号"' }) }, file: A, line: 3, severity: "warning", message: /standard form 测政发〔2019〕8号/ },
  { name: "a document number with stray spaces and ﹝﹞", files: { [A]: documentText({ docNumber: '"测政发 ﹝2019﹞ 8 号"' }) }, file: A, line: 3, severity: "warning", message: /standard form 测政发〔2019〕8号/ },
  { name: "a document number whose year differs from the date", files: { [A]: documentText({ docNumber: '"测政发〔2018〕8号"' }) }, file: A, line: 3, severity: "warning", message: /year 2018 in document number 测政发〔2018〕8号 differs from the year of date 2019-03-01/ },
  { name: "a document number starting with unquoted [ ]", files: { [A]: documentText({ docNumber: "[2019]8号" }) }, file: A, line: 3, severity: "error", message: /the value of "docNumber" starts with \[, which YAML reads as the start of a list/, fix: /replacing 机关代字 with the agency code printed on the original: docNumber: "机关代字〔2019〕8号"/ },
  { name: "a document number YAML reads as a list of numbers", files: { [A]: documentText({ docNumber: "[2019, 8]" }) }, file: A, line: 3, severity: "error", message: /"docNumber" starts with \[ and YAML read it as a list of numbers/, fix: /quote it/ },
  // Across files
  { name: "a duplicate document number", files: { [A]: documentText({ docNumber: '"测政发〔2019〕1号"' }) }, file: A, line: 3, severity: "error", message: /document number 测政发〔2019〕1号 is already used by 2019-01\/csf-2019-1.md/ },
  { name: "a document number listed twice in one document", files: { [A]: documentText({ docNumber: '["测政发〔2019〕8号", "测政发[2019]8号"]' }) }, file: A, line: 3, severity: "error", message: /document number 测政发〔2019〕8号 is listed twice in this document/ },
  { name: "two documents at the same web address", files: { "2019-01/twin.md": documentText({ docNumber: undefined }), "2019-01/TWIN.md": documentText({ docNumber: undefined }) }, file: "2019-01/TWIN.md", line: 1, severity: "error", message: /same web address \/2019\/1\/TWIN\/ as 2019-01\/twin.md/ },
  { name: "a section the issue does not declare", files: { [A]: documentText({ section: '"不存在栏目"' }) }, file: A, line: 7, severity: "error", message: /"section" is "不存在栏目", which 2019-01\/issue.yml does not declare/ },
  { name: "a folder name that disagrees with the issue", files: { "2019-05/issue.yml": issueYml("4") }, file: "2019-05/issue.yml", line: 2, severity: "error", message: /folder name "2019-05" does not match year 2019 and number 4/, fix: /rename the folder to 2019-04/ },
  { name: "printed pages going backwards", files: { [A]: documentText({ page: "9" }) }, file: "2019-01/csbf-2019-3.md", line: 8, severity: "warning", message: /page 3 comes after page 9 \(2019-01\/new.md\)/ },
  { name: "an issue folder without issue.yml", files: { "2019-07/a.md": documentText() }, file: "2019-07/", line: 1, severity: "error", message: /has no issue.yml/, fix: /npm run new/ },
  { name: "a file name that is not ASCII", files: { "2019-01/文件.md": documentText() }, file: "2019-01/文件.md", line: 1, severity: "error", message: /not a lowercase ASCII name/ },
  { name: "a document saved as .txt", files: { "2019-01/new.txt": documentText() }, file: "2019-01/new.txt", line: 1, severity: "error", message: /“new\.txt”不会被读取：只有以 \.md 结尾的文件才是公报文件/, fix: /改名为 new\.md/ },
  { name: "a document saved with an upper-case .MD", files: { "2019-01/new.MD": documentText() }, file: "2019-01/new.MD", line: 1, severity: "error", message: /“new\.MD”不会被读取/, fix: /改名为 new\.md/ },
  { name: "another file in an issue folder", files: { "2019-01/scan.docx": "PK" }, file: "2019-01/scan.docx", line: 1, severity: "error", message: /“scan\.docx”不是公报文件/, fix: /移出 issues\// },
  // Unknown keys
  { name: "a misspelt document field", files: { [A]: documentText({ docNumer: '"x"' }) }, file: A, line: 9, severity: "error", message: /unknown field "docNumer" — a misspelt "docNumber"/, fix: /did you mean "docNumber"/ },
  { name: "an unknown field not close to a known one", files: { [A]: documentText({ keywords: '"x"' }) }, file: A, line: 9, severity: "warning", message: /unknown field "keywords" is ignored/, fix: /remove it/ },
  { name: "a misspelt issue field", files: { "2019-01/issue.yml": issueYml("1") + "publised: 2019-03-31\n" }, file: "2019-01/issue.yml", line: 7, severity: "error", message: /unknown field "publised"/, fix: /did you mean "published"/ },
  // YAML traps
  { name: "an issue number written 08", files: { "2019-08/issue.yml": issueYml("08") }, file: "2019-08/issue.yml", line: 3, severity: "warning", message: /"number" is written 08 with a leading zero/, fix: /number: 8/ },
  { name: "an unquoted title cut by a # comment", files: { [A]: documentText({ title: "乳山市关于 #测试的通知" }) }, file: A, line: 2, severity: "warning", message: /"title" stops at " #": YAML reads "乳山市关于" and drops "#测试的通知"/, fix: /quote the whole value: title: "乳山市关于 #测试的通知"/ },
  { name: "an unquoted no", files: { [A]: documentText({ issuer: "no" }) }, file: A, line: 4, severity: "warning", message: /"issuer" is the bare word no/, fix: /quote it: issuer: "no"/ },
  { name: "an unquoted yes", files: { [A]: documentText({ title: "Yes" }) }, file: A, line: 2, severity: "warning", message: /"title" is the bare word Yes/, fix: /quote it/ },
  { name: "a YAML syntax error", files: { [A]: documentText({ title: "甲: 乙: 丙" }) }, file: A, line: 2, severity: "error", message: /YAML syntax error/ },
  { name: "a quote its line never closes", files: { [A]: documentText({ title: '"未闭合的标题' }) }, file: A, line: 2, severity: "error", message: /the value of 'title' opens a " that its line never closes/, fix: /add " at the end of the line/ },
  { name: "the next line's mistake after an unclosed quote", files: { [A]: documentText({ issuer: '"测试市人民政府', date: "2019-02-30" }) }, file: A, line: 5, severity: "error", message: /"date" must be a real calendar date.*2019-02-30/ },
  { name: "a single quote its line never closes", files: { [A]: documentText({ section: "'市政府文件" }) }, file: A, line: 7, severity: "error", message: /the value of 'section' opens a ' that its line never closes/ },
  { name: "a stray closing quote in a title", files: { [A]: documentText({ title: '测试市人民政府关于测试的通知"' }) }, file: A, line: 2, severity: "error", message: /has an unpaired straight double quote/, fix: /^delete the extra " or add its pair: quote the whole title as title: "测试市人民政府关于测试的通知"/ },
  { name: "a tab in the front matter", files: { [A]: documentText({ title: '\t"测试文件"' }) }, file: A, line: 2, severity: "warning", message: /a tab character/, fix: /spaces/ },
  { name: "a tab used as indentation", files: { "2019-01/issue.yml": issueYml("1").replace("sections: [甲]", "sections:\n\t- 甲") }, file: "2019-01/issue.yml", line: 7, severity: "error", message: /the line is indented with a tab, which YAML does not allow/, fix: /spaces/ },
  { name: "a byte-order mark", files: { [A]: "\uFEFF" + documentText() }, file: A, line: 1, severity: "warning", message: /byte-order mark/, fix: /without BOM/ },
  { name: "Windows line ends", files: { [A]: documentText().replace(/\n/g, "\r\n") }, file: A, line: 1, severity: "warning", message: /CRLF/, fix: /LF line ends/ },
  { name: "a document without front matter", files: { [A]: "正文。\n" }, file: A, line: 1, severity: "error", message: /does not start with front matter/ },
  { name: "a value the importer marked for review", files: { [A]: documentText({ issuer: '"测试市人民政府"  # 待核：从标题推断' }) }, file: A, line: 4, severity: "error", message: /"issuer" is marked # 待核 \(not yet checked\): 从标题推断/, fix: /delete the comment/ },
  // Validity fields (有效性)
  { name: "an impossible validUntil", files: { [A]: documentText({ validUntil: "2022-02-30" }) }, file: A, line: 9, severity: "error", message: /"validUntil" must be a real calendar date.*2022-02-30/, fix: /this day does not exist/ },
  { name: "a validUntil written the Chinese way", files: { [A]: documentText({ validUntil: "2022年12月31日" }) }, file: A, line: 9, severity: "error", message: /"validUntil" must be a real calendar date/, fix: /validUntil: 2022-12-31/ },
  { name: "validFrom after validUntil", files: { [A]: documentText({ validFrom: "2023-01-01", validUntil: "2022-12-31" }) }, file: A, line: 10, severity: "error", message: /"validUntil" 2022-12-31 is before "validFrom" 2023-01-01/ },
  { name: "a validUntil before the document's date", files: { [A]: documentText({ validUntil: "2018-12-31" }) }, file: A, line: 9, severity: "warning", message: /"validUntil" 2018-12-31 is before the document's date 2019-03-01/ },
  { name: "a repealedBy that is not a document number", files: { [A]: documentText({ repealedBy: '"新文件"' }) }, file: A, line: 9, severity: "error", message: /"repealedBy" must be a document number/, fix: /repealedBy: "乳政发〔2020〕1号"/ },
  { name: "a repealedBy naming the document itself", files: { [A]: documentText({ repealedBy: '"测政发〔2019〕8号"' }) }, file: A, line: 9, severity: "error", message: /"repealedBy" 测政发〔2019〕8号 is this document's own number/ },
  { name: "a repealedBy not in the archive", files: { [A]: documentText({ repealedBy: '"测政发〔2020〕99号"' }) }, file: A, line: 9, severity: "warning", message: /"repealedBy" 测政发〔2020〕99号 is not a document of this archive/, fix: /check the number/ },
  { name: "an amendedBy naming a withheld document", files: { [A]: documentText({ amendedBy: '["测政办发[2019]9号"]' }) }, file: A, line: 9, severity: "warning", message: /"amendedBy" 测政办发〔2019〕9号 is 2019-01\/withheld.md, which is not published/ },
  { name: "a validity override beside the fields", files: { [A]: documentText({ validUntil: "2022-12-31", validity: "valid" }) }, file: A, line: 10, severity: "warning", message: /"validity: valid" overrides validFrom/, fix: /remove validity:/ },
  // Body text (OCR leftovers)
  { name: "spaces between Chinese characters", files: { [A]: body("第一段。\n\n加强 精神卫生工作。\n") }, file: A, line: 13, severity: "warning", message: /a space between Chinese characters/, fix: /delete the space/ },
  { name: "a half-width comma between Chinese characters", files: { [A]: body("现印发给你们,请认真组织实施。\n") }, file: A, line: 11, severity: "warning", message: /half-width "," between Chinese/, fix: /full-width ，/ },
  { name: "a half-width colon between Chinese characters", files: { [A]: body("责任单位:市工信局。\n") }, file: A, line: 11, severity: "warning", message: /half-width ":"/, fix: /：/ },
  { name: "a half-width parenthesis between Chinese characters", files: { [A]: body("严重精神障碍(精神分裂症)。\n") }, file: A, line: 11, severity: "warning", message: /half-width "\("/ },
  { name: "unbalanced brackets", files: { [A]: body("严重精神障碍（精神分裂症等。\n") }, file: A, line: 11, severity: "warning", message: /unbalanced （）/, fix: /add the missing ）/ },
  { name: "unbalanced quotes", files: { [A]: body("按照“保基本、兜底线的原则。\n") }, file: A, line: 11, severity: "warning", message: /unbalanced “”/ },
  { name: "an empty body", files: { [A]: body("\n") }, file: A, line: 10, severity: "warning", message: /has no text/ },
  { name: "a page header left in the text", files: { [A]: body("第一段。\n\n测试市人民政府公报 2019年第1期\n\n第二段。\n") }, file: A, line: 13, severity: "warning", message: /page header/, fix: /delete the line/ },
  { name: "a page footer left in the text", files: { [A]: body("第一段。\n\n— 12 —\n\n第二段。\n") }, file: A, line: 13, severity: "warning", message: /only a page number/, fix: /delete the line/ },
];

for (const c of cases) {
  test(`reports ${c.name} as ${c.severity === "error" ? "an error" : "a warning"} at its line`, async () => {
    const dir = await tempArchive(c.files);
    let findings: Finding[];
    try {
      findings = (await loadArchive(dir, dir)).findings;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // A row is written against the English pair, or against the Chinese text of a finding that has only Chinese.
    const hit = findings.find((f) => f.file === c.file && c.message.test(f.en?.message ?? f.message));
    assert.ok(hit, `expected ${c.message} in ${c.file}, got:\n${findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.en?.message ?? f.message} (${f.en?.fix ?? f.fix})`).join("\n")}`);
    assert.match(hit!.message, /\p{Script=Han}/u, "the message is Chinese");
    assert.match(hit!.fix, /\p{Script=Han}/u, "the fix is Chinese");
    assert.is(hit!.line, c.line, `line of ${c.message}`);
    assert.is(hit!.severity, c.severity);
    assert.ok(hit!.fix.length > 0);
    if (c.fix) assert.match(hit!.en?.fix ?? hit!.fix, c.fix);
  });
}

test("suggests the nearest known field, or nothing when none is close", () => {
  const known = ["title", "docNumber", "issuer", "date", "publication", "section", "page"];
  assert.is(suggestField("docNumer", known), "docNumber");
  assert.is(suggestField("Titel", known), "title");
  assert.is(suggestField("publicaton", known), "publication");
  assert.is(suggestField("keywords", known), null);
});

test("a warning alone does not stop the archive from loading", async () => {
  const dir = await tempArchive({ [A]: documentText({ keywords: '"x"' }) });
  const { archive, findings } = await loadArchive(dir, dir);
  await rm(dir, { recursive: true, force: true });
  assert.ok(findings.length > 0);
  assert.ok(archive, "archive loads with warnings only");
});

test.run();
