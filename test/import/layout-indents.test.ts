import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { splitFrontMatter } from "../../src/content/index.ts";
import { formatBody } from "../../src/import/format-body.ts";
import { importDump } from "../../src/import/index.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";

// A short `pdftotext -layout` dump (too few lines to find a wrap width): paragraphs' first lines indented by three spaces.
const FIXTURE = readFileSync(path.join(PROJECT_ROOT, "test/fixtures/import/layout-short-indent.txt"), "utf8");
const FIRST = "   为优化城市公共交通线网，方便市民出行，经研究，决定\n自2025年3月1日起调整3路、7路公交线路。";
const paragraphsOf = (text: string) => splitFrontMatter(text)!.body.trim().split(/\n\n/);
const imported = (dump: string) => {
  const result = importDump(dump);
  return { paragraphs: paragraphsOf(result.documents[0]!.text), note: result.files["_editors-note.md"]! };
};

test("a flush line after an indented first line ending mid-sentence continues it (…决定 / 自2025年…), whatever the next line opens with", () => {
  for (const [second, joined] of [
    ["自2025年3月1日起调整3路、7路公交线路。", "决定自2025年3月1日起调整3路、7路公交线路。"],
    ["于2025年3月1日起调整3路、7路公交线路。", "决定于2025年3月1日起调整3路、7路公交线路。"],
    ["对3路、7路公交线路进行调整。", "决定对3路、7路公交线路进行调整。"],
  ] as const) {
    const { paragraphs } = imported(FIXTURE.replace(FIRST, FIRST.replace(/\n.*$/u, "\n" + second)));
    assert.ok(paragraphs.includes("为优化城市公共交通线网，方便市民出行，经研究，" + joined), paragraphs.join("\n"));
  }
  const e = imported(FIXTURE.replace(FIRST, "   为优化城市公共交通线网，方便市民出行，经研究，决定对\n3路、7路公交线路进行调整。")).paragraphs;
  assert.ok(e.includes("为优化城市公共交通线网，方便市民出行，经研究，决定对3路、7路公交线路进行调整。"), e.join("\n"));
  const { paragraphs, note } = imported(FIXTURE);
  assert.equal(paragraphs.slice(0, 3), ["为优化城市公共交通线网，方便市民出行，经研究，决定自2025年3月1日起调整3路、7路公交线路。", "3路：由火车站发车，经青山路、胜利街，至汽车总站，全程十公里。", "特此公告。"]);
  assert.match(note, /\| 未合并、请核对的断段 \| 0 \|/);
});

test("an indented line is a new paragraph, and a line ending a sentence is not continued", () => {
  const { paragraphs } = imported(FIXTURE.replace("\n全程十公里。", "。\n   全程十公里。"));
  assert.ok(paragraphs.includes("全程十公里。"), paragraphs.join("\n"));
  const ended = imported(FIXTURE.replace("经研究，决定\n", "经研究，决定。\n")).paragraphs;
  assert.ok(ended.includes("自2025年3月1日起调整3路、7路公交线路。"), ended.join("\n"));
});

test("a kept break after a paragraph ending mid-sentence in a word like a title's end (…决定) is listed when the paragraph is running text", () => {
  const kept = formatBody(["　　为优化城市公共交通线网，方便市民出行，经研究，决定", "\f", "3路、7路公交线路自2025年3月1日起调整。"], "");
  assert.equal(kept.body.trim().split(/\n\n/).length, 2);
  assert.equal(kept.changes.keptBreaks, ["便市民出行，经研究，决定｜3路、7路公交线路自20"]);
  // A title alone on its line is still not listed.
  assert.equal(formatBody(["青岚市人民政府2024年工作要点", "\f", "2024年是全面贯彻落实党的二十大精神的关键之年。"], "").changes.keptBreaks, []);
});

test("hard-wrapped `-layout` text: an indented first line a few characters short of the wrap width is full", () => {
  const W = "一二三四五六七八九十一二三四五六七八九十二三四五六七八";
  const lines = ["   " + W, W, W, W, W.slice(0, -1) + "。", "   为优化城市公共交通线网，方便市民出行，经研究决定", "自2025年3月1日起调整3路、7路公交线路。", "   特此公告。"];
  const body = formatBody(lines, "").body.trim().split(/\n\n/);
  assert.equal(body.slice(1), ["为优化城市公共交通线网，方便市民出行，经研究决定自2025年3月1日起调整3路、7路公交线路。", "特此公告。"]);
});

test.run();
