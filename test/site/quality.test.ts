import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkSiteLinks, formatHtmlProblems, pageWeight, validateSiteHtml } from "../../src/dev/audit/index.ts";
import { serveStatic } from "../../src/browser/index.ts";
import { listFiles } from "../helpers/site-files.ts";
import { sampleSite } from "../helpers/sample-site.ts";
import { before } from "../helpers/hooks.ts";

// Builds the real sample gazette (issues/, no base URL) and checks the whole output.
let out = "";
let html: string[] = [];

before(test, async () => {
  out = await sampleSite();
  html = (await listFiles(out)).filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
});

test("every built page passes html-validate with no error", async () => {
  const { files, errors } = await validateSiteHtml(out);
  assert.is(files, html.length);
  assert.ok(files >= 10, `validated ${files} pages`);
  assert.is(errors.length, 0, formatHtmlProblems(errors));
});

test("no page has inline script or inline style (strict CSP), only JSON-LD data blocks", async () => {
  for (const f of html) {
    const text = await readFile(path.join(out, f), "utf8");
    const inline = [...text.matchAll(/<script\b([^>]*)>/g)].filter((m) => !/\bsrc=/.test(m[1]!) && !/type="application\/ld\+json"/.test(m[1]!));
    assert.is(inline.length, 0, `${f}: inline <script>`);
    assert.not.match(text, /<style\b/, `${f}: <style> element`);
    assert.not.match(text, /\sstyle="/, `${f}: style attribute`);
    assert.not.match(text, /\son[a-z]+="/, `${f}: event handler attribute`);
  }
});

test("document pages weigh at most 30 KB compressed and load only the text-size, search-highlight and print-font scripts", async () => {
  const docs = html.filter((f) => /^\d{4}\/\d+\/[^/]+\/index\.html$/.test(f));
  assert.is(docs.length, 5);
  for (const f of docs) {
    const w = await pageWeight(out, f);
    assert.ok(w.total <= 30 * 1024, `${f}: ${w.total} bytes`);
    assert.equal(w.scripts, ["/assets/text-size.js", "/assets/highlight.js", "/assets/print-fonts.js"], f);
  }
  for (const f of html.filter((x) => !x.startsWith("search/") && !docs.includes(x))) {
    const scripts = (await pageWeight(out, f)).scripts;
    assert.ok(scripts.every((s) => s === "/assets/text-size.js"), `${f} loads no other script: ${scripts.join(" ")}`);
  }
});

test("without a base URL: relative canonical links, no og:url, no sitemap, robots.txt allows all", async () => {
  const doc = await readFile(path.join(out, "2019/2/rzf-2019-2/index.html"), "utf8");
  assert.ok(doc.includes('<link rel="canonical" href="/2019/2/rzf-2019-2/">'));
  assert.ok(doc.includes('<meta property="og:title" content="乳山市人民政府关于印发市政府2019年工作要点的通知">'));
  assert.not.ok(doc.includes("og:url"));
  const files = await listFiles(out);
  assert.not.ok(files.includes("sitemap.xml"));
  assert.is(await readFile(path.join(out, "robots.txt"), "utf8"), "User-agent: *\nAllow: /\n");
});

test("no broken internal link or anchor anywhere in the served site (linkinator; the sub-path suite checks a build with PDFs)", async () => {
  const server = await serveStatic(out);
  try {
    const { checked, broken } = await checkSiteLinks(server.url, [`${server.url}/`, `${server.url}/404.html`]);
    assert.ok(checked > 15, `checked ${checked} links`);
    assert.equal(broken, []);
  } finally {
    await server.close();
  }
});

test("the link check does report a broken link and a missing anchor", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-links-"));
  await writeFile(path.join(dir, "index.html"), '<!doctype html><title>t</title><a href="/missing/">x</a> <a href="/#nowhere">y</a>');
  const server = await serveStatic(dir);
  try {
    const { broken } = await checkSiteLinks(server.url, [`${server.url}/`]);
    assert.equal(broken.map((b) => new URL(b.url).pathname + new URL(b.url).hash).sort(), ["/#nowhere", "/missing/"]);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
