import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { importDump, splitDump, type ImportResult } from "../../src/import/index.ts";
import { findMasthead } from "../../src/import/masthead.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";
import { before } from "../helpers/hooks.ts";
import { frontMatter, bodyOf, importedDocument } from "../helpers/imported-files.ts";

/**
 * A county gazette of the editor's own making (plain text, blank lines between paragraphs):
 * running head `青石县人民政府公报　2025年第1期` at the top of each page, `- N -` page numbers at
 * the bottom, paragraphs indented with full-width spaces (one with ASCII spaces, one with
 * no-break spaces), and every document printed under its masthead (版头): `…文件` above the
 * title (agreeing with the signature; above the issue's first document, after the running head),
 * a joint document's names set apart by a full-width space with `文件` on a line of its own and
 * the document number between masthead and title, a masthead naming another organ than the
 * signature, and a masthead of a notice without signature.
 */
const FIXTURE = path.join(PROJECT_ROOT, "test/fixtures/import/mastheads.txt");

let dump = "";
let r: ImportResult;
before(test, async () => {
  dump = await readFile(FIXTURE, "utf8");
  r = importDump(dump, { dumpName: "mastheads.txt" });
});

const doc = (slug: string) => importedDocument(r, slug);

test("a masthead printed after the page number and running head is never appended to the document before it", () => {
  assert.is(r.documents.length, 5);
  // Each document ends with its own last block, nothing after it.
  assert.match(bodyOf(doc("qzbz-2025-2").text), /2025年2月10日\n\n:::\n\n::: note\n\n（此件公开发布）\n\n:::\n$/);
  assert.match(bodyOf(doc("qzrzf-2025-3").text), /2025年2月20日\n\n:::\n$/);
  assert.match(bodyOf(doc("qzrzf-2025-5").text), /2025年3月1日\n\n:::\n$/);
  assert.match(bodyOf(doc("gyzhcjntsljsdtz").text), /2025年3月5日\n\n:::\n$/);
  for (const d of r.documents) {
    const body = bodyOf(d.text);
    assert.not.match(body, /文件\n|^文件|版头/mu, `${d.slug}: a masthead in the text`);
    assert.not.match(body, /^青石县自然资源局　青石县住房和城乡建设局$/mu, `${d.slug}: the joint masthead in the text`);
  }
  // The masthead above the issue's first document is not taken for a 栏目 of the 目录.
  assert.equal(r.issue.sections, ["县政府办公室文件", "部门文件"]);
  // The same when the masthead is a Markdown heading (PDF-to-Markdown form).
  const heading = importDump(dump.replace("\n青石县自然资源局文件\n", "\n## 青石县自然资源局文件\n"));
  assert.ok(heading.documents[0]!.text.endsWith("（此件公开发布）\n\n:::\n"), "heading masthead appended to the document before");
  assert.match(heading.documents[1]!.fields.evidence.issuer!, /与版头“青石县自然资源局文件”/);
});

