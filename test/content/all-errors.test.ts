import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { documentText, PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";

/**
 * One folder holding ten different mistakes, several in the same file (a YAML error beside a
 * missing field and an undeclared section, as an editor reported) and in a folder whose issue.yml
 * is itself wrong: one `npm run check` must report every one of them, then a summary.
 */
const issue = (year: number, number: number) => `gazette: 测试市人民政府公报\nyear: ${year}\nnumber: ${number}\nfrequency: 季刊\npublisher: 测试市人民政府办公室\nsections:\n  - 市政府文件\n`;
const files: Record<string, string> = {
  "2021-01/issue.yml": issue(2021, 1),
  // 1–3: a YAML error, a missing issuer and an undeclared section in one file
  "2021-01/a.md": "---\ntitle: \"甲文件\"\ndocNumber: [2021]1号\ndate: 2021-01-05\npublication: public\nsection: \"不存在的栏目\"\n---\n\n正文。\n",
  // 4–5: an impossible date and a mistyped key in one file
  "2021-01/b.md": documentText({ docNumber: '"测政发〔2021〕2号"', date: "2021-02-30", section: '"市政府文件"', docNumer: '"测政发〔2021〕9号"' }),
  // 6: an unknown publication status
  "2021-01/c.md": documentText({ docNumber: '"测政发〔2021〕3号"', date: "2021-01-05", section: '"市政府文件"', publication: "secret" }),
  // 7: a value marked for review
  "2021-01/d.md": documentText({ docNumber: '"测政发〔2021〕4号"', date: "2021-01-05", section: '"市政府文件"', issuer: '"测试市人民政府"  # 待核：从标题推断' }),
  // 8: a document number used twice
  "2021-01/e.md": documentText({ docNumber: '"测政发〔2019〕1号"', date: "2021-01-05", section: '"市政府文件"' }),
  // 9: a folder name that does not match its issue.yml, and 10: a document in it without a title
  "2021-03/issue.yml": issue(2021, 2),
  "2021-03/f.md": documentText({ title: undefined, docNumber: '"测政发〔2021〕6号"', date: "2021-01-05", section: '"市政府文件"' }),
  // 11: a document saved as .txt
  "2021-01/g.txt": documentText(),
};

const expected: [file: string, line: number, en: RegExp][] = [
  ["2021-01/a.md", 3, /the value of "docNumber" starts with \[, which YAML reads as the start of a list/],
  ["2021-01/a.md", 2, /required field "issuer" is missing/],
  ["2021-01/a.md", 6, /"section" is "不存在的栏目"/],
  ["2021-01/b.md", 5, /"date" must be a real calendar date/],
  ["2021-01/b.md", 9, /unknown field "docNumer" — a misspelt "docNumber"/],
  ["2021-01/c.md", 6, /"publication" must be one of/],
  ["2021-01/d.md", 4, /"issuer" is marked # 待核/],
  ["2021-01/e.md", 3, /document number 测政发〔2019〕1号 is already used/],
  ["2021-03/issue.yml", 2, /folder name "2021-03" does not match/],
  ["2021-03/f.md", 2, /required field "title" is missing/],
  ["2021-01/g.txt", 1, /“g\.txt”不会被读取/],
];

test("one npm run check reports every error of a folder holding ten different mistakes, then a summary", async () => {
  const dir = await tempArchive(files);
  try {
    const json = await promisify(execFile)(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), [path.join(PROJECT_ROOT, "scripts/check.ts"), "--content", dir, "--json"], { cwd: dir }).then(
      (): never => {
        throw new Error("the check must fail");
      },
      (err: { code: number; stdout: string }) => {
        assert.is(err.code, 1);
        return JSON.parse(err.stdout) as { errors: number; findings: { file: string; line: number; severity: string; message: string; en?: { message: string } }[] };
      },
    );
    const errors = json.findings.filter((f) => f.severity === "error");
    const list = errors.map((f) => `${f.file}:${f.line} ${f.en?.message ?? f.message}`).join("\n");
    for (const [file, line, en] of expected) {
      assert.ok(errors.some((f) => f.file === file && f.line === line && en.test(f.en?.message ?? f.message)), `expected ${file}:${line} ${en} among:\n${list}`);
    }
    const text = await promisify(execFile)(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), [path.join(PROJECT_ROOT, "scripts/check.ts"), "--content", dir], { cwd: dir }).then(
      () => "",
      (err: { stdout: string }) => err.stdout,
    );
    assert.match(text.trim().split("\n").at(-1)!, new RegExp(`^共 \\d+ 个文件有问题：${json.errors} 个错误、\\d+ 个警告。`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
