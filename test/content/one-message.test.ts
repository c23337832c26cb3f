import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadArchive, type Finding } from "../../src/content/index.ts";
import { closestIssuer } from "../../src/content/checks/index.ts";
import { documentText, tempArchive } from "../helpers/temp-archive.ts";
import { findingsWith } from "../helpers/findings.ts";


const A = "2019-01/new.md";
const show = (fs: Finding[]) => fs.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`).join("\n");

test("a full-width colon after a field name is one error naming it, and the field is still read", async () => {
  const fs = (await findingsWith({ [A]: documentText({ title: undefined, date: "2019-02-30" }).replace("---\n", '---\ntitle："测试市人民政府关于测试的通知"\n') })).filter((f) => f.file === A);
  const colon = fs.filter((f) => /全角冒号/.test(f.message));
  assert.is(colon.length, 1, show(fs));
  assert.is(colon[0]!.line, 2);
  assert.match(colon[0]!.fix, /改为半角冒号加空格：title: …/);
  assert.not.ok(fs.some((f) => /缺少必填项 标题|不认识的字段|YAML 读不懂（缩进/.test(f.message)), `no knock-on messages:\n${show(fs)}`);
  assert.ok(fs.some((f) => /2019-02-30/.test(f.message)), "the lines after it are still checked");
});

test("a tab-indented line of issue.yml is one error, and its sections still check the documents", async () => {
  const yml = "gazette: 测试市人民政府公报\nyear: 2019\nnumber: 1\nfrequency: 季刊\npublisher: 办公室\nsections:\n\t- 市政府文件\n";
  const fs = await findingsWith({ "2019-01/issue.yml": yml, [A]: documentText({ section: '"没有的栏目"' }) });
  const yaml = fs.filter((f) => f.file === "2019-01/issue.yml");
  assert.is(yaml.length, 1, show(fs));
  assert.is(yaml[0]!.line, 7);
  assert.match(yaml[0]!.message, /制表符（Tab）缩进/);
  assert.ok(fs.some((f) => f.file === A && /栏目（section）“没有的栏目”/.test(f.message)), `the undeclared section is reported too:\n${show(fs)}`);
});

test("a misspelt field name is reported as misspelt, not also as missing", async () => {
  const fs = (await findingsWith({ [A]: documentText({ issuer: undefined, isuer: '"测试市人民政府"' }) })).filter((f) => f.file === A);
  assert.equal(fs.map((f) => f.message), ["字段名“isuer”写错了，应为“issuer”（写错的字段不会被读取）"], show(fs));
  const missing = (await findingsWith({ [A]: documentText({ issuer: undefined }) })).filter((f) => f.file === A);
  assert.ok(missing.some((f) => /缺少必填项 发文机关/.test(f.message)), "a field not written at all is still missing");
});

test("a document number used twice is reported in the same pass as other mistakes of the file that reuses it", async () => {
  const B = "2019-01/other.md";
  const fs = await findingsWith({ [A]: documentText({ docNumber: '"测政发〔2019〕77号"' }), [B]: documentText({ docNumber: '"测政发[2019]77号"', date: "2019-02-30", section: '"没有的栏目"' }) });
  const dup = fs.filter((f) => /发文字号 测政发〔2019〕77号 已被/.test(f.message));
  assert.is(dup.length, 1, show(fs));
  assert.is(dup[0]!.file, B);
  assert.is(dup[0]!.line, 3);
  assert.match(dup[0]!.message, /已被 2019-01\/new\.md 使用/);
  assert.ok(fs.some((f) => f.file === B && /2019-02-30/.test(f.message)) && fs.some((f) => f.file === B && /没有的栏目/.test(f.message)), show(fs));
});

test("a document number used twice is reported when the issue.yml of either file is broken", async () => {
  // Another layout than the sample: the broken issue is the later one, its issue.yml has a Tab
  // indent, and its sections are written as a flow list on one line.
  const broken = "gazette: 测试市人民政府公报\nyear: 2020\nnumber: 3\nfrequency: 季刊\npublisher: 测试市人民政府办公室\nsections:\n\t- 政务动态\n";
  const C = "2020-03/copy.md";
  // A valid file of the broken issue reuses a number of a good issue, and another number of its own issue.
  const fs = await findingsWith({
    "2020-03/issue.yml": broken,
    [C]: documentText({ docNumber: '["测政发（2019）1号", "测政任〔2020〕2号"]', section: '"政务动态"', date: "2020-09-01" }),
  });
  const dup = fs.filter((f) => /发文字号 .+ 已被/.test(f.message));
  assert.equal(dup.map((f) => `${f.file}:${f.line} ${f.message}`).sort(), [
    `${C}:3 发文字号 测政发〔2019〕1号 已被 2019-01/csf-2019-1.md 使用`,
    `2020-03/renmian.md:3 发文字号 测政任〔2020〕2号 已被 ${C} 使用`,
  ].sort(), show(fs));
  assert.ok(fs.some((f) => f.file === "2020-03/issue.yml" && /制表符（Tab）缩进/.test(f.message)), show(fs));
});

test("a title with a stray straight quote says to delete it or pair it, at the quote", async () => {
  // Fields in another order than the sample's, the title last, with a quote left over from the YAML.
  const text = '---\ndocNumber: "测政发〔2019〕41号"\nissuer: "测试市人民政府"\ndate: 2019-03-01\npublication: public\nsection: "市政府文件"\ntitle: 测试市人民政府关于“乡村振兴”的通知"\n---\n\n现将有关事项通知如下。\n';
  const fs = (await findingsWith({ [A]: text })).filter((f) => f.file === A);
  assert.is(fs.length, 1, show(fs));
  assert.is(`${fs[0]!.line}:${fs[0]!.column}`, "7:26", "line and column of the stray quote");
  assert.match(fs[0]!.message, /没有配对的英文双引号/);
  assert.is(fs[0]!.fix, '删去多余的英文双引号 "，或补上另一个使它成对：给整个标题加引号写成 title: "测试市人民政府关于“乡村振兴”的通知"；标题原文中的引号用中文引号“”');
  // A title quoted as a whole, with a quote of its own inside: the same fix, at the value.
  const quoted = (await findingsWith({ [A]: documentText({ title: '"关于\\"测试的通知"' }) })).filter((f) => f.file === A);
  assert.is(quoted.length, 1, show(quoted));
  assert.is(quoted[0]!.line, 2);
  assert.match(quoted[0]!.fix, /^删去多余的英文双引号/);
});

test("an unclosed quote hides no other mistake: the mended front matter is checked for shapes in the same pass", async () => {
  // Fields in the order an editor typed them in a new-user test; the title misses its closing quote.
  const text = '---\ntitle: "测试市人民政府关于印发《测试市河长制工作规则的通知\ndocNumber: "测政发〔2019〕18号"\nissuer: "测试市人民政府关于印发"\ndate: 2019-03-01\npublication: public\nsection: 市政府文件\n---\n\n现将有关事项通知如下。\n';
  const fs = (await findingsWith({ [A]: text })).filter((f) => f.file === A);
  const at = fs.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`);
  assert.equal(at, [
    "2:8 error 标题“测试市人民政府关于印发《测试市河长制工作规则的通知”“《”没有闭合，标题不完整",
    "2:34 error “title”的值以引号 \" 开头，但这一行没有结尾的 \"，后面几行都被当成了它的值",
    "4:9 error 发文机关“测试市人民政府关于印发”含有“关于”，是标题的一部分而非机关名称",
  ], show(fs));
});

