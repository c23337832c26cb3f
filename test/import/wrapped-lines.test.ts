import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { splitFrontMatter } from "../../src/content/index.ts";
import { formatBody } from "../../src/import/format-body.ts";
import { importDump } from "../../src/import/index.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";

const FIXTURE = readFileSync(path.join(PROJECT_ROOT, "test/fixtures/import/wrapped-dates.txt"), "utf8");
const paragraphsOf = (text: string) => splitFrontMatter(text)!.body.trim().split(/\n\n/);

test("a sentence wrapped before a date (…决定自 / 2025年7月1日起…) is one paragraph; the signature date stays its own line", () => {
  const doc = importDump(FIXTURE).documents[0]!;
  const paragraphs = paragraphsOf(doc.text);
  assert.ok(paragraphs.includes("为促进节约用水，经市政府同意，决定自2025年7月1日起调整居民生活用水价格，第一阶梯水价为每立方米3.20元。"), paragraphs.join("\n"));
  assert.not.ok(paragraphs.some((p) => p.startsWith("2025年7月1日")), "no paragraph opens with the wrapped date");
  assert.equal(paragraphs.slice(-7), ["::: signature", "白鹭市水务局", "2025年6月3日", ":::", "::: note", "（此件公开发布）", ":::"]);
  assert.is(doc.fields.date, "2025-06-03");
});

test("a date cut at the line end (…有效期至2027年6月30 / 日。) is joined, however many half-width digits the line has", () => {
  const paragraphs = paragraphsOf(importDump(FIXTURE).documents[0]!.text);
  assert.ok(paragraphs.includes("本通知自印发之日起施行，有效期至2027年6月30日。"), paragraphs.join("\n"));
  assert.not.ok(paragraphs.includes("日。"));
  // The same in hard-wrapped text (a wrap width is found) and across a page break.
  const W = "一二三四五六七八九十一二三四五六七八九十";
  const wrapped = formatBody([W, W, W, W, W, "本办法自公布之日起施行，有效期至2030年12月31", "日。", "", "　　第二段另起。"], "").body.trim().split(/\n\n/);
  assert.equal(wrapped, [`${W.repeat(5)}本办法自公布之日起施行，有效期至2030年12月31日。`, "第二段另起。"]);
});

test("a line opening with closing punctuation never starts a paragraph, even after a date or a blank line", () => {
  assert.equal(formatBody(["　　本办法自2024年1月1日", "。"], "").body.trim(), "本办法自2024年1月1日。");
  assert.equal(formatBody(["　　经研究，同意设立《青岚市志", "", "》编纂委员会。"], "").body.trim(), "经研究，同意设立《青岚市志》编纂委员会。");
});

test("a break kept where the text runs on is listed for checking; two paragraphs are never joined on a guess", () => {
  // Paragraphs marked by a full-width indent: the flush line is the rest of the indented one.
  assert.equal(formatBody(["　　全市各部门要加快推进基础设施建设，重点推进", "5G基站建设。", "　　第二段另起一行。"], "").body.trim().split(/\n\n/), ["全市各部门要加快推进基础设施建设，重点推进5G基站建设。", "第二段另起一行。"]);
  // Across a page break, a line opening with Latin letters or digits is not joined, but listed.
  const page = formatBody(["　　全市各部门要加快推进基础设施建设，重点推进", "\f", "5G基站建设。"], "");
  assert.equal(page.body.trim().split(/\n\n/).length, 2);
  assert.equal(page.changes.keptBreaks, ["进基础设施建设，重点推进｜5G基站建设。"]);
  // A paragraph ending in 。, a signature's date, a new item: not listed.
  assert.equal(formatBody(["青岚市人民政府2024年工作要点", "\f", "2024年是全面贯彻落实党的二十大精神的关键之年。"], "").changes.keptBreaks, [], "a title's end: not listed");
  assert.equal(formatBody(["　　第一段。", "\f", "第二段另起一行，不缩进。", "", "（一）第一项内容写在这里", "", "　　　　　　甲市人民政府", "　　　　　　2024年1月2日"], "").changes.keptBreaks, []);
});

test("the editor's note lists a break the import kept but is unsure about", () => {
  const dump = FIXTURE.replace("\n　　特此通知。", "\n　　特此通知，请各供水单位同步做好5G智能水表的更换准备，按照\n\f\n5G智能水表技术规范执行。");
  const note = importDump(dump).files["_editors-note.md"]!;
  assert.match(note, /未合并的断行/);
  assert.match(note, /\| 未合并、请核对的断段 \| 1 \|/);
  assert.match(note, /1\. `.*准备，按照｜5G智能水表技术规范/);
});

test.run();
