import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadArchive, type Finding } from "../../src/content/index.ts";
import { documentText, tempArchive } from "../helpers/temp-archive.ts";

/**
 * The hostile inputs and faults of the security review that reach the content checks: each row
 * prepares the fixture archive (files written as text or bytes, links, FIFOs) and names the
 * Chinese finding `npm run check` must give, at its file and line. None may hang, throw or show
 * a stack trace; every one stops the build (an error).
 */
interface Case {
  name: string;
  prepare: (dir: string) => Promise<void>;
  file: string;
  line: number;
  message: RegExp;
  fix?: RegExp;
}

const A = "2019-01/new.md";
const put = (rel: string, data: string | Buffer) => async (dir: string) => {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), data);
};
const billionLaughs = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]';
/** Text in GB18030 bytes, as a Windows editor set to GBK saves it (glibc's iconv). */
const gb18030 = (text: string) => execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: text });
const gbTitle = gb18030("测试文件");

const cases: Case[] = [
  // 1. Templates in issues/ (they never run: see test/build/content-never-runs.test.ts)
  { name: "a Nunjucks template in an issue folder", prepare: put("2019-01/x.njk", "{{ 1 }}"), file: "2019-01/x.njk", line: 1, message: /“x\.njk”是模板或脚本文件/, fix: /删除它/ },
  { name: "a JavaScript template at the root of issues/", prepare: put("x.11ty.js", "export default () => 1"), file: "x.11ty.js", line: 1, message: /模板或脚本文件/ },
  { name: "a template in a notes folder", prepare: put("_drafts/x.liquid", "{{ 1 }}"), file: "_drafts/x.liquid", line: 1, message: /模板或脚本文件/ },
  { name: "an HTML file named like a note", prepare: put("2019-01/_note.html", "<p>x</p>"), file: "2019-01/_note.html", line: 1, message: /模板或脚本文件/ },
  // 5. Hostile YAML
  { name: "a billion-laughs alias bomb in front matter", prepare: put(A, `---\ntitle: "x"\n${billionLaughs}\n---\n正文。\n`), file: A, line: 4, message: /不支持 YAML 别名“\*a”/, fix: /删除 & 锚点和 \* 别名/ },
  { name: "a billion-laughs alias bomb in issue.yml", prepare: put("2019-01/issue.yml", `gazette: 测试市人民政府公报\n${billionLaughs}\n`), file: "2019-01/issue.yml", line: 3, message: /不支持 YAML 别名/ },
  { name: "nesting 40 levels deep", prepare: put(A, `---\ntitle: ${"[".repeat(40)}${"]".repeat(40)}\n---\n`), file: A, line: 2, message: /YAML 嵌套过深（超过 16 层）/ },
  { name: "nesting 5,000 levels deep", prepare: put(A, `---\ntitle: ${"[".repeat(5000)}${"]".repeat(5000)}\n---\n`), file: A, line: 2, message: /YAML 嵌套过深/ },
  // 7. Control characters
  { name: "a BEL typed into a title", prepare: put(A, documentText({ title: '"通知\u0007"' })), file: A, line: 2, message: /“title”含有控制字符 U\+0007/, fix: /删除这个字符/ },
  { name: "an ESC written as a YAML escape in an issuer", prepare: put(A, documentText({ issuer: '"测试\\e[31m机关"' })), file: A, line: 4, message: /“issuer”含有控制字符 U\+001B/ },
  { name: "a NUL in an issue's section", prepare: put("2019-01/issue.yml", "gazette: 测试市人民政府公报\nyear: 2019\nnumber: 1\nfrequency: 季刊\npublisher: 办公室\nsections: [\"甲\\0\"]\n"), file: "2019-01/issue.yml", line: 6, message: /“sections\.0”含有控制字符 U\+0000/ },
  // 10. FIFOs and other non-files: never opened
  { name: "issue.yml as a FIFO", prepare: async (dir) => mkfifo(path.join(dir, "2019-01/issue.yml"), true), file: "2019-01/issue.yml", line: 1, message: /“issue\.yml”是命名管道（FIFO），不是普通文件，不会被打开/ },
  { name: "a document as a FIFO", prepare: async (dir) => mkfifo(path.join(dir, A), false), file: A, line: 1, message: /命名管道（FIFO）/ },
  // 11. Encodings
  { name: "a document saved as GB18030", prepare: put(A, gb18030(documentText())), file: A, line: 2, message: /此文件不是 UTF-8 编码，看起来是 GB18030（GBK） 编码（第 2 行/, fix: /另存为 UTF-8/ },
  { name: "invalid UTF-8 bytes in a body", prepare: put(A, Buffer.concat([Buffer.from(documentText({}, "第一段。\n\n")), Buffer.from([0x41, 0xff, 0xfe, 0x42, 0x0a])])), file: A, line: 13, message: /此文件不是 UTF-8 编码/ },
  { name: "archive.yml saved as GB18030", prepare: put("archive.yml", Buffer.concat([Buffer.from("title: "), gbTitle, Buffer.from("\npublisher: x\n")])), file: "archive.yml", line: 1, message: /此文件不是 UTF-8 编码，看起来是 GB18030/ },
  // 12. Symbolic links (never followed) and misplaced files
  { name: "a symlinked document", prepare: async (dir) => symlink(path.join(dir, "2019-01/csf-2019-1.md"), path.join(dir, "2019-01/linked.md")), file: "2019-01/linked.md", line: 1, message: /“linked\.md”是符号链接：符号链接一律不读取/, fix: /复制到这里/ },
  { name: "a symlinked issue folder", prepare: async (dir) => symlink(path.join(dir, "2019-01"), path.join(dir, "2019-09")), file: "2019-09", line: 1, message: /是符号链接/ },
  { name: "a symlinked archive.yml", prepare: async (dir) => { await rm(path.join(dir, "archive.yml")); await writeFile(path.join(dir, "real.yml"), "title: x\npublisher: y\n"); await symlink(path.join(dir, "real.yml"), path.join(dir, "archive.yml")); }, file: "archive.yml", line: 1, message: /“archive\.yml”是符号链接/ },
  { name: "issue.yml as a folder", prepare: async (dir) => { await rm(path.join(dir, "2019-01/issue.yml")); await mkdir(path.join(dir, "2019-01/issue.yml")); }, file: "2019-01/issue.yml", line: 1, message: /“issue\.yml”是文件夹，不是文件/ },
  { name: "a document in a subfolder of an issue", prepare: put("2019-01/extra/new.md", documentText()), file: "2019-01/extra/new.md", line: 1, message: /位于期文件夹的子文件夹中，不会作为公报文件读取/, fix: /移到上一级的期文件夹/ },
  { name: "a document at the root of issues/", prepare: put("new.md", documentText()), file: "new.md", line: 1, message: /位于 issues\/ 根目录，不会被读取/, fix: /移到所属期的文件夹/ },
  { name: "a javascript: URL as the archive's address", prepare: put("archive.yml", 'title: x\npublisher: y\nurl: "javascript:alert(1)//"\n'), file: "archive.yml", line: 3, message: /网址（url）必须是以 http:\/\/ 或 https:\/\/ 开头的完整网址/ },
  // 4. Size limits (the sizes are set in archive.yml)
  { name: "a title over the default 500 characters", prepare: put(A, documentText({ title: `"${"长".repeat(501)}"` })), file: A, line: 2, message: /标题有 501 个字符，超过上限 500 个字符/, fix: /limits: \{ titleChars: 501 \}/ },
  { name: "a 5 MB single-paragraph document under the default 2 MB limit", prepare: put(A, documentText({}, `${"本市各级人民政府应当加强精神卫生工作，".repeat(87_720)}\n`)), file: A, line: 10, message: /^正文有 5\.0 MB，超过每件文件 2\.0 MB 的上限$/, fix: /拆成几件文件/ },
  { name: "a body over the limit set in archive.yml", prepare: async (dir) => { await writeFile(path.join(dir, "archive.yml"), "title: x\npublisher: y\nlimits:\n  bodyBytes: 1000\n"); await put(A, documentText({}, "正文。".repeat(200)))(dir); }, file: A, line: 10, message: /正文有 1,801 字节，超过每件文件 1,000 字节的上限/, fix: /bodyBytes: 1801/ },
];

