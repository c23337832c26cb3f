import { test } from "uvu";
import * as assert from "uvu/assert";
import path from "node:path";
import { loadArchive, type Finding } from "../../src/content/index.ts";
import { findingsWith } from "../helpers/findings.ts";
import { PROJECT_ROOT, documentText } from "../helpers/temp-archive.ts";


const show = (fs: Finding[]) => fs.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} — ${f.fix}`).join("\n");
// Another city's monthly gazette, fields in another order than the fixture's.
const otherGazette = "year: 2024\nnumber: 4\ngazette: 青岚市人民政府公报\nfrequency: 月刊\npublisher: 青岚市人民政府办公室\nsections:\n  - 市政府文件\n";
const doc = documentText({ docNumber: '"青政发〔2024〕20号"', issuer: '"测试市人民政府"', date: "2024-04-01" });

test("an issue of another gazette than the archive's is an error at its gazette line, saying one site holds one gazette and what to change", async () => {
  const fs = (await findingsWith({ "2024-04/issue.yml": otherGazette, "2024-04/qzf-2024-20.md": doc })).filter((f) => f.severity === "error");
  assert.equal(fs.map((f) => `${f.file}:${f.line}:${f.column}`), ["2024-04/issue.yml:3:10"], show(fs));
  assert.is(fs[0]!.message, "刊名（gazette）“青岚市人民政府公报”与本网站的公报“测试市人民政府公报”（archive.yml 的 title）不同：一个网站只收一种公报");
  assert.is(fs[0]!.fix, "本期属于“测试市人民政府公报”时，把 gazette 改为“测试市人民政府公报”；本网站本来就是“青岚市人民政府公报”的网站时（如从示例复制而来），把 archive.yml 的 title 改为“青岚市人民政府公报”，publisher 改为它的主办单位");
});

test("the gazette rule runs when issue.yml has other mistakes too (all in one pass), and not when archive.yml cannot be read", async () => {
  const broken = otherGazette.replace("  - 市政府文件", "\t- 市政府文件");
  const fs = (await findingsWith({ "2024-04/issue.yml": broken })).filter((f) => f.file === "2024-04/issue.yml");
  assert.equal(fs.map((f) => `${f.line} ${/一个网站只收一种公报|制表符/.exec(f.message)?.[0]}`), ["3 一个网站只收一种公报", "7 制表符"], show(fs));
  const noTitle = await findingsWith({ "2024-04/issue.yml": otherGazette, "archive.yml": "publisher: 测试市人民政府办公室\n" });
  assert.not.ok(noTitle.some((f) => /一个网站只收一种公报/.test(f.message)), show(noTitle));
});

test("the same gazette name passes, and so do the sample and the fixture archive", async () => {
  const same = await findingsWith({ "2024-04/issue.yml": otherGazette.replace("青岚市", "测试市").replace("青岚市", "测试市"), "2024-04/qzf-2024-20.md": doc });
  assert.not.ok(same.some((f) => f.severity === "error"), show(same));
  for (const dir of [path.join(PROJECT_ROOT, "issues"), path.join(PROJECT_ROOT, "test/fixtures/archive")]) {
    const { archive, findings } = await loadArchive(dir, dir);
    assert.ok(archive, show(findings));
  }
});

test.run();
