import { test } from "uvu";
import * as assert from "uvu/assert";
import { headingLevel, markHeadingLevels, type HeadingLevel } from "../../src/print/index.ts";

const cases: [string, HeadingLevel][] = [
  ["一、工作目标", "l1"],
  ["十二、其他", "l1"],
  ["（一）严格落实各项查收管治措施", "l2"],
  ["(三)加强督导考核", "l2"],
  ["1.加强企业指数动态监测", "l3"],
  ["12．其他事项", "l3"],
  ["（1）项目审查", "l4"],
  ["第一章 总则", "chapter"],
  ["第十二节 附则", "chapter"],
  ["乳山市资本市场缓释基金管理办法", "subtitle"],
  ["市政府2019年工作要点", "subtitle"],
  ["  二、重点任务  ", "l1"],
];

test("classifies headings by their GB/T 9704-2012 §7.3.3 ordinal", () => {
  for (const [text, level] of cases) assert.is(headingLevel(text), level, text);
});

test("adds the level class to headings and keeps their id and text", () => {
  const html = '<h2 id="一、工作目标" tabindex="-1">一、工作目标</h2>\n<h3 class="x">第一章 总则</h3>';
  assert.is(markHeadingLevels(html), '<h2 id="一、工作目标" tabindex="-1" class="gbt-l1">一、工作目标</h2>\n<h3 class="gbt-chapter x">第一章 总则</h3>');
});

test("wraps the heading run of a （一） paragraph up to the first 。 and changes no text", () => {
  const html = "<p>（一）建立领导协调机制。建立由卫生健康、政法委组成的机制。</p>";
  const out = markHeadingLevels(html);
  assert.is(out, '<p><span class="gbt-l2">（一）建立领导协调机制。</span>建立由卫生健康、政法委组成的机制。</p>');
  assert.is(out.replace(/<[^>]*>/g, ""), html.replace(/<[^>]*>/g, ""));
});

test("leaves paragraphs alone that only start like a heading", () => {
  for (const html of ["<p>一是由市政府投资组织实施。</p>", "<p>（一）没有句号的很长的一段话</p>", "<p>2019年是新中国成立70周年。</p>"]) {
    assert.is(markHeadingLevels(html), html);
  }
});

test.run();
