import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { cleanNameLine, cleanOcrLine, gluedNames, importDump, namesApart, splitDump, type ImportResult } from "../../src/import/index.ts";
import { importDocx } from "../../src/import/import-docx.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";
import { before } from "../helpers/hooks.ts";
import { frontMatter, bodyOf, importedDocument } from "../helpers/imported-files.ts";

/**
 * A department issue of the editor's own making (plain text, blank lines between paragraphs):
 * a cover printing publisher, frequency, publication date and running number; three joint
 * documents of two issuers — a red header with the names apart and a signature with 12 spaces
 * between them, a one-line title with a space between the names and a signature of one name a
 * line, a title with the names glued and no signature — and notes indented with full-width spaces.
 */
const FIXTURE = path.join(PROJECT_ROOT, "test/fixtures/import/joint-issuers.txt");
const BOTH = ["乳山市自然资源局", "乳山市住房和城乡建设局"];

let dump = "";
let r: ImportResult;
before(test, async () => {
  dump = await readFile(FIXTURE, "utf8");
  r = importDump(dump, { dumpName: "joint-issuers.txt" });
});

const doc = (slug: string) => importedDocument(r, slug);

test("a red header printing two issuers apart gives an issuer list, read from the print, without 待核", () => {
  const d = doc("rzrzf-2024-12");
  assert.equal(frontMatter(d.text).issuer, BOTH);
  assert.match(d.text, /\nissuer: \["乳山市自然资源局", "乳山市住房和城乡建设局"\]\n/, "no # 待核 on the issuer");
  assert.equal(d.fields.unsure, {});
  assert.match(d.fields.evidence.issuer!, /^标题首行（版头）“乳山市自然资源局 乳山市住房和城乡建设局”（底本第\d+行）；与署名“[^”]+”（底本第\d+行）一致$/);
  assert.match(r.files["_review.md"]!, /\| 发文机关 \| 乳山市自然资源局；乳山市住房和城乡建设局 \| 标题首行（版头）/);
  assert.is(frontMatter(d.text).title, "乳山市自然资源局 乳山市住房和城乡建设局关于规范城区老旧小区改造工作的通知", "the space between the names in the title is kept");
});

test("a one-line title with the names apart and a signature of one name a line give the list, without 待核", () => {
  const d = doc("rsszrzyjrsszfhcx");
  assert.equal(frontMatter(d.text).issuer, BOTH);
  assert.not.ok(d.fields.unsure.issuer, d.fields.unsure.issuer);
  assert.match(d.fields.evidence.issuer!, /^署名“乳山市自然资源局”“乳山市住房和城乡建设局”（底本第\d+行）$/);
  // Without the signature, the title's names are stated when each is known (here: stated by the header of the issue's first document).
  const unsigned = dump.replace("乳山市自然资源局\n\n乳山市住房和城乡建设局\n\n2024年9月2日", "2024年9月2日");
  assert.ok(unsigned !== dump, "the fixture's signature was removed");
  const fields = importDump(unsigned).documents.find((x) => x.slug === "rsszrzyjrsszfhcx")!.fields;
  assert.equal(fields.issuers, BOTH);
  assert.match(fields.evidence.issuer!, /^标题开头“乳山市自然资源局 乳山市住房和城乡建设局”/);
  assert.not.ok(fields.unsure.issuer, fields.unsure.issuer);
});

