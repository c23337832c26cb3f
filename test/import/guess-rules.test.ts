import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument, rgb } from "pdf-lib";
import { loadArchive } from "../../src/content/index.ts";
import { foldRadicals, ImportError, importDump, importPdf, readPdf, writeImport } from "../../src/import/index.ts";
import { importDocx } from "../../src/import/import-docx.ts";
import { copyOriginals } from "../../src/site/originals.ts";
import { PROJECT_ROOT, documentText, emptyArchive, tempArchive } from "../helpers/temp-archive.ts";

test("folds Kangxi Radicals (NFKC) and CJK Radicals Supplement code points back to ideographs", () => {
  assert.equal(foldRadicals("⼈⺠政府"), { text: "人民政府", folded: 2 });
  assert.equal(foldRadicals("⻔户⻓⻢⻋"), { text: "门户长马车", folded: 4 });
  assert.equal(foldRadicals("，（）〔〕ＡＢ１"), { text: "，（）〔〕ＡＢ１", folded: 0 }, "nothing else is normalised");
});

test("a PDF without a text layer (a scan) gets a clear Chinese message", async () => {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < 3; i++) pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
  const error = await readPdf(await pdf.save()).then(() => null, (e: unknown) => e);
  assert.ok(error instanceof ImportError);
  assert.match((error as Error).message, /没有可读取的文字层.*扫描件.*OCR/);
});

const issue = (cover: string, body: string) => `${cover}\n\n目录\n\n【市政府文件】\n\n甲市人民政府关于乙的通知 ..... (1)\n\n${body}`;
const doc = "# 甲市人民政府关于乙的通知\n\n甲政发〔2020〕1号\n\n各区政府：\n\n现将有关事项通知如下。\n\n甲市人民政府\n\n2020年1月2日\n";

test("issue fields are never taken from the last issue of another gazette", () => {
  const other = { gazette: "乙市人民政府公报", year: 2019, number: 4, frequency: "月刊", publisher: "乙市人民政府办公室", sections: ["x"] };
  const r = importDump(issue("# 甲市人民政府公报\n\n2020年第1期", doc), { latest: other });
  assert.is(r.issue.frequency, "待填");
  assert.is(r.issueUnsure.frequency, "封面未载，请填写");
  const same = importDump(issue("# 甲市人民政府公报\n\n2020年第1期", doc), { latest: { ...other, gazette: "甲市人民政府公报" } });
  assert.is(same.issue.frequency, "月刊");
  assert.match(same.issueUnsure.frequency!, /取自同一公报的上一期（2019年第4期）/);
});

test("no 待核 on values read where they are stated; publication of an issue that prints no notes is public without 待核", () => {
  const r = importDump(issue("# 甲市人民政府公报\n\n2020年第1期", doc));
  const f = r.documents[0]!.fields;
  assert.equal(f.unsure, {});
  assert.is(f.issuer, "甲市人民政府");
  assert.match(f.evidence.issuer!, /^署名“甲市人民政府”（底本第\d+行）$/);
  assert.match(f.evidence.publication!, /本期各件均未印附注/);
  assert.match(f.evidence.docNumber!, /^文号行“甲政发〔2020〕1号”/);
});

test("an issuer is never the first line of a title printed over several lines", () => {
  const title = "甲市人民政府关于批转市住房城乡建设管理委、市财政局关于乙的意见的通知";
  const text = `# 甲市人民政府公报\n\n2020年第1期\n\n目录\n\n【市政府文件】\n\n${title} ..... (1)\n\n# 甲市人民政府关于批转市住房城乡建设管理委、\n\n# 市财政局关于乙的意见的通知\n\n各区政府：\n\n现将意见转发给你们。\n`;
  const f = importDump(text).documents[0]!.fields;
  assert.is(f.issuer, "甲市人民政府");
  assert.ok(f.unsure.issuer, "no signature, not a known issuer: 待核");
  const known = importDump(text, { knownIssuers: ["甲市人民政府"] }).documents[0]!.fields;
  assert.is(known.issuer, "甲市人民政府");
  assert.is(known.unsure.issuer, undefined);
});

