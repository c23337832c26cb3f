import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/index.ts";
import { loadArchiveOrThrow } from "../../src/content/index.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { assemblePrintViews, documentBodyMarker, markPrintBody, printDocumentMarker, printTitle, printUrl } from "../../src/print/index.ts";
import { buildSiteData, type SiteData } from "../../src/site/index.ts";
import { listFiles } from "../helpers/site-files.ts";
import { FIXTURE_ARCHIVE, PROJECT_ROOT } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";

// The print views are completed after Eleventy from the pages it wrote (see assemblePrintViews):
// they must hold exactly what rendering the print partial in full gave.
let out = "";
let site: SiteData;
const read = (url: string) => readFile(path.join(out, url, "index.html"), "utf8");

before(test, async () => {
  out = path.join(await mkdtemp(path.join(tmpdir(), "gazette-print-views-")), "_site");
  const result = await buildSite({ root: PROJECT_ROOT, contentDir: FIXTURE_ARCHIVE, outputDir: out, search: false });
  assert.ok(result.ok, result.error);
  site = buildSiteData(await loadArchiveOrThrow(FIXTURE_ARCHIVE, PROJECT_ROOT), createMarkdown());
});

after(test, async () => {
  await rm(path.dirname(out), { recursive: true, force: true });
});

test("no marker is left in any page of the built site", async () => {
  for (const file of (await listFiles(out)).filter((f) => f.endsWith(".html"))) {
    assert.not.match(await readFile(path.join(out, file), "utf8"), /<!--gazette:/, file);
  }
});

test("a document's print view holds its text with the GB/T 9704-2012 heading levels, as the partial rendered it", async () => {
  const published = site.documents.filter((d) => d.textPublished);
  assert.ok(published.length >= 2);
  for (const doc of published) {
    const html = await read(printUrl(doc));
    assert.ok(html.includes(`<h1 class="gbt-doc__title">${printTitle(doc.title, doc.issuers)}</h1>\n  \n${markPrintBody(doc.html)}\n  \n</article>`), doc.url);
  }
});

test("an issue's print view holds each document's print article, in order, byte for byte", async () => {
  for (const issue of site.issues) {
    const html = await read(printUrl(issue));
    let from = 0;
    for (const doc of issue.documents) {
      const single = await read(printUrl(doc));
      const article = single.slice(single.indexOf('<body class="gbt gbt--single">\n') + 31, single.lastIndexOf("\n</body>"));
      assert.ok(article.startsWith(`<article class="gbt-doc" id="doc-${doc.slug}"`), article.slice(0, 80));
      const at = html.indexOf(article, from);
      assert.ok(at >= from, `${issue.key}: ${doc.slug} in order`);
      from = at + article.length;
    }
  }
});

test("a marker without its page stops with the print view and the missing file named", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-print-broken-"));
  try {
    const single = path.join(dir, "print/2019-01/gone");
    await mkdir(single, { recursive: true });
    await writeFile(path.join(single, "index.html"), `<body class="gbt gbt--single">\n${documentBodyMarker("/2019/1/gone/")}\n</body>`);
    const failure = () => assemblePrintViews(dir).then(() => "no error", (err: Error) => err.message);
    const missingText = await failure();
    assert.ok(missingText.includes("print/2019-01/gone/index.html") && missingText.includes("/2019/1/gone/index.html"), missingText);
    await rm(single, { recursive: true });
    await writeFile(path.join(dir, "print/2019-01/index.html"), printDocumentMarker("/print/2019-01/other/"));
    const missingArticle = await failure();
    assert.ok(missingArticle.includes("print/2019-01/index.html") && missingArticle.includes("print/2019-01/other/index.html"), missingArticle);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
