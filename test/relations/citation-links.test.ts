import { test } from "uvu";
import * as assert from "uvu/assert";
import { createMarkdown } from "../../src/markdown/index.ts";
import type { CitationEnv } from "../../src/relations/index.ts";

const md = createMarkdown();
const ARCHIVE: Record<string, string> = { "乳政发〔2019〕2号": "/2019/2/rzf-2019-2/", "乳政办发〔2019〕5号": "/2019/2/rzbf-2019-5/" };

function render(body: string, self: string[] = []): { html: string; env: CitationEnv } {
  const env: CitationEnv = { resolve: (n) => ARCHIVE[n] ?? null, self, knownPrefixes: ["乳政发", "乳政办发"], found: [] };
  return { html: md.render(body, { outline: [], citations: env }), env };
}

test("links a cited number of the archive in place, keeping the bracket form as written", () => {
  const { html, env } = render("按照《通知》（乳政发[2019]2号）要求。");
  assert.is(html, '<p>按照《通知》（<a href="/2019/2/rzf-2019-2/" class="citation">乳政发[2019]2号</a>）要求。</p>\n');
  assert.equal(env.found, [{ docNumber: "乳政发〔2019〕2号", url: "/2019/2/rzf-2019-2/" }]);
});

test("leaves a number outside the archive as text and records it as not in the archive", () => {
  const { html, env } = render("落实（鲁政办发〔2018〕4号）和（乳政办发〔2019〕5号）。");
  assert.is(html, '<p>落实（鲁政办发〔2018〕4号）和（<a href="/2019/2/rzbf-2019-5/" class="citation">乳政办发〔2019〕5号</a>）。</p>\n');
  assert.equal(env.found.map((f) => f.url), [null, "/2019/2/rzbf-2019-5/"]);
});

test("never links the document's own number, nor counts it", () => {
  const { html, env } = render("2019年3月4日　乳政发〔2019〕2号", ["乳政发〔2019〕2号"]);
  assert.not.match(html, /<a /);
  assert.equal(env.found, []);
});

test("escapes the text around a link and leaves links, code and raw HTML alone", () => {
  const { html } = render("<b>乳政发〔2019〕2号</b> 与 [见乳政发〔2019〕2号](https://example.org/) 及 `乳政发〔2019〕2号`");
  assert.is(
    html,
    '<p>&lt;b&gt;<a href="/2019/2/rzf-2019-2/" class="citation">乳政发〔2019〕2号</a>&lt;/b&gt; 与 <a href="https://example.org/">见乳政发〔2019〕2号</a> 及 <code>乳政发〔2019〕2号</code></p>\n',
  );
});

test("links inside emphasis, table cells and headings", () => {
  const { html } = render("## 依据乳政发〔2019〕2号\n\n**（乳政发〔2019〕2号）**\n\n| 依据 |\n|---|\n| 乳政办发〔2019〕5号 |\n");
  assert.is((html.match(/class="citation"/g) ?? []).length, 3);
});

test("renders as before when no citation data is given", () => {
  assert.is(md.render("（乳政发〔2019〕2号）", { outline: [] }), "<p>（乳政发〔2019〕2号）</p>\n");
});

test.run();
