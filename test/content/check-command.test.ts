import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { documentText, PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";
import { runScripts } from "../helpers/run-scripts.ts";

/** A real `tsx scripts/check.ts` process. */
const run = async (args: string[]) =>
  await promisify(execFile)(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), [path.join(PROJECT_ROOT, "scripts/check.ts"), ...args], { cwd: PROJECT_ROOT }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );
/** The same script in the shared script host (test/helpers/run-scripts.ts): no Node start-up of its own. */
const check = async (args: string[]) => (await runScripts([{ script: "check.ts", args }]))[0]!;

test("npm run check prints one Chinese line per finding grouped by file, a summary, and exits 1 on an error", async () => {
  const dir = await tempArchive({ "2019-01/new.md": documentText({ date: "2019-02-30", keywords: '"x"' }), "2019-01/other.md": documentText({ docNumber: '"测政发[2019]7号"' }) });
  try {
    const { code, stdout } = await run(["--content", dir]);
    assert.is(code, 1);
    const rel = path.relative(PROJECT_ROOT, dir);
    const lines = stdout.trim().split("\n");
    assert.ok(lines.includes(`${rel}/2019-01/new.md:5:7  错误  成文日期（date）应为真实存在的日期，如 2019-04-10，现为“2019-02-30” — 没有这一天，请对照印刷本核对日期`), stdout);
    assert.ok(lines.some((l) => l.startsWith(`${rel}/2019-01/new.md:9:1  警告  不认识的字段“keywords”，不会被读取 — 删去这一行`)), stdout);
    assert.match(stdout, /new\.md:9:1 .*\n\n.*other\.md:3:/, "grouped by file, a blank line between files");
    assert.is(lines.at(-1), "共 2 个文件有问题：1 个错误、2 个警告。改正全部错误后才能生成网站。");
    assert.not.match(stdout, /^\s+at /m);
    const en = await check(["--content", dir, "--lang", "en"]);
    assert.ok(en.stdout.includes(`${rel}/2019-01/new.md:5:7  error  "date" must be a real calendar date like 2019-04-10, got "2019-02-30" — this day does not exist; check the date against the printed document`), en.stdout);
    assert.match(en.stdout.trim().split("\n").at(-1)!, /^2 files with problems: 1 error, 2 warnings\./);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("npm run check -- --json gives the findings to tools; a clean archive exits 0", async () => {
  const dir = await tempArchive({ "2019-01/other.md": documentText({ docNumber: '"测政发[2019]7号"' }) });
  try {
    const { code, stdout } = await check(["--content", dir, "--json"]);
    assert.is(code, 0);
    const json = JSON.parse(stdout) as { errors: number; warnings: number; findings: { file: string; line: number; severity: string; message: string; fix: string }[] };
    assert.is(json.errors, 0);
    assert.is(json.warnings, 1);
    assert.is(json.findings[0]!.line, 3);
    assert.match(json.findings[0]!.fix, /测政发〔2019〕7号/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("npm run check on a missing folder says so, without a stack trace", async () => {
  const { code, stdout, stderr } = await check(["--content", "no-such-folder"]);
  assert.is(code, 1);
  assert.match(stdout, /no-such-folder\/:1:1 {2}错误 {2}内容文件夹不存在/);
  assert.not.match(stdout + stderr, /^\s+at /m);
});

test.run();
