import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadArchiveOrThrow } from "../../src/content/index.ts";
import { createMarkdown, renderBody, type BodyJob, type CitationContext } from "../../src/markdown/index.ts";
import { FIXTURE_ARCHIVE, PROJECT_ROOT } from "../helpers/temp-archive.ts";

const md = createMarkdown();

/** Bodies that exercise every part of the renderer: citations in and outside the archive, its own number, headings twice, blocks, tables, escapes. */
const EDGE_BODIES: BodyJob[] = [
  { body: "按照《通知》（测政发[2019]1号）和（鲁政办发〔2018〕4号）要求。\n\n## 一、目标\n\n## 一、目标\n", self: ["测政办发〔2019〕2号"] },
  { body: "本件即测政办发〔2019〕2号，引用测政办发〔2019〕3号。", self: ["测政办发〔2019〕2号"] },
  { body: "::: addressee\n各镇人民政府：\n:::\n\n| 依据 |\n|---|\n| 测政发〔2019〕1号 |\n\n::: signature\n测试市人民政府\n2019年3月4日\n:::\n", self: [] },
  { body: "<b>测政发〔2019〕1号</b> 与 [见测政发〔2019〕1号](https://example.org/) 及 `测政发〔2019〕1号`，**强调**：{{ 不是模板 }}", self: [] },
  { body: "", self: [] },
  { body: "𠀀𪚥 测政任〔2020〕1号、测政任〔2020〕2号\r\n第二行", self: ["测政任〔2020〕2号"] },
];
const CONTEXT: CitationContext = {
  listed: new Map([
    ["测政发〔2019〕1号", "/2019/1/csf-2019-1/"],
    ["测政办发〔2019〕2号", "/2019/1/csbf-2019-2/"],
    ["测政办发〔2019〕3号", "/2019/1/csbf-2019-3/"],
    ["测政任〔2020〕1号", "/2020/3/renmian/"],
    ["测政任〔2020〕2号", "/2020/3/renmian/"],
  ]),
  knownPrefixes: ["测政发", "测政办发", "测政任"],
};

test("renders every body of the fixture archive in order, each as one render of it shows, with its citations linked", async () => {
  const archive = await loadArchiveOrThrow(FIXTURE_ARCHIVE, PROJECT_ROOT);
  const jobs = [...archive.issues.flatMap((i) => i.documents).map((d) => ({ body: d.body, self: d.docNumbers })), ...EDGE_BODIES];
  const rendered = jobs.map((job) => renderBody(md, job, CONTEXT));
  assert.is(rendered.length, jobs.length);
  jobs.forEach((job, i) => assert.is(rendered[i]!.html, md.render(job.body, { outline: [], citations: { resolve: (n: string) => CONTEXT.listed.get(n) ?? null, self: job.self, knownPrefixes: CONTEXT.knownPrefixes, found: [] } }), `body ${i}`));
  assert.ok(rendered.some((r) => r.html.includes(`class="citation"`)), "some bodies link a citation");
});

test("a document citing another is linked, and never cites itself", () => {
  const [first, second] = EDGE_BODIES.map((job) => renderBody(md, job, CONTEXT));
  assert.equal(first!.citations, [
    { docNumber: "测政发〔2019〕1号", url: "/2019/1/csf-2019-1/" },
    { docNumber: "鲁政办发〔2018〕4号", url: null },
  ]);
  assert.equal(first!.outline.map((o) => o.id), ["一目标", "一目标-1"]);
  assert.equal(second!.citations, [{ docNumber: "测政办发〔2019〕3号", url: "/2019/1/csbf-2019-3/" }]);
  assert.is(second!.html, '<p>本件即测政办发〔2019〕2号，引用<a href="/2019/1/csbf-2019-3/" class="citation">测政办发〔2019〕3号</a>。</p>\n');
});


test("a body the renderer cannot render is an error at its file and first body line, every such document in one pass", async () => {
  const { renderBodiesOrFindings } = await import("../../src/site/render-texts.ts");
  const { ContentError } = await import("../../src/content/index.ts");
  const archive = await loadArchiveOrThrow(FIXTURE_ARCHIVE, PROJECT_ROOT);
  const docs = archive.issues.flatMap((i) => i.documents).filter((d) => d.body.trim() !== "");
  const faulty = createMarkdown();
  // A renderer fault on some input, as markdown-it-cjk-breaks had on emphasis before a line break.
  const bad = new Set([docs[0]!.body, docs[2]!.body]);
  faulty.core.ruler.push("fault", (state) => {
    if (bad.has(state.src)) throw new TypeError("Expected a code point, got `undefined`.");
  });
  let caught: unknown;
  try {
    renderBodiesOrFindings(faulty, docs, CONTEXT);
  } catch (err) {
    caught = err;
  }
  assert.instance(caught, ContentError);
  const findings = (caught as InstanceType<typeof ContentError>).findings;
  assert.equal(findings.map((f) => [f.file, f.line, f.severity]), [docs[0]!, docs[2]!].map((d) => [d.sourcePath, d.bodyLine, "error"]));
  assert.match(findings[0]!.message, /正文无法排版/);
  assert.is(renderBodiesOrFindings(md, docs, CONTEXT).length, docs.length, "the real renderer renders them all");
});

test.run();
