import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";
import { loadArchive } from "../../src/content/index.ts";
import { formatSummaryTable, ImportError, importDump, splitDump, writeImport, type ImportResult } from "../../src/import/index.ts";
import { PROJECT_ROOT, emptyArchive, tempArchive } from "../helpers/temp-archive.ts";
import { runScripts } from "../helpers/run-scripts.ts";
import { after, before } from "../helpers/hooks.ts";
import { bodyOf, frontMatter } from "../helpers/imported-files.ts";

const FIXTURES = path.join(PROJECT_ROOT, "test/fixtures/import");
const SAMPLE = path.join(PROJECT_ROOT, "issues/2019-02");
const dump = (name: string) => readFile(path.join(FIXTURES, name), "utf8");
const FIELDS = ["title", "docNumber", "issuer", "date", "publication", "section", "page"];

let seed: ImportResult;
before(test, async () => {
  seed = importDump(await dump("rushan-gazette-2019-2.md"), { dumpName: "rushan-gazette-2019-2.md" });
});

test("on the seed: the same five documents as the sample issue, field by field", async () => {
  const sampleFiles = (await readdir(SAMPLE)).filter((f) => f.endsWith(".md") && !f.startsWith("_")).sort();
  const imported = Object.keys(seed.files).filter((f) => f.endsWith(".md") && !f.startsWith("_")).sort();
  assert.equal(imported, sampleFiles);
  for (const file of sampleFiles) {
    const expected = frontMatter(await readFile(path.join(SAMPLE, file), "utf8"));
    const actual = frontMatter(seed.files[file]!);
    for (const field of FIELDS) assert.equal(actual[field], expected[field], `${file}: ${field}`);
  }
});

test("a cover that prints the running number after the issue (2019年第2期（总第2期）) still names the issue", async () => {
  const text = (await dump("rushan-gazette-2019-2.md")).replace(/^2019 年第 2 期$/m, "2019年第2期（总第2期）");
  assert.match(text, /2019年第2期（总第2期）/, "the fixture's cover line was changed");
  const result = importDump(text, { dumpName: "total.md" });
  assert.is(result.folder, "2019-02");
});

test("on the seed: the same gazette issue metadata as the sample issue.yml", async () => {
  const expected = parse(await readFile(path.join(SAMPLE, "issue.yml"), "utf8")) as unknown;
  assert.equal(parse(seed.files["issue.yml"]!), expected);
  assert.is(seed.folder, "2019-02");
});

