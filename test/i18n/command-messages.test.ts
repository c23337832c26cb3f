import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { documentText, PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";
import { runScripts, type ScriptResult } from "../helpers/run-scripts.ts";

/**
 * Every command's error paths, as an editor meets them: each must end with a non-zero exit, in
 * Chinese (no line that is an English sentence only), and without a stack trace. `--lang en`
 * gives English.
 */
const tsx = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
const runScript = async (script: string, args: string[]) =>
  await promisify(execFile)(tsx, [path.join(PROJECT_ROOT, "scripts", script), ...args], { cwd: PROJECT_ROOT, timeout: 60_000 }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, out: err.stdout + err.stderr }),
  );

/** A line with three or more English words and no Chinese character. */
const ENGLISH_ONLY = /^(?!.*\p{Script=Han}).*\b[A-Za-z]{2,}\b[ ,.'’-]+\b[A-Za-z]{2,}\b[ ,.'’-]+\b[A-Za-z]{2,}\b/u;
const STACK = /^\s+at .+(?::\d+:\d+\)?|native\)?)$|\bError: .*\n\s+at /m;

let work = "";
let good = "";
let bad = "";
let site = "";
let english = "";
before(test, async () => {
    work = await mkdtemp(path.join(tmpdir(), "gazette-commands-"));
    good = await tempArchive();
    bad = await tempArchive({ "2019-01/new.md": documentText({ date: "2019-02-30", docNumber: "[2019]8号" }) });
    site = path.join(work, "site");
    await mkdir(path.join(site, "print"), { recursive: true });
    english = await tempArchive({ "archive.yml": "title: 测试市人民政府公报\npublisher: 测试市人民政府办公室\nmessages: en\n", "2019-01/new.md": documentText({ date: "2019-02-30" }) });
    await writeFile(path.join(work, "no-toc.md"), "# 某某公报\n\n2019年第1期\n\n# 某某市人民政府\n\n正文。\n");
});
after(test, async () => {
  for (const dir of [work, good, bad, english]) if (dir) await rm(dir, { recursive: true, force: true });
});

const cases: [name: string, script: string, args: () => string[], expect: RegExp][] = [
  ["check: a missing content folder", "check.ts", () => ["--content", path.join(work, "none")], /内容文件夹不存在/],
  ["check: content with errors", "check.ts", () => ["--content", bad], /成文日期（date）应为真实存在的日期/],
  ["check: a mistyped option", "check.ts", () => ["--jsn"], /不认识的选项 --jsn/],
  ["check: a bad --lang", "check.ts", () => ["--lang", "fr"], /--lang 只能是 zh/],
  ["build: content with errors", "build.ts", () => ["--content", bad, "--output", path.join(work, "out")], /生成已停止/],
  ["build: a path prefix that is a URL", "build.ts", () => ["--content", good, "--output", path.join(work, "out"), "--path-prefix", "https://x.gov.cn/"], /--path-prefix 应为网址路径/],
  ["build: a stray argument", "build.ts", () => ["now"], /多余的参数“now”/],
  ["start: a port that is not a number", "start.ts", () => ["--port", "abc"], /--port 应为 1–65535 的端口号/],
  ["start: an option without its value", "start.ts", () => ["--port"], /选项 --port 的写法不对/],
  ["new: no year and number", "new.ts", () => [], /请给出年份和期号/],
  ["new: a year that is not a number", "new.ts", () => ["--year", "二〇一九", "--number", "1"], /--year 应为年份/],
  ["new: an issue that exists", "new.ts", () => ["--year", "2019", "--number", "1", "--content", good], /已经存在；npm run new 从不覆盖/],
  ["import: no dump named", "import.ts", () => [], /请给出要导入的文件/],
  ["import: a dump that does not exist", "import.ts", () => [path.join(work, "none.md")], /找不到文件或文件夹/],
  ["import: a dump without a table of contents", "import.ts", () => [path.join(work, "no-toc.md"), "--content", good], /底本中没有目录/],
  ["pdf: content with errors", "pdf.ts", () => ["--content", bad, "--output", site], /请先改正内容：没有生成任何 PDF/],
  ["pdf: an issue that does not exist", "pdf.ts", () => ["--content", good, "--output", site, "--issue", "1999-01"], /--issue 1999-01：没有这一期/],
  ["preview: nothing built yet", "preview.ts", () => ["--output", path.join(work, "none")], /还没有生成的网站：请先运行 npm run build/],
];

/**
 * Results of every case, run in one process (test/helpers/run-scripts.ts): each command's real
 * script text with its own argv, output and exit status. That a real `tsx scripts/<name>.ts`
 * process fails the same way is tested per command elsewhere (check-command, build-faults,
 * serve-site, scaffold-issue, import-dump, preview-server, preview) and below for `--lang en`.
 */
const ARCHIVE_EN = "messages: en in archive.yml";
let ran: Promise<Map<string, ScriptResult>> | null = null;
const runAll = async () => {
  const all = [...cases.map(([name, script, args]) => [name, script, args()] as const), [ARCHIVE_EN, "check.ts", ["--content", english]] as const];
  const results = await runScripts(all.map(([, script, args]) => ({ script, args: [...args] })));
  return new Map(all.map(([name], i) => [name, results[i]!]));
};

for (const [name, , , expect] of cases) {
  test(`${name}: a Chinese message, no English-only sentence, no stack trace`, async () => {
    ran ??= runAll();
    const { code, out } = (await ran).get(name)!;
    assert.is.not(code, 0, `exit status:\n${out}`);
    assert.match(out, expect);
    assert.not.match(out, STACK, `a stack trace:\n${out}`);
    const english = out.split("\n").filter((l) => ENGLISH_ONLY.test(l));
    assert.equal(english, [], `English-only lines:\n${out}`);
  });
}

test("--lang en prints the same in English", async () => {
  const { code, out } = await runScript("check.ts", ["--content", bad, "--lang", "en"]);
  assert.is(code, 1);
  assert.match(out, /"date" must be a real calendar date/);
  assert.match(out, /files? with problems: \d+ errors?/);
});

test("messages: en in archive.yml gives English without --lang", async () => {
  ran ??= runAll();
  const { code, out } = (await ran).get(ARCHIVE_EN)!;
  assert.is(code, 1, out);
  assert.match(out, /"date" must be a real calendar date/);
});

test.run();