test("a joint issuer list missing its last quote or its ] is one error at its own line, with the line to write; the date after it is still checked", async () => {
  // Fields in another order than the sample's: the list sits between title and date, as a new-user test typed it.
  const head = '---\ntitle: "测试市人民政府办公室 测试市财政局关于测试的通知"\n';
  const tail = '\ndate: 2020-02-30\npublication: public\nsection: "市政府文件"\n---\n\n现将有关事项通知如下。\n';
  const want = '改为：issuer: ["测试市人民政府办公室", "测试市财政局"]';
  for (const [list, kind] of [['["测试市人民政府办公室", "测试市财政局]', /双引号 " 没有配对/], ['["测试市人民政府办公室", "测试市财政局"', /缺少结尾的 \]/], ['["测试市人民政府办公室", "测试市财政局', /双引号 " 没有配对/]] as const) {
    const fs = (await findingsWith({ [A]: `${head}issuer: ${list}${tail}` })).filter((f) => f.file === A);
    const errors = fs.filter((f) => f.severity === "error");
    assert.equal(errors.map((f) => f.line), [3, 4], `${list}\n${show(fs)}`);
    assert.match(errors[0]!.message, kind);
    assert.ok(errors[0]!.fix.endsWith(want), errors[0]!.fix);
    assert.match(errors[1]!.message, /2020-02-30/);
    assert.not.ok(fs.some((f) => /方括号或花括号|格式有误/.test(f.message)), show(fs));
  }
  // A list over two lines is YAML's own and stays as written.
  const two = (await findingsWith({ [A]: `${head}issuer: ["测试市人民政府办公室",\n  "测试市财政局"]${tail}` })).filter((f) => f.file === A);
  assert.equal(two.filter((f) => f.severity === "error").map((f) => f.line), [5], show(two));
});

test("a title with a 【 it never closes, or a 】 for a 》, is an error saying to pair them as printed", async () => {
  for (const title of ['"测试市人民政府关于【2020年测试工作的通知"', '"测试市人民政府关于印发《测试市重点项目推进计划】的通知"']) {
    const fs = (await findingsWith({ [A]: documentText({ title }) })).filter((f) => f.file === A && f.severity === "error");
    assert.is(fs.length, 1, show(fs));
    assert.match(fs[0]!.message, /没有闭合，标题不完整|而没有对应的/);
    assert.match(fs[0]!.fix, /书名号、括号、引号要成对，用错的改成原件上的那一个/);
  }
  assert.equal((await findingsWith({ [A]: documentText({ title: '"测试市人民政府关于【重点】项目的通知"' }) })).filter((f) => f.file === A), [], "a pair is fine");
});

test("an issuer with a shape error is not also suggested for the list of known issuers", async () => {
  const dir = await tempArchive({ [A]: documentText({ issuer: '"测试市人民政府关于印发"' }) });
  try {
    await writeFile(path.join(dir, "archive.yml"), (await readFile(path.join(dir, "archive.yml"), "utf8")) + "issuers:\n  - 测试市人民政府\n");
    const fs = (await loadArchive(dir, dir)).findings.filter((f) => f.file === A);
    assert.equal(fs.map((f) => `${f.line} ${f.severity} ${f.message}`), ["4 error 发文机关“测试市人民政府关于印发”含有“关于”，是标题的一部分而非机关名称"], show(fs));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("an issuer missing from the known list is said in the same pass as an error in another field of its document", async () => {
  const dir = await tempArchive({ [A]: documentText({ issuer: '["测试市人民政府办公室", "测试市新设局"]', date: "2019-02-30", page: "abc" }) });
  try {
    await writeFile(path.join(dir, "archive.yml"), (await readFile(path.join(dir, "archive.yml"), "utf8")) + "issuers:\n  - 测试市人民政府办公室\n");
    const fs = (await loadArchive(dir, dir)).findings.filter((f) => f.file === A);
    assert.ok(fs.some((f) => f.severity === "error" && /2019-02-30/.test(f.message)), show(fs));
    const unknown = fs.filter((f) => /不在已知发文机关名单/.test(f.message));
    assert.equal(unknown.map((f) => `${f.line} ${f.severity} ${f.message}`), ["4 warning 发文机关“测试市新设局”不在已知发文机关名单（issues/archive.yml 的 issuers）中"], show(fs));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("findings come by file, then line, then column; a document number used twice stands among its file's findings", async () => {
  const B = "2019-01/other.md";
  const text = documentText({ docNumber: '"测政发〔2019〕1号"', date: "2019-02-30", issuer: '"测试市人民政府关于"' }).replace("\n", "\r\n");
  const fs = await findingsWith({ [B]: text, [A]: documentText({ title: undefined, section: '"没有的栏目"' }) });
  const keys = fs.map((f) => `${f.file}:${f.line}:${f.column}`);
  const ordered = [...fs].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column).map((f) => `${f.file}:${f.line}:${f.column}`);
  assert.equal(keys, ordered, show(fs));
  const mine = fs.filter((f) => f.file === B).map((f) => `${f.line} ${f.message.slice(0, 12)}`);
  assert.equal(mine, ["1 文件用的是 Window", "3 发文字号 测政发〔201", "4 发文机关“测试市人民政府", "5 成文日期（date）应为"], show(fs));
});

test("a document number written [2024]5号 without quotes is one error at its value: YAML reads a list; quote it with the standard 〔〕", async () => {
  const fs = (await findingsWith({ [A]: documentText({ docNumber: "[2024]5号", date: "2024-09-05" }) })).filter((f) => f.file === A && f.line === 3);
  assert.is(fs.length, 1, show(fs));
  assert.is(`${fs[0]!.line}:${fs[0]!.column} ${fs[0]!.severity}`, "3:12 error");
  assert.is(fs[0]!.message, "发文字号（docNumber）的值以 [ 开头，YAML 把 [ ] 当成列表的括号，读不懂这一行");
  assert.is(fs[0]!.fix, '写全发文字号（机关代字〔年份〕序号号，GB/T 9704-2012 §7.2.5），给整个值加英文双引号，并把“机关代字”换成原件上的代字（如 乳政发）：docNumber: "机关代字〔2024〕5号"');
  // The suggested line, with the code put in, is accepted; a space after the bracket is not carried into it.
  const followed = (await findingsWith({ [A]: documentText({ docNumber: '"测政发〔2024〕5号"', date: "2024-09-05" }) })).filter((f) => f.file === A && f.line === 3);
  assert.equal(followed, [], show(followed));
  const spaced = (await findingsWith({ [A]: documentText({ docNumber: "[2024] 5号", date: "2024-09-05" }) })).filter((f) => f.file === A && f.line === 3);
  assert.match(spaced[0]!.fix, /"机关代字〔2024〕5号"$/);
  // Another field: the value is quoted as it is.
  const title = (await findingsWith({ [A]: documentText({ title: "[草案]测试市人民政府关于测试的通知" }) })).filter((f) => f.file === A && f.line === 2);
  assert.equal(title.map((f) => `${f.column} ${f.message} — ${f.fix}`), ['8 标题（title）的值以 [ 开头，YAML 把 [ ] 当成列表的括号，读不懂这一行 — 给整个值加英文双引号：title: "[草案]测试市人民政府关于测试的通知"'], show(title));
});

test("the closest known issuer is named only for a slip, never for another organ", () => {
  const known = ["乳山市人民政府", "乳山市人民政府办公室"];
  assert.is(closestIssuer("乳山市财政局", known), undefined);
  assert.is(closestIssuer("乳山市人民攻府", known), "乳山市人民政府");
  assert.is(closestIssuer("乳山市人民政府办", known), "乳山市人民政府办公室");
});

test.run();