test("npm run check: issuer and title shape rules (errors) and issuers missing from archive.yml (warning with the closest)", async () => {
  const content = await tempArchive({
    "2019-01/shape.md": documentText({ title: '"甲市人民政府关于批转市住房城乡建设管理委、"', issuer: '"甲市人民政府关于批转"', docNumber: '"测政发〔2019〕9号"' }),
    "2019-01/known.md": documentText({ title: '"测试市人民政府关于《丙办法》的通知"', issuer: '"测试市人民政府办"', docNumber: '"测政发〔2019〕8号"' }),
  });
  try {
    const settings = path.join(content, "archive.yml");
    await writeFile(settings, (await readFile(settings, "utf8")) + "issuers:\n  - 测试市人民政府\n  - 测试市人民政府办公室\n");
    const { findings } = await loadArchive(content, content);
    const shape = findings.filter((f) => f.file === "2019-01/shape.md").map((f) => `${f.severity} ${f.message}`);
    assert.ok(shape.includes("error 发文机关“甲市人民政府关于批转”含有“关于”，是标题的一部分而非机关名称"), shape.join("\n"));
    assert.ok(shape.includes("error 标题“甲市人民政府关于批转市住房城乡建设管理委、”以“、”结尾，标题不完整"), shape.join("\n"));
    const known = findings.filter((f) => f.file === "2019-01/known.md");
    assert.equal(known.map((f) => `${f.severity} ${f.message}`), ["warning 发文机关“测试市人民政府办”不在已知发文机关名单（issues/archive.yml 的 issuers）中，最接近的是“测试市人民政府办公室”"]);
  } finally {
    await rm(content, { recursive: true, force: true });
  }
});

test("a Word file becomes one document with inferred front matter, evidence and 待核 where needed", async () => {
  const meta = { gazette: "乳山市人民政府公报", year: 2019, number: 2, frequency: "季刊", publisher: "乳山市人民政府办公室", sections: ["市政府文件", "市政府办公室文件"] };
  const buffer = await readFile(path.join(PROJECT_ROOT, "test/fixtures/import/docx/rzbf-2019-6.docx"));
  const { document, review } = await importDocx(buffer, { issue: meta, fileName: "rzbf-2019-6.docx" });
  assert.is(document.slug, "rzbf-2019-6");
  assert.ok(document.text.startsWith('---\ntitle: "乳山市人民政府办公室关于开展城乡建设用地增减挂钩与工矿废弃地复垦调整利用工作的意见"\ndocNumber: "乳政办发〔2019〕6号"\nissuer: "乳山市人民政府办公室"\ndate: 2019-05-08\npublication: public\nsection: "待定"  # 待核：'), document.text.slice(0, 400));
  assert.not.match(document.text, /\npage:/);
  assert.match(document.text, /::: signature\n\n乳山市人民政府办公室\n\n2019年5月8日\n\n:::/);
  assert.match(review, /\| 发文机关 \| 乳山市人民政府办公室 \| 标题首行（版头）“乳山市人民政府办公室文件”（rzbf-2019-6.docx第1段）；与署名“乳山市人民政府办公室”（rzbf-2019-6.docx第\d+段）一致 \| {2}\|/);
  assert.match(review, /\| 发文字号 \| 乳政办发〔2019〕6号 \| 文号行“乳政办发〔2019〕6号”（rzbf-2019-6.docx第2段） \|/);
  const chosen = await importDocx(buffer, { issue: meta, section: "市政府办公室文件" });
  assert.match(chosen.document.text, /\nsection: "市政府办公室文件"\n/);
});

test("an imported PDF issue passes the check with its original.pdf, which the site publishes at the issue URL", async () => {
  // The fixture PDF is an issue of the Rushan gazette: it goes into a Rushan archive (one archive holds one gazette).
  const content = await emptyArchive("title: 乳山市人民政府公报\npublisher: 乳山市人民政府办公室\n");
  const out = await mkdtemp(path.join(tmpdir(), "gazette-originals-"));
  try {
    const bytes = new Uint8Array(await readFile(path.join(PROJECT_ROOT, "test/fixtures/import/layouts/table-and-personnel-list.pdf")));
    const result = await importPdf(bytes, { knownIssuers: ["乳山市人民政府", "乳山市人民政府办公室"] });
    await writeImport(result, content);
    const { archive, findings } = await loadArchive(content, content);
    const mine = findings.filter((f) => f.file.startsWith("2019-05/"));
    assert.equal(mine.map((f) => `${f.file}:${f.line} ${f.message}`), ["2019-05/renmian.md:5 成文日期（date）标有 # 待核（尚未核对）：正文含多个日期，取最晚的一个"]);
    assert.is(archive, null, "the 待核 mark stops publication");
    const { archive: fixed } = await loadArchive(content, content).then(async () => {
      const file = path.join(content, "2019-05/renmian.md");
      await writeFile(file, (await readFile(file, "utf8")).replace(/ {2}# 待核.*\n/, "\n"));
      return loadArchive(content, content);
    });
    const issue = fixed!.issues.find((i) => i.key === "2019-05")!;
    assert.is(issue.originalPath, "2019-05/original.pdf");
    assert.equal(issue.documents.map((d) => [d.slug, d.page, d.pdfPage]), [["rzbf-2019-5", 1, 4], ["renmian", 3, 6]]);
    await copyOriginals(out, [{ url: "/2019/5/original.pdf", source: path.join(content, issue.originalPath!) }]);
    assert.equal(new Uint8Array(await readFile(path.join(out, "2019/5/original.pdf"))), bytes);
  } finally {
    await rm(content, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  }
});

test.run();