/** Every character that is text, not layout: no whitespace, no Markdown marks, width folded. */
const letters = (text: string) =>
  text
    .split("\n")
    .filter((l) => !/^:::/.test(l) && !/^\|(?:\s*---\s*\|)+$/.test(l))
    .join("")
    .normalize("NFKC")
    .replace(/[\s#*|　]/g, "");

test("on the seed: every character of document text is kept, in order", async () => {
  const text = await dump("rushan-gazette-2019-2.md");
  const split = splitDump(text, "乳山市人民政府公报");
  const lines = text.split("\n");
  const dropped = new Set(split.dropped.map((d) => d.line));
  const from = split.segments[0]!.startLine;
  const expected = letters(lines.slice(from - 1).filter((_, i) => !dropped.has(from + i)).join("\n"));
  const actual = split.segments
    .map((s) => {
      const doc = seed.documents.find((d) => d.fields.page === s.entry.page)!;
      const moved = doc.fields.movedLines.map((i) => s.lines[i]!);
      return letters([...s.titleLines, ...moved, bodyOf(doc.text)].join("\n"));
    })
    .join("");
  assert.is(actual.length, expected.length);
  assert.ok(actual === expected, "document text changed");
});

test("on the seed: the imported issue passes npm run check except the fields marked for review", async () => {
  // The Rushan gazette's issue goes into a Rushan archive (one archive holds one gazette).
  const content = await emptyArchive("title: 乳山市人民政府公报\npublisher: 乳山市人民政府办公室\n");
  try {
    await writeImport(seed, content);
    const { findings } = await loadArchive(content, content);
    const mine = findings.filter((f) => f.file.startsWith("2019-02/"));
    assert.equal(
      mine.map((f) => `${f.file}:${f.line} ${f.severity} ${f.message}`),
      [
        "2019-02/renmian.md:5 error 成文日期（date）标有 # 待核（尚未核对）：正文含多个日期，取最晚的一个",
      ],
    );
    const note = await readFile(path.join(content, "2019-02/_editors-note.md"), "utf8");
    assert.match(note, /半角标点改全角 \| 547 \|/);
    assert.match(note, /新兴｜态培育/);
  } finally {
    await rm(content, { recursive: true, force: true });
  }
});

test("on the seed: the body keeps structure in containers and drops the red header", () => {
  const body = bodyOf(seed.files["rzf-2019-2.md"]!);
  assert.ok(body.startsWith("::: addressee\n\n各镇人民政府，"));
  assert.match(body, /::: signature\n\n乳山市人民政府\n\n2019年4月10日\n\n:::/);
  assert.match(body, /::: note\n\n（此件公开发布）\n\n:::/);
  assert.not.match(body, /乳政发〔2019〕2 ?号\n/);
  assert.ok(body.includes("新兴态培育三年行动计划"), "paragraph broken across a page is joined");
  const attachment = bodyOf(seed.files["rzbf-2019-5.md"]!);
  assert.match(attachment, /::: attachment\n\n附件\n\n## 乳山市资本市场缓释基金业务审核意见单\n\n\| 拟贷款企业名称 \| XXX股份有限公司 \|\n\| --- \| --- \|/);
});

test("prints a summary table of the import", () => {
  const table = formatSummaryTable(seed);
  assert.match(table, /^文件\s+页\s+栏目\s+发文字号\s+成文日期\s+发文机关\s+公开方式\s+待核/);
  assert.match(table, /rzbf-2019-4\.md\s+9\s+市政府办公室文件\s+乳政办发〔2019〕4号\s+2019-04-11\s+乳山市人民政府办公室\s+public\s+—/);
  assert.match(table, /renmian\.md\s+20\s+政务动态\s+乳政任〔2019〕2号、乳政任〔2019〕3号\s+2019-04-03\s+乳山市人民政府\s+public\s+成文日期/);
});

test("refuses to overwrite an existing gazette issue", async () => {
  const content = await tempArchive();
  try {
    await writeImport(seed, content);
    const before = await readFile(path.join(content, "2019-02/rzf-2019-2.md"), "utf8");
    const again = importDump(await dump("rushan-gazette-2019-2.md"), { year: 2019, number: 2 });
    again.files["rzf-2019-2.md"] = "changed";
    const error = await writeImport(again, content).then(() => null, (err: unknown) => err);
    assert.ok(error instanceof ImportError && /已经存在/.test(error.message), String(error));
    assert.is(await readFile(path.join(content, "2019-02/rzf-2019-2.md"), "utf8"), before);
  } finally {
    await rm(content, { recursive: true, force: true });
  }
});

test("a dump with half-width brackets, a document without number, attachments and a date in Chinese numerals", async () => {
  const r = importDump(await dump("halfwidth-attachments.md"));
  assert.is(r.folder, "2020-01");
  assert.equal(r.issue.sections, ["县政府文件"]);
  assert.equal(r.issue.frequency, "月刊");
  const first = frontMatter(r.files["czf-2020-3.md"]!);
  assert.equal(first, { title: "测试县人民政府关于印发测试办法的通知", docNumber: "测政发〔2020〕3号", issuer: "测试县人民政府", date: "2020-01-15", publication: "public", section: "县政府文件", page: 1 });
  const body = bodyOf(r.files["czf-2020-3.md"]!);
  assert.match(body, /::: attachment\n\n附件1\n\n## 测试办法\n\n第一条 为了规范测试工作，制定本办法。\n\n:::/);
  assert.match(body, /::: attachment\n\n附件2\n\n## 申请表\n\n\| 姓名 \| 单位 \|\n\| --- \| --- \|\n\| 职务 \| 电话 \|\n\n:::/);
  assert.match(body, /二〇二〇年一月十五日/, "the printed date stays as printed");
  const second = r.files["jueding.md"]!;
  assert.not.ok("docNumber" in frontMatter(second));
  assert.match(second, /publication: public {2}# 待核：本期其他文件印有“此件公开发布”等附注，本件没有/);
});

test("a dump with several documents under one heading, section headings and page headers in the text", async () => {
  const r = importDump(await dump("one-heading.md"));
  assert.equal(r.issue.sections, ["人事任免", "政务动态"]);
  assert.equal(r.documents.map((d) => [d.slug, d.fields.section, d.fields.page, d.fields.date]), [
    ["yzr-2021-1", "人事任免", 5, "2021-08-02"],
    ["yzr-2021-2", "人事任免", 6, "2021-08-09"],
    ["ylszwdtzy", "政务动态", 7, ""],
  ]);
  assert.equal(r.dropped.map((d) => d.why), ["section heading", "page header", "page number", "section heading"]);
  for (const d of r.documents) assert.not.match(d.text, /【|— 6 —|样例市人民政府公报/);
  assert.match(r.files["ylszwdtzy.md"]!, /date: "待填" {2}# 待核/);
  assert.match(r.files["ylszwdtzy.md"]!, /issuer: "待填" {2}# 待核/);
  assert.match(r.files["ylszwdtzy.md"]!, /8月10日，市政府召开常务会议。\n\n8月12日，市长调研农业生产。/);
});

test("a dump in Traditional characters: metadata inferred, text never converted", async () => {
  const r = importDump(await dump("traditional.md"));
  assert.ok(r.traditional);
  const doc = r.files["fff-2022-7.md"]!;
  assert.equal(frontMatter(doc), { title: "範例縣政府關於加強環境保護工作的通知", docNumber: "範府發〔2022〕7号", issuer: "範例縣政府", date: "2022-10-08", publication: "public", section: "縣政府文件", page: 2 });
  assert.match(bodyOf(doc), /為進一步加強環境保護工作/);
  assert.match(bodyOf(doc), /（此件公開發布）/);
  assert.match(r.files["_editors-note.md"]!, /底本为繁体字。正文和标题保持原字形，未作繁简转换/);
  assert.is(r.issue.publisher, "範例縣政府辦公室");
});

const bad: [string, string, RegExp][] = [
  ["no table of contents", "# 公报\n\n2019年第1期\n\n# 某某市人民政府\n\n正文。\n", /底本中没有目录：未找到“目录”一行/],
  ["a listed document that is not in the text", "2019年第1期\n\n目录\n\n【文件】\n\n甲市人民政府关于甲的通知 ..... (1)\n\n# 乙市人民政府关于乙的通知\n\n正文。\n", /找不到文件“甲市人民政府关于甲的通知”（目录第7行，第1页）/],
  ["documents out of table-of-contents order", "2019年第1期\n\n目录\n\n甲的通知 ..... (1)\n\n乙的通知 ..... (2)\n\n# 乙的通知\n\n乙。\n\n# 甲的通知\n\n甲。\n", /找不到文件“乙的通知”/],
  ["stray text before the first document", "2019年第1期\n\n目录\n\n甲的通知 ..... (1)\n\n# 编者按\n\n说明文字。\n\n# 甲的通知\n\n甲。\n", /找不到文件|不属于任何文件/],
  ["no year and number", "目录\n\n甲的通知 ..... (1)\n\n# 甲的通知\n\n甲。\n", /底本没有写明是哪一期.*--year 2019 --number 2/],
  ["a document the table of contents does not list", "2019年第1期\n\n目录\n\n甲市人民政府关于甲的通知 ..... (1)\n\n# 甲市人民政府关于甲的通知\n\n甲政发〔2019〕1号\n\n甲。\n\n# 甲市人民政府关于乙的通知\n\n甲政发〔2019〕2号\n\n乙。\n", /底本第15行：文号 甲政发〔2019〕2号 单独成行，位于“甲市人民政府关于甲的通知”之内/],
  ["a table of contents without pages", "2019年第1期\n\n目录\n\n【文件】\n\n甲的通知\n\n【其他】\n", /没有页码|没有列出任何文件/],
];

for (const [name, text, message] of bad) {
  test(`a layout it cannot split gives a clear message: ${name}`, () => {
    assert.throws(() => importDump(text), (err: unknown) => err instanceof ImportError && message.test(err.message));
  });
}

test("npm run import writes the issue, prints the table, and on a bad dump stops with a message and no stack", async () => {
  const run = promisify(execFile);
  const content = await tempArchive();
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-dump-"));
  try {
    const tsx = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
    const ok = await run(tsx, [path.join(PROJECT_ROOT, "scripts/import.ts"), path.join(FIXTURES, "one-heading.md"), "--content", content], { cwd: PROJECT_ROOT });
    assert.match(ok.stdout, /yzr-2021-1\.md\s+5\s+人事任免/);
    assert.match(ok.stdout, /已写入 6 个文件/);
    assert.match(ok.stdout, /成文日期（date）标有 # 待核/);
    const badDump = path.join(dir, "bad.md");
    await import("node:fs/promises").then((fs) => fs.writeFile(badDump, bad[1]![1]));
    // The same script in the shared script host (test/helpers/run-scripts.ts): no second Node start-up.
    const [failed] = await runScripts([{ script: "import.ts", args: [badDump, "--content", content] }]);
    assert.is(failed!.code, 1, "exits with an error");
    assert.match(failed!.stderr, /找不到文件/);
    assert.not.match(failed!.stderr, /\n\s+at /);
    assert.not.ok((await readdir(content)).includes("2019-01-bad"));
  } finally {
    await rm(content, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
});

test("npm run import of an issue that exists (joint-issuers.txt imported twice) prints only the refusal, not the review sheet", async () => {
  const run = promisify(execFile);
  const content = await tempArchive();
  try {
    const tsx = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
    const args = [path.join(PROJECT_ROOT, "scripts/import.ts"), path.join(FIXTURES, "joint-issuers.txt"), "--content", content];
    const ok = await run(tsx, args, { cwd: PROJECT_ROOT });
    assert.match(ok.stdout, /导入核对单/);
    assert.match(ok.stdout, /已写入 6 个文件/);
    const before = await readdir(path.join(content, "2024-03"));
    const failed = await run(tsx, args, { cwd: PROJECT_ROOT }).then(
      () => null,
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    assert.ok(failed, "exits with an error");
    assert.is(failed!.code, 1);
    assert.is(failed!.stdout, "", "nothing printed before the refusal");
    assert.match(failed!.stderr, /^导入已停止，未写入任何文件：.*2024-03\/ 已经存在/);
    assert.equal(await readdir(path.join(content, "2024-03")), before);
  } finally {
    await rm(content, { recursive: true, force: true });
  }
});

test.run();
