import { test } from "uvu";
import * as assert from "uvu/assert";
import { createMarkdown, headingId, type OutlineEntry } from "../../src/markdown/index.ts";
import { plainText } from "../../src/search/plain-text.ts";

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
  assert.is(md.render("附件：1. 日程安排表\n2. 联系人名单\n3．经费表\n"), '<p class="doc-attachment-note">附件：1. 日程安排表<br>\n2. 联系人名单<br>\n3．经费表</p>\n');
  assert.is(md.render("附件：日程安排表\n（共3页）\n"), '<p class="doc-attachment-note">附件：日程安排表（共3页）</p>\n', "an unnumbered continuation runs on");
  assert.is(md.render("现印发给你们，\n2. 请认真执行。\n"), "<p>现印发给你们，\n2. 请认真执行。</p>\n", "only a 附件说明");
});

test("a 附件说明 typed with full-width indents, or with its names set apart by blank lines, renders each name on its own line in one note", () => {
  const note = '<p class="doc-attachment-note">附件：1. 日程安排表<br>\n2. 联系人名单<br>\n3．经费表</p>\n';
  const rows: [string, string, string][] = [
    ["full-width indents, one name a line", "　　附件：1. 日程安排表\n　　　　　2. 联系人名单\n　　　　　3．经费表\n", note],
    ["full-width indents and blank lines (paragraphs)", "　　附件：1. 日程安排表\n\n　　　　　2. 联系人名单\n\n　　　　　3．经费表\n", note],
    ["a blank line, then a list Markdown numbers from 2", "附件：1. 日程安排表\n\n2. 联系人名单\n3. 经费表\n", note.replace("3．", "3. ")],
    ["blank lines between every name (a loose list)", "附件：1. 日程安排表\n\n2. 联系人名单\n\n3. 经费表\n", note.replace("3．", "3. ")],
    ["a blank line, then two indented names in one paragraph", "　　附件：1. 日程安排表\n\n　　　　　2. 联系人名单\n　　　　　3．经费表\n", note],
    ["no-break spaces and a list marker with a bracket", "\u00A0\u00A0附件：1) 日程安排表\n\n2) 联系人名单\n", '<p class="doc-attachment-note">附件：1) 日程安排表<br>\n2) 联系人名单</p>\n'],
  ];
  for (const [what, input, expected] of rows) assert.is(md.render(input), expected, what);
  // What follows the names stays a paragraph of its own; numbers that do not go on are left alone.
  assert.is(md.render("附件：1. 名单\n\n2. 表\n\n现将……\n"), '<p class="doc-attachment-note">附件：1. 名单<br>\n2. 表</p>\n<p>现将……</p>\n');
  assert.match(md.render("附件：1. 名单\n\n3. 表\n"), /<\/p>\n<ol start="3">/);
  assert.match(md.render("附件：名单\n\n2. 表\n"), /<\/p>\n<ol start="2">/);
});

test("indentation typed at the start of a paragraph is dropped (the layouts indent), on the page and in the search text alike", () => {
  const rows: [string, string, string][] = [
    ["two ideographic spaces (pasted from Word)", "　　现将有关事项通知如下：\n", "<p>现将有关事项通知如下：</p>\n"],
    ["no-break spaces before bold", "\u00A0\u00A0**一是**加强领导。\n", "<p><strong>一是</strong>加强领导。</p>\n"],
    ["ASCII spaces then ideographic spaces", "  　　混合缩进。\n", "<p>混合缩进。</p>\n"],
    ["in a signature block", "::: signature\n　　　　某市人民政府\n:::\n", '<div class="doc-signature">\n<p>某市人民政府</p>\n</div>\n'],
    ["spaces inside a line stay", "　　2019年3月4日　乳政任〔2019〕2号\n", "<p>2019年3月4日　乳政任〔2019〕2号</p>\n"],
    ["paragraphs pasted from Word, one a line without blank lines", "　　第一段。\n　　第二段。\n", "<p>第一段。</p>\n<p>第二段。</p>\n"],
    ["paragraphs indented with no-break spaces, a tab or spaces, one a line", "　　第一段。\n\u00A0\u00A0第二段。\n\t第三段。\n    四、第四段。\n", "<p>第一段。</p>\n<p>第二段。</p>\n<p>第三段。</p>\n<p>四、第四段。</p>\n"],
    ["a list item's own continuation indent is not a paragraph start", "1. 甲\n   续\n\n2. 乙\n", "<ol>\n<li>\n<p>甲续</p>\n</li>\n<li>\n<p>乙</p>\n</li>\n</ol>\n"],
    ["an unindented line continues its paragraph", "　　第一段\n续行。\n　　第二段。\n", "<p>第一段续行。</p>\n<p>第二段。</p>\n"],
    ["signature lines pasted from Word", "::: signature\n　　　　某市人民政府\n　　　　2019年3月4日\n:::\n", '<div class="doc-signature">\n<p>某市人民政府</p>\n<p>2019年3月4日</p>\n</div>\n'],
    ["an indented attachment note keeps its names together", "　　附件：1. 甲表\n　　　　　2. 乙表\n　　第三段。\n", '<p class="doc-attachment-note">附件：1. 甲表<br>\n2. 乙表</p>\n<p>第三段。</p>\n'],
  ];
  for (const [what, input, expected] of rows) assert.is(md.render(input), expected, what);
  assert.is(plainText(md, "　　第一段。\n\n\u00A0第二段　中间的空格。\n"), "第一段。\n第二段　中间的空格。");
});

test("a line break between two Chinese characters adds no space", () => {
  assert.is(md.render("现印发给\n你们").trim(), "<p>现印发给你们</p>");
});

test("emphasis at the end of a line, before a line break, renders (markdown-it-cjk-breaks threw on it)", () => {
  assert.is(md.render("要突出**重点**\n续行。").trim(), "<p>要突出<strong>重点</strong>续行。</p>");
  assert.is(md.render("**一是**\n加强领导。\n*注*\nnote").trim(), "<p><strong>一是</strong>加强领导。<em>注</em>\nnote</p>");
  assert.is(plainText(md, "**一是**\n加强领导。"), "一是加强领导。");
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