test("a masthead agreeing with the signature states the issuer (no 待核); one that disagrees is 待核, in the file and the review sheet", () => {
  const agree = doc("qzrzf-2025-3");
  assert.match(agree.text, /\nissuer: "青石县自然资源局"\n/);
  assert.match(agree.fields.evidence.issuer!, /^署名“青石县自然资源局”（底本第\d+行）；与版头“青石县自然资源局文件”（底本第47行）一致$/);
  assert.match(doc("qzbz-2025-2").fields.evidence.issuer!, /与版头“青石县人民政府办公室文件”（底本第25行）一致/);
  const disagree = doc("gyzhcjntsljsdtz");
  assert.is(frontMatter(disagree.text).issuer, "青石县水利局");
  assert.match(disagree.text, /\nissuer: "青石县水利局" {2}# 待核：版头“青石县农业农村局文件”（底本第\d+行）与署名“青石县水利局”不一致/);
  assert.match(r.files["_review.md"]!, /\| 发文机关 \| 青石县水利局 \| 署名“青石县水利局”（底本第\d+行） \| 版头“青石县农业农村局文件”（底本第\d+行）与署名“青石县水利局”不一致，请按原件核定发文机关 \|/);
  // Without a signature, the masthead is the place that states the issuer.
  const notice = doc("gonggao");
  assert.match(notice.text, /\nissuer: "青石县交通运输局"\n/);
  assert.match(notice.fields.evidence.issuer!, /^版头“青石县交通运输局文件”（底本第\d+行）$/);
});

test("a joint masthead (names apart, 文件 on its own line, the number below it) gives the issuer list and the document number, without 待核", () => {
  const d = doc("qzrzf-2025-5");
  const fm = frontMatter(d.text);
  assert.equal(fm.issuer, ["青石县自然资源局", "青石县住房和城乡建设局"]);
  assert.is(fm.docNumber, "青自然资发〔2025〕5号");
  assert.not.ok(d.fields.unsure.issuer, d.fields.unsure.issuer);
  assert.not.ok(d.fields.unsure.docNumber, d.fields.unsure.docNumber);
  assert.match(d.fields.evidence.issuer!, /与版头“青石县自然资源局　青石县住房和城乡建设局”“文件”（底本第\d+–\d+行）一致/);
  assert.ok(bodyOf(d.text).startsWith("为规范农村住房建设"), "the number line is in the front matter, not the text");
  // The names set apart by ASCII spaces, without a line 文件, at the top of the page: still the masthead.
  const spaced = dump.replace("青石县自然资源局　青石县住房和城乡建设局\n\n文件\n", "青石县自然资源局  青石县住房和城乡建设局\n");
  assert.ok(spaced !== dump, "the fixture's joint masthead was changed");
  const again = importDump(spaced);
  assert.match(again.documents[1]!.text, /2025年2月20日\n\n:::\n$/, "the masthead appended to the document before");
  assert.match(again.documents[2]!.fields.evidence.issuer!, /与版头“青石县自然资源局 {2}青石县住房和城乡建设局”（底本第\d+行）一致/);
});

test("what is a masthead: …文件 anywhere above a title; names alone only two or more at the top of a page; never a 栏目 or a sentence", () => {
  const none = () => false;
  const at = (lines: string[]) => findMasthead(lines, lines.length - 1, 0, none);
  assert.equal(at(["正文。", "青石县人民政府文件", "", "关于某事的通知"])?.names, ["青石县人民政府"]);
  assert.equal(at(["正文。", "青 石 县 人 民 政 府 文 件", "关于某事的通知"])?.names, ["青石县人民政府"], "letter-spaced");
  assert.equal(at(["\f", "青石县自然资源局　青石县住房和城乡建设局", "关于某事的通知"])?.names, ["青石县自然资源局", "青石县住房和城乡建设局"]);
  assert.is(at(["正文。", "青石县自然资源局　青石县住房和城乡建设局", "关于某事的通知"]), null, "a line of names under text (a signature without date) is not a masthead");
  assert.is(at(["\f", "青石县人民政府", "关于某事的通知"]), null, "one name without 文件");
  assert.is(at(["\f", "市政府文件", "关于某事的通知"]), null, "a 栏目 name");
  assert.is(at(["\f", "现将有关文件", "关于某事的通知"]), null);
  const numbered = at(["\f", "青石县人民政府文件", "青政发〔2025〕1号", "关于某事的通知"]);
  assert.equal([numbered?.indexes, numbered?.numberIndex], [[1], 2], "the number line between masthead and title");
});

test("the joint title keeps its full-width space between the names", () => {
  const d = doc("qzrzf-2025-5");
  assert.match(d.text, /\ntitle: "青石县自然资源局\u3000青石县住房和城乡建设局关于加强农村住房建设管理的通知"\n/);
  assert.is(frontMatter(d.text).title, "青石县自然资源局\u3000青石县住房和城乡建设局关于加强农村住房建设管理的通知");
});

test("no paragraph keeps its leading indentation (full-width, ASCII or no-break spaces)", () => {
  for (const d of r.documents) {
    for (const line of bodyOf(d.text).split("\n")) assert.not.match(line, /^[\s\u3000\u00A0]/u, `${d.slug}: “${line}”`);
  }
  assert.match(bodyOf(doc("qzbz-2025-2").text), /\n\n当前已进入春季森林防火紧要期，/);
  assert.match(bodyOf(doc("gyzhcjntsljsdtz").text), /\n\n各镇水利站要做好技术指导。\n/);
  assert.match(bodyOf(doc("gonggao").text), /^为方便群众出行，/);
});

test("_editors-note.md is Chinese throughout, lists each masthead line and labels the running head before the first document 页眉", () => {
  const note = r.files["_editors-note.md"]!;
  assert.ok(note.startsWith("# 校勘说明（青石县人民政府公报 2025年第1期"), note.split("\n")[0]);
  for (const line of note.split("\n")) {
    const words = line.replace(/`[^`]*`/g, "").replace(/npm run \w+|PDF/g, "");
    assert.not.match(words, /[A-Za-z]{3,}/, `an English line: ${line}`);
  }
  for (const [line, text] of [[25, "青石县人民政府办公室文件"], [47, "青石县自然资源局文件"], [65, "青石县自然资源局　青石县住房和城乡建设局"], [67, "文件"], [83, "青石县农业农村局文件"], [95, "青石县交通运输局文件"]] as const) {
    assert.ok(note.includes(`| ${line} | \`${text}\` | 版头（发文机关标志），用作下一件文件发文机关的依据 |`), `masthead line ${line} listed`);
  }
  assert.ok(note.includes("| 23 | `青石县人民政府公报　2025年第1期` | 页眉 |"), "running head before the first document");
  assert.not.match(note, /\| 青石县人民政府公报　2025年第1期` \| 目录 \|/);
});

/** Every character that is text, not layout: no whitespace, no Markdown marks, width folded, in code point order. */
const letters = (text: string) =>
  [
    ...text
      .split("\n")
      .filter((l) => !/^:::/.test(l))
      .join("")
      .normalize("NFKC")
      .replace(/[\s#*|\u3000]/gu, ""),
  ]
    .sort()
    .join("");

test("no character of the documents is lost or added (the masthead lines excepted)", () => {
  const split = splitDump(dump, "青石县人民政府公报");
  const lines = dump.split("\n");
  const dropped = new Set(split.dropped.map((d) => d.line));
  const from = Math.max(...split.front.map((f) => f.line)) + 1;
  const expected = letters(lines.slice(from - 1).filter((_, i) => !dropped.has(from + i)).join("\n"));
  const actual = letters(
    split.segments
      .map((s, k) => {
        const d = r.documents[k]!;
        return [...s.titleLines, ...d.fields.movedLines.map((i) => s.lines[i]!), bodyOf(d.text)].join("\n");
      })
      .join("\n"),
  );
  assert.is(actual.length, expected.length);
  assert.ok(actual === expected, "document text changed");
  assert.is(split.dropped.filter((d) => d.why === "masthead").length, 6);
});

test.run();
