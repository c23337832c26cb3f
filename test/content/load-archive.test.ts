import { test } from "uvu";
import * as assert from "uvu/assert";
import { rm } from "node:fs/promises";
import path from "node:path";
import { loadArchive, type Finding } from "../../src/content/index.ts";
import { documentText, FIXTURE_ARCHIVE, tempArchive } from "../helpers/temp-archive.ts";

async function findingsFor(files: Record<string, string>): Promise<Finding[]> {
  const dir = await tempArchive(files);
  try {
    return (await loadArchive(dir, dir)).findings;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("loads the fixture archive: issues newest first, documents in table-of-contents order", async () => {
  const { archive, findings } = await loadArchive(FIXTURE_ARCHIVE, FIXTURE_ARCHIVE);
  assert.equal(findings, []);
  assert.ok(archive);
  assert.equal(archive!.issues.map((i) => i.key), ["2020-03", "2019-01"]);
  const issue = archive!.issues[1]!;
  assert.is(issue.url, "/2019/1/");
  assert.is(issue.label, "2019年第1期");
  assert.equal(issue.documents.map((d) => d.slug), ["csf-2019-1", "draft", "csbf-2019-3", "csbf-2019-2", "withheld"]);
  const doc = issue.documents.find((d) => d.slug === "csbf-2019-2")!;
  assert.equal(doc.issuers, ["测试市人民政府办公室", "测试市卫生健康局"]);
  assert.is(doc.url, "/2019/1/csbf-2019-2/");
  assert.is(doc.sourcePath, "2019-01/csbf-2019-2.md");
  assert.is(doc.date, "2019-01-01");
});

const A = "2019-01/new.md";
const cases: { name: string; files: Record<string, string>; file: string; line: number; message: RegExp }[] = [
  { name: "a missing title", files: { [A]: documentText({ title: undefined }) }, file: A, line: 2, message: /required field "title" is missing/ },
  { name: "an impossible date", files: { [A]: documentText({ date: "2019-02-30" }) }, file: A, line: 5, message: /"date" must be a real calendar date.*2019-02-30/ },
  { name: "a date with a time", files: { [A]: documentText({ date: '"2019-03-01T08:00:00+08:00"' }) }, file: A, line: 5, message: /"date" must be a real calendar date/ },
  { name: "an unknown publication status", files: { [A]: documentText({ publication: "secret" }) }, file: A, line: 6, message: /"publication" must be one of public, on-request, withheld, draft/ },
  { name: "a malformed document number", files: { [A]: documentText({ docNumber: '"乳政发2019年2号"' }) }, file: A, line: 3, message: /must be a document number/ },
  { name: "a section the issue does not declare", files: { [A]: documentText({ section: '"不存在栏目"' }) }, file: A, line: 7, message: /"section" is "不存在栏目", which 2019-01\/issue.yml does not declare/ },
  { name: "a duplicate document number", files: { [A]: documentText({ docNumber: '"测政发〔2019〕1号"' }) }, file: A, line: 1, message: /document number 测政发〔2019〕1号 is already used by 2019-01\/csf-2019-1.md/ },
  { name: "a YAML syntax error", files: { [A]: documentText({ title: '"unterminated' }) }, file: A, line: 2, message: /YAML syntax error/ },
  { name: "a page that is not a number", files: { [A]: documentText({ page: "第七页" }) }, file: A, line: 8, message: /"page" must be a page number/ },
  { name: "an unknown field", files: { [A]: documentText({ docNumer: '"x"' }) }, file: A, line: 9, message: /unknown field "docNumer"/ },
  { name: "a folder name that disagrees with the issue", files: { "2019-05/issue.yml": "gazette: 公报\nyear: 2019\nnumber: 4\nfrequency: 季刊\npublisher: 办公室\nsections: [甲]\n" }, file: "2019-05/issue.yml", line: 2, message: /folder name "2019-05" does not match year 2019 and number 4/ },
  { name: "a file name that is not ASCII", files: { "2019-01/文件.md": documentText() }, file: "2019-01/文件.md", line: 1, message: /not a lowercase ASCII name/ },
  { name: "a document without front matter", files: { [A]: "正文。\n" }, file: A, line: 1, message: /does not start with front matter/ },
];

for (const c of cases) {
  test(`reports ${c.name} with its file and line`, async () => {
    const findings = await findingsFor(c.files);
    const hit = findings.find((f) => f.file === c.file && c.message.test(f.message));
    assert.ok(hit, `expected ${c.message} in ${c.file}, got:\n${findings.map((f) => `${f.file}:${f.line} ${f.message}`).join("\n")}`);
    assert.is(hit!.line, c.line, `line of ${c.message}`);
    assert.is(hit!.severity, "error");
    assert.ok(hit!.fix.length > 0);
  });
}

test("a content folder with errors yields no archive", async () => {
  const dir = await tempArchive({ [A]: documentText({ date: "2019-02-30" }) });
  const { archive } = await loadArchive(dir, dir);
  assert.is(archive, null);
  await rm(dir, { recursive: true, force: true });
});

test("finding paths are relative to the given root", async () => {
  const dir = await tempArchive({ [A]: documentText({ date: "2019-02-30" }) });
  const { findings } = await loadArchive(dir, path.dirname(dir));
  assert.ok(findings[0]!.file.startsWith(path.basename(dir) + "/2019-01/new.md"));
  await rm(dir, { recursive: true, force: true });
});

test.run();
