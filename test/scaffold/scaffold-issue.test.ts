import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { loadArchive } from "../../src/content/index.ts";
import { scaffoldIssue } from "../../src/scaffold/index.ts";
import { PROJECT_ROOT, emptyArchive, tempArchive } from "../helpers/temp-archive.ts";
import { execFile } from "node:child_process";
import { promisify } from "node:util";

test("scaffolds a gazette issue prefilled from the latest issue, with one document template", async () => {
  const content = await tempArchive();
  try {
    const written = await scaffoldIssue({ contentDir: content, year: 2020, number: 4 });
    assert.equal(written, ["2020-04/issue.yml", "2020-04/wenjian-1.md"]);
    const meta = parse(await readFile(path.join(content, "2020-04/issue.yml"), "utf8")) as Record<string, unknown>;
    const latest = parse(await readFile(path.join(content, "2020-03/issue.yml"), "utf8")) as Record<string, unknown>;
    const { published: _published, ...carried } = latest;
    assert.equal(meta, { ...carried, year: 2020, number: 4 }, "everything but year, number and the publication date");
    const { findings } = await loadArchive(content, content);
    const mine = findings.filter((f) => f.file.startsWith("2020-04/"));
    assert.ok(mine.some((f) => f.severity === "error" && /缺少必填项 标题|标题（title）不能为空/.test(f.message)), "the empty title is reported");
    assert.ok(mine.filter((f) => /标有 # 待核/.test(f.message)).length >= 4, "every placeholder is reported");
    assert.equal(mine.filter((f) => f.severity === "warning"), [], "the template itself gets no warning");
  } finally {
    await rm(content, { recursive: true, force: true });
  }
});

test("a scaffolded document made public with its front matter filled in but the template's body left stops the build at each placeholder line; as a draft it does not", async () => {
  const content = await tempArchive();
  try {
    await scaffoldIssue({ contentDir: content, year: 2020, number: 4 });
    const file = path.join(content, "2020-04/wenjian-1.md");
    const template = await readFile(file, "utf8");
    // The editor fills every field and removes the # 待核 notes, as a new-user test did, but leaves the body.
    const filled = template
      .replace(/^title: ""/m, 'title: "测试市人民政府关于做好测试工作的通知"')
      .replace(/^docNumber: .*$/m, 'docNumber: "测政发〔2020〕5号"')
      .replace(/^publication: draft$/m, "publication: public")
      .replace(/^(\w+: .*?)\s+# .*$/gm, "$1")
      .replace(/^# .*\n/gm, "");
    const errorsOf = async () => (await loadArchive(content, content)).findings.filter((f) => f.file === "2020-04/wenjian-1.md" && f.severity === "error");
    await writeFile(file, filled);
    const errors = await errorsOf();
    const lines = filled.split("\n");
    assert.equal(errors.map((f) => `${f.line} ${lines[f.line - 1]}`), ["13 主送机关：", "17 正文。", "21 发文机关"], errors.map((f) => `${f.line}:${f.column} ${f.message}`).join("\n"));
    assert.match(errors[1]!.message, /“正文。”是 npm run new 模板里的占位文字，还没有换成正文/);
    assert.is(errors[1]!.fix, "对照印刷本把这一行换成正文的原文", "正文。 is in no ::: block");
    assert.match(errors[0]!.fix, /连同它所在的 ::: addressee 块一起删去/);
    await writeFile(file, filled.replace("publication: public", "publication: draft"));
    assert.equal(await errorsOf(), [], "a draft's text is never published: its placeholders are not in the way");
  } finally {
    await rm(content, { recursive: true, force: true });
  }
});

test("the first issue of a new archive takes the gazette's name from archive.yml, so the one-gazette rule holds", async () => {
  const content = await emptyArchive("title: 青岚市人民政府公报\npublisher: 青岚市人民政府办公室\n");
  try {
    await scaffoldIssue({ contentDir: content, year: 2024, number: 1 });
    const yml = await readFile(path.join(content, "2024-01/issue.yml"), "utf8");
    const meta = parse(yml) as Record<string, unknown>;
    assert.is(meta.gazette, "青岚市人民政府公报");
    assert.is(meta.publisher, "青岚市人民政府办公室");
    assert.match(yml, /^publisher: .*# 待核/m, "the publisher is offered for checking");
    assert.not.match(yml, /^gazette: .*待核/m, "the name is archive.yml's, not a guess");
    const { findings } = await loadArchive(content, content);
    assert.equal(findings.filter((f) => f.file === "2024-01/issue.yml" && /公报/.test(f.message) && /title/.test(f.message + f.fix)), [], "no gazette-name error");
  } finally {
    await rm(content, { recursive: true, force: true });
  }
});

test("refuses to overwrite an existing gazette issue", async () => {
  const content = await tempArchive();
  try {
    const file = path.join(content, "2019-01/issue.yml");
    const before = await readFile(file, "utf8");
    const error = await scaffoldIssue({ contentDir: content, year: 2019, number: 1 }).then(() => null, (err: unknown) => err);
    assert.ok(error instanceof Error && /已经存在/.test(error.message), String(error));
    assert.is(await readFile(file, "utf8"), before);
  } finally {
    await rm(content, { recursive: true, force: true });
  }
});

test("rejects a year or number out of range", async () => {
  const content = await tempArchive();
  try {
    for (const [year, number] of [[19, 1], [2019, 0], [2019, 1.5]] as const) {
      const error = await scaffoldIssue({ contentDir: content, year, number }).then(() => null, (err: unknown) => err);
      assert.ok(error instanceof Error && /应为(年份|期号)/.test(error.message));
    }
  } finally {
    await rm(content, { recursive: true, force: true });
  }
});

test("npm run new names a year or number that is not a number as typed, not NaN", async () => {
  const content = await tempArchive();
  try {
    const failed = await promisify(execFile)(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), ["scripts/new.ts", "--year", "二〇二〇", "--number", "4", "--content", content], { cwd: PROJECT_ROOT }).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    assert.ok(failed, "the command fails");
    assert.is(failed!.code, 1);
    assert.match(failed!.stderr, /--year 应为年份，如 2019，现为“二〇二〇”/);
    assert.not.match(failed!.stderr, /NaN/);
  } finally {
    await rm(content, { recursive: true, force: true });
  }
});

test.run();
