import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadArchiveOrThrow } from "../../src/content/index.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { markPrintBody, printTitle, printUrl, withPathPrefix, writePrintViews } from "../../src/print/index.ts";
import { buildSiteData, type SiteData } from "../../src/site/index.ts";
import { listFiles } from "../helpers/site-files.ts";
import { FIXTURE_ARCHIVE, PROJECT_ROOT } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";

// The print views are rendered from the site model by their own templates (writePrintViews), by a
// function call: no site build.
let dir = "";
let site: SiteData;
const includesDir = path.join(PROJECT_ROOT, "_includes");
const read = (out: string, url: string) => readFile(path.join(out, url, "index.html"), "utf8");

before(test, async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gazette-print-views-"));
  site = buildSiteData(await loadArchiveOrThrow(FIXTURE_ARCHIVE, PROJECT_ROOT), createMarkdown());
});

after(test, async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeAll(out: string, pathPrefix = "/") {
  return await writePrintViews(out, { printIssues: site.issues, printDocuments: site.documents }, { includesDir, settings: site.settings, pathPrefix });
}

test("writes one print view per issue and per document, and nothing else", async () => {
  const out = path.join(dir, "all");
  const counts = await writeAll(out);
  assert.equal(counts, { issues: site.issues.length, documents: site.documents.length });
  const expected = [...site.issues, ...site.documents].map((i) => `${printUrl(i).slice(1)}index.html`).sort();
  assert.equal((await listFiles(out)).sort(), expected);
});

test("a document's print view holds its title and its text from the model with the GB/T 9704-2012 marks", async () => {
  const out = path.join(dir, "all");
  const published = site.documents.filter((d) => d.textPublished);
  assert.ok(published.length >= 2);
  for (const doc of published) {
    const html = await read(out, printUrl(doc));
    assert.ok(html.startsWith("<!doctype html>") && html.includes(`<title>${doc.title}（印刷版）</title>`), doc.url);
    assert.ok(html.includes(`<h1 class="gbt-doc__title">${printTitle(doc.title, doc.issuers)}</h1>\n  \n${markPrintBody(doc.html)}\n  \n</article>`), doc.url);
  }
  const onRequest = site.documents.find((d) => !d.textPublished);
  if (onRequest) assert.ok((await read(out, printUrl(onRequest))).includes("gbt-doc__notice"), "an on-request document prints the notice");
});

test("an issue's print view holds each document's print article, in order, byte for byte", async () => {
  const out = path.join(dir, "all");
  for (const issue of site.issues) {
    const html = await read(out, printUrl(issue));
    assert.ok(html.includes(`data-print-issue="${issue.key}"`) && html.includes('class="gbt-cover"'), issue.key);
    let from = 0;
    for (const doc of issue.documents) {
      const single = await read(out, printUrl(doc));
      const article = single.slice(single.indexOf('<body class="gbt gbt--single">\n') + 31, single.lastIndexOf("\n</body>"));
      assert.ok(article.startsWith(`<article class="gbt-doc" id="doc-${doc.slug}"`), article.slice(0, 80));
      const at = html.indexOf(article, from);
      assert.ok(at >= from, `${issue.key}: ${doc.slug} in order`);
      from = at + article.length;
    }
  }
});

test("only the views asked for are written", async () => {
  const out = path.join(dir, "some");
  const [issue] = site.issues;
  const counts = await writePrintViews(out, { printIssues: [issue!], printDocuments: [] }, { includesDir, settings: site.settings });
  assert.equal(counts, { issues: 1, documents: 0 });
  assert.equal(await listFiles(out), [`${printUrl(issue!).slice(1)}index.html`]);
});

test("under a path prefix the site URLs get it, as Eleventy gives it to the other pages; anchors and other sites do not", async () => {
  const out = path.join(dir, "prefixed");
  await writeAll(out, "/gazette/");
  const issue = site.issues[0]!;
  const html = await read(out, printUrl(issue));
  assert.ok(html.includes('href="/gazette/assets/print.css"') && html.includes('href="/gazette/assets/favicon.svg"'), "stylesheets and icon");
  assert.not.match(html, / (href|src)="\/(?!gazette\/)/, "no site URL without the prefix");
  assert.ok(html.includes(`href="#doc-${issue.documents[0]!.slug}"`), "contents links stay anchors");
  assert.is(withPathPrefix('<a href="/2019/1/a/" class="citation">x</a><img src="/i.png" alt=""><a href="https://example.org/x">y</a><a href="//cdn.example.org/z">z</a>', "/gazette/"), '<a href="/gazette/2019/1/a/" class="citation">x</a><img src="/gazette/i.png" alt=""><a href="https://example.org/x">y</a><a href="//cdn.example.org/z">z</a>');
  assert.is(withPathPrefix('<a href="/2019/">x</a>', "/"), '<a href="/2019/">x</a>', "no prefix: unchanged");
});

test("document text is HTML from the model, never re-rendered: {{ and {% stay text", async () => {
  const env = { ...site.documents[0]!, html: "<p>{{ site.settings.title }} {% raw %}</p>", printTitle: { html: "标题", tocLines: ["标题"] } };
  const out = path.join(dir, "raw");
  await writePrintViews(out, { printIssues: [], printDocuments: [env] }, { includesDir, settings: site.settings });
  assert.ok((await read(out, printUrl(env))).includes("<p>{{ site.settings.title }} {% raw %}</p>"));
});

test.run();