test("an issuer glued from two organ names without evidence of where one ends is marked 待核", () => {
  const d = doc("tonggao");
  assert.is(frontMatter(d.text).issuer, "乳山市自然资源局乳山市住房和城乡建设局");
  assert.match(d.text, /\nissuer: "乳山市自然资源局乳山市住房和城乡建设局" {2}# 待核：像是两个机关名称连写/);
  // The same glued name as a signature, even when the same names were printed apart before in the issue.
  const glued = dump.replace("乳山市自然资源局\n\n乳山市住房和城乡建设局\n\n2024年9月2日", "乳山市自然资源局乳山市住房和城乡建设局\n\n2024年9月2日");
  assert.ok(glued !== dump, "the fixture's signature was changed");
  // Where the title sets the names apart, the list is read from it, and the evidence says so.
  const fromTitle = importDump(glued).documents.find((x) => x.slug === "rsszrzyjrsszfhcx")!;
  assert.equal(fromTitle.fields.issuers, BOTH);
  assert.match(fromTitle.fields.evidence.issuer!, /^署名“乳山市自然资源局乳山市住房和城乡建设局”（底本第\d+行）；各机关名称分开印出见标题“乳山市自然资源局 乳山市住房和城乡建设局”/);
  const allGlued = glued.replaceAll("乳山市自然资源局 乳山市住房和城乡建设局关于做好", "乳山市自然资源局乳山市住房和城乡建设局关于做好");
  const again = importDump(allGlued).documents.find((x) => x.slug === "rsszrzyjrsszfhcx")!;
  assert.match(again.fields.unsure.issuer ?? "", /像是两个机关名称连写/);
  assert.equal(gluedNames("乳山市人民政府办公室"), null, "one organ with its office is not two names");
  assert.equal(gluedNames("乳山市自然资源局乳山市住房和城乡建设局"), BOTH);
});

test("spaces between names in a signature are never removed: each name takes a line of the signature", () => {
  const body = bodyOf(doc("rzrzf-2024-12").text);
  assert.match(body, /::: signature\n\n乳山市自然资源局\n\n乳山市住房和城乡建设局\n\n2024年8月20日\n\n:::/);
  assert.match(bodyOf(doc("rsszrzyjrsszfhcx").text), /::: signature\n\n乳山市自然资源局\n\n乳山市住房和城乡建设局\n\n2024年9月2日\n\n:::/);
  for (const d of r.documents.slice(0, 2)) assert.not.match(bodyOf(d.text), /自然资源局乳山市住房/, `${d.slug}: names glued`);
  assert.is(cleanOcrLine("乳山市自然资源局            乳山市住房和城乡建设局").text, "乳山市自然资源局            乳山市住房和城乡建设局");
  assert.is(cleanOcrLine("乳山市自然资源局 乳山市住房和城乡建设局关于规范的通知").text, "乳山市自然资源局 乳山市住房和城乡建设局关于规范的通知");
  assert.is(cleanOcrLine("乳山市人民政府 办公室").text, "乳山市人民政府办公室", "an OCR space inside one name still goes");
  assert.is(cleanOcrLine("经市自然资源局 审核").text, "经市自然资源局审核", "an OCR space in running text still goes");
  assert.equal(namesApart("乳山市自然资源局　乳山市住房和城乡建设局"), BOTH, "a full-width space also sets names apart");
  assert.match(r.files["_editors-note.md"]!, /分隔机关名称的空格、主送机关和署名行中的连续空格不删/);
  assert.match(bodyOf(doc("rsszrzyjrsszfhcx").text), /::: addressee\n\n各房地产开发企业 {2}各物业服务企业：\n\n:::/, "a run of spaces in the addressee is kept");
  assert.is(cleanNameLine("市长    张 三").text, "市长    张三", "a signature line keeps its runs of spaces, an OCR space goes");
  assert.is(cleanNameLine("各镇人民政府，市政府各部门    单位：").text, "各镇人民政府，市政府各部门单位：", "a line with punctuation between its words is not a line of names");
});

/** Every character that is text, not layout: no whitespace, no Markdown marks, width folded. */
const letters = (text: string) =>
  text
    .split("\n")
    .filter((l) => !/^:::/.test(l))
    .join("")
    .normalize("NFKC")
    .replace(/[\s#*|　]/g, "");

test("no character of the documents is lost or added", () => {
  const split = splitDump(dump, "乳山市人民政府公报");
  const lines = dump.split("\n");
  const dropped = new Set(split.dropped.map((d) => d.line));
  const from = split.segments[0]!.startLine;
  const expected = letters(lines.slice(from - 1).filter((_, i) => !dropped.has(from + i)).join("\n"));
  const actual = split.segments
    .map((s, k) => {
      const d = r.documents[k]!;
      return letters([...s.titleLines, ...d.fields.movedLines.map((i) => s.lines[i]!), bodyOf(d.text)].join("\n"));
    })
    .join("");
  assert.is(actual.length, expected.length);
  assert.ok(actual === expected, "document text changed");
});

test("a note in brackets right after the signature goes in ::: note, also when indented with full-width spaces", () => {
  assert.match(bodyOf(doc("rzrzf-2024-12").text), /2024年8月20日\n\n:::\n\n::: note\n\n（此件公开发布）\n\n:::\n$/);
  assert.match(bodyOf(doc("rsszrzyjrsszfhcx").text), /2024年9月2日\n\n:::\n\n::: note\n\n（联系人：王明，联系电话：0631-6651234）\n\n:::\n$/);
});

test("the cover's publisher (before 主办), publication date (…出版) and running number (总第N期) are read, without 待核", () => {
  const yml = r.files["issue.yml"]!;
  assert.not.match(yml, /待核/);
  assert.equal(r.issueUnsure, {});
  const issue = parse(yml) as Record<string, unknown>;
  assert.equal(
    { publisher: issue.publisher, frequency: issue.frequency, published: issue.published, total: issue.total },
    { publisher: "乳山市人民政府办公室", frequency: "季刊", published: "2024-09-30", total: 41 },
  );
  // The issue of the same gazette imported before lends nothing the cover prints.
  const latest = { gazette: "乳山市人民政府公报", year: 2024, number: 2, frequency: "月刊", publisher: "别的单位", sections: ["部门文件"] };
  assert.equal(importDump(dump, { latest }).issueUnsure, {});
});

test("a Word file of a joint document (test/fixtures/import/docx/joint-issuers.docx): issuer list from the signature, names a line each", async () => {
  const meta = { gazette: "乳山市人民政府公报", year: 2024, number: 3, frequency: "季刊", publisher: "乳山市人民政府办公室", sections: ["部门文件"] };
  const buffer = await readFile(path.join(PROJECT_ROOT, "test/fixtures/import/docx/joint-issuers.docx"));
  const { document, review } = await importDocx(buffer, { issue: meta, fileName: "joint-issuers.docx" });
  assert.equal(frontMatter(document.text).issuer, BOTH);
  assert.match(document.text, /\nissuer: \["乳山市自然资源局", "乳山市住房和城乡建设局"\]\n/);
  assert.match(bodyOf(document.text), /::: signature\n\n乳山市自然资源局\n\n乳山市住房和城乡建设局\n\n2024年8月20日\n\n:::\n\n::: note\n\n（此件公开发布）\n\n:::\n$/);
  assert.match(review, /\| 发文机关 \| 乳山市自然资源局；乳山市住房和城乡建设局 \| 署名“乳山市自然资源局 {12}乳山市住房和城乡建设局”（joint-issuers.docx第6段） \| {2}\|/);
});

test.run();