/** Makes a FIFO at `file` (replacing a file there when `replace`). */
async function mkfifo(file: string, replace: boolean): Promise<void> {
  if (replace) await rm(file);
  execFileSync("mkfifo", [file]);
}

for (const c of cases) {
  test(`reports ${c.name} with a Chinese message at its line`, async () => {
    const dir = await tempArchive();
    let findings: Finding[];
    let loaded: boolean;
    try {
      await c.prepare(dir);
      const result = await loadArchive(dir, dir);
      findings = result.findings;
      loaded = result.archive !== null;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const hit = findings.find((f) => f.file.replace(/\/$/, "") === c.file && c.message.test(f.message));
    assert.ok(hit, `expected ${c.message} in ${c.file}, got:\n${findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.message} (${f.fix})`).join("\n")}`);
    assert.is(hit!.line, c.line, `line of ${c.message}`);
    assert.is(hit!.severity, "error");
    assert.ok(hit!.fix.length > 0);
    if (c.fix) assert.match(hit!.fix, c.fix);
    assert.not.ok(loaded, "the archive does not load: the build stops");
    for (const f of findings) assert.not.match(`${f.message} ${f.fix}`, /\n\s+at |Error:/, "no stack trace or raw error");
  });
}

test("allowed content files are not reported: README.md, notes, the original PDF and images, also in a subfolder", async () => {
  const dir = await tempArchive({
    "README.md": "# 编辑说明\n",
    "2019-01/_editors-note.md": "校勘说明\n",
    "2019-01/original.pdf": "%PDF-1.4\n",
    "2019-01/scans/page-1.png": "png",
    "2019-01/scans/page-2.JPG": "jpg",
  });
  const { archive, findings } = await loadArchive(dir, dir);
  await rm(dir, { recursive: true, force: true });
  assert.equal(findings.filter((f) => f.severity === "error"), []);
  assert.ok(archive);
});

test.run();
