import { test } from "uvu";
import * as assert from "uvu/assert";
import { createMarkdown, headingId, type OutlineEntry } from "../../src/markdown/index.ts";

const md = createMarkdown();

test("headingId keeps Chinese characters and drops punctuation", () => {
  const rows: [string, string][] = [
    ["一、工作目标", "一工作目标"],
    ["（一）逐步推进原则", "一逐步推进原则"],
    ["第一章 总则", "第一章-总则"],
    ["市政府2019年工作要点", "市政府2019年工作要点"],
    ["Article 5 (a)", "article-5-a"],
    ["、、", "section"],
  ];
  for (const [input, expected] of rows) assert.is(headingId(input), expected, input);
});

test("gives repeated headings unique, stable ids and collects the outline", () => {
  const env = { outline: [] as OutlineEntry[] };
  const html = md.render("## 一、总则\n\n## 二、任务\n\n## 一、总则\n", env);
  assert.ok(html.includes('<h2 id="一总则">一、总则</h2>'));
  assert.ok(html.includes('<h2 id="一总则-1">一、总则</h2>'));
  assert.equal(env.outline.map((h) => h.id), ["一总则", "二任务", "一总则-1"]);
  assert.is(md.render("## 一、总则\n", { outline: [] }), md.render("## 一、总则\n", { outline: [] }));
});

test("a paragraph indented with spaces stays text, never a code block", () => {
  const html = md.render("    为保障农村居民饮水安全，现就有关事项通知如下。\n\n    二、工作要求\n");
  assert.not.match(html, /<pre|<code/);
  assert.match(html, /<p>为保障农村居民饮水安全，现就有关事项通知如下。<\/p>/);
});

test("bold works next to Chinese quotation marks", () => {
  const html = md.render("把**“突破立市产业和实体经济”**作为当务之急");
  assert.ok(html.includes("<strong>“突破立市产业和实体经济”</strong>作为"), html);
});

test("each numbered attachment name of a 附件说明 keeps its own line (GB/T 9704-2012 §7.3.4), other lines run on", () => {
  assert.is(md.render("附件：1. 日程安排表\n2. 联系人名单\n3．经费表\n"), "<p>附件：1. 日程安排表<br>\n2. 联系人名单<br>\n3．经费表</p>\n");
  assert.is(md.render("附件：日程安排表\n（共3页）\n"), "<p>附件：日程安排表（共3页）</p>\n", "an unnumbered continuation runs on");
  assert.is(md.render("现印发给你们，\n2. 请认真执行。\n"), "<p>现印发给你们，\n2. 请认真执行。</p>\n", "only a 附件说明");
});

test("a line break between two Chinese characters adds no space", () => {
  assert.is(md.render("现印发给\n你们").trim(), "<p>现印发给你们</p>");
});

test("template syntax and raw HTML stay text", () => {
  const html = md.render("{{ site.title }} {% include x %} <script>alert(1)</script>");
  assert.ok(html.includes("{{ site.title }} {% include x %}"));
  assert.not.ok(html.includes("<script>"));
});

test("numbered items like 1.开展 stay paragraphs and keep their numbers", () => {
  assert.is(md.render("1.开展企业行动。").trim(), "<p>1.开展企业行动。</p>");
});

test("document blocks become classed containers for signature, note, addressee and attachment", () => {
  const html = md.render("::: addressee\n各镇：\n:::\n\n::: signature\n某市人民政府\n\n2019年4月10日\n:::\n\n::: note\n（此件公开发布）\n:::\n\n::: attachment\n附件\n\n## 名单\n:::\n");
  assert.ok(html.includes('<div class="doc-addressee">'));
  assert.ok(html.includes('<div class="doc-signature">\n<p>某市人民政府</p>\n<p>2019年4月10日</p>\n</div>'));
  assert.ok(html.includes('<div class="doc-note">'));
  assert.ok(html.includes('<section class="doc-attachment">'));
});

test("tables are wrapped for horizontal scrolling on phones", () => {
  const html = md.render("| a | b |\n|---|---|\n| 1 | 2 |\n");
  assert.ok(html.startsWith('<div class="table-wrap"><table>'));
  assert.ok(html.includes("<th>a</th>"));
});

test.run();
