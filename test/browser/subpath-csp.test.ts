import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { auditPages, checkSiteLinks, formatHtmlProblems, samplePages, STRICT_CSP, validateSiteHtml, waitForDocumentLinks } from "../../src/dev/audit/index.ts";
import { serveStatic, type StaticServer } from "../../src/browser/index.ts";
import { listFiles } from "../helpers/site-files.ts";
import { sampleSite } from "../helpers/sample-site.ts";
import { after, before } from "../helpers/hooks.ts";
import { releaseBrowser, sharedBrowser } from "../helpers/browser.ts";

// Builds the sample gazette for the sub-path /gazette/ and serves it only there, under a strict
// Content-Security-Policy header, as a government host with a hardened server would.
const PREFIX = "/gazette/";
let out = "";
let server: StaticServer;
let browser: Browser;
let origin = "";

before(test, async () => {
  out = await sampleSite(PREFIX);
  server = await serveStatic(out, PREFIX, { "Content-Security-Policy": STRICT_CSP });
  origin = `${server.url}/gazette`;
  browser = await sharedBrowser();
});

after(test, async () => {
  if (browser) await releaseBrowser();
  await server?.close();
});

test("every root-relative URL in every page, feed and data file starts with the prefix", async () => {
  const bad: string[] = [];
  for (const f of (await listFiles(out)).filter((x) => /\.(html|xml|json|csv|css)$/.test(x) && !x.startsWith("pagefind/"))) {
    const text = await readFile(path.join(out, f), "utf8");
    const urls = [...text.matchAll(/(?:href|src)="(\/[^"]*)"|"url": "(\/[^"]*)"|,(\/\d{4}\/[^,\r\n]*)\r?$|url\((\/[^)]*)\)/gm)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
    for (const u of urls) if (!u.startsWith(PREFIX)) bad.push(`${f}: ${u}`);
  }
  assert.equal(bad, []);
  const docs = JSON.parse(await readFile(path.join(out, "data/documents.json"), "utf8")) as { url: string }[];
  assert.ok(docs.every((d) => d.url.startsWith("/gazette/2019/2/")));
});

test("every page type loads with no CSP violation and no console error", async () => {
  const failures: string[] = [];
  const audits = await auditPages(browser, origin, await samplePages(out, "工作要点"), [1280]);
  assert.is(audits.length, 6);
  for (const a of audits) {
    for (const c of a.cspViolations) failures.push(`${a.kind}: CSP ${c}`);
    for (const e of a.errors) failures.push(`${a.kind}: ${e}`);
    for (const v of a.violations) failures.push(`${a.kind}: axe ${v.id}`);
  }
  assert.equal(failures, []);
});

test("search works under the sub-path and the CSP: results link to pages that load", async () => {
  const page = await browser.newPage();
  const csp: string[] = [];
  await page.exposeFunction("reportCsp", (v: string) => csp.push(v));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { reportCsp: (v: string) => void }).reportCsp(e.violatedDirective)));
  const response = await page.goto(`${origin}/search/?q=${encodeURIComponent("缓释基金")}`);
  assert.is(response?.headers()["content-security-policy"], STRICT_CSP);
  await waitForDocumentLinks(page);
  const hrefs = await page.$$eval("main a[href]", (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  assert.ok(hrefs.includes("/gazette/2019/2/rzbf-2019-5/"), hrefs.join(" "));
  const doc = await page.goto(`${server.url}/gazette/2019/2/rzbf-2019-5/`);
  assert.is(doc?.status(), 200);
  assert.equal(csp, []);
  await page.close();
});

test("feeds are well-formed Atom whose entry links load under the sub-path", async () => {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  const feeds = (await listFiles(out)).filter((f) => f.startsWith("feeds/"));
  assert.ok(feeds.length >= 3);
  for (const f of feeds) {
    const facts = await page.evaluate(async (url) => {
      const xml = new DOMParser().parseFromString(await (await fetch(url)).text(), "application/xml");
      const links = Array.from(xml.querySelectorAll("entry > link[rel=alternate]")).map((l) => new URL(l.getAttribute("href")!, url).href);
      const statuses = await Promise.all(links.map(async (l) => (await fetch(l)).status));
      return { error: xml.querySelector("parsererror")?.textContent ?? "", root: xml.documentElement.namespaceURI, links, statuses };
    }, `${origin}/${f}`);
    assert.is(facts.error, "", f);
    assert.is(facts.root, "http://www.w3.org/2005/Atom", f);
    assert.ok(facts.links.length > 0 && facts.links.every((l) => l.startsWith(`${origin}/`)), f);
    assert.ok(facts.statuses.every((s) => s === 200), `${f}: ${facts.statuses}`);
  }
  await page.close();
});

test("the same build outside the sub-path is not served, so nothing silently depends on /", async () => {
  const res = await fetch(`${server.url}/assets/site.css`);
  assert.is(res.status, 404);
});

test("the issue PDF made by the sub-path build is linked, shown and served under it; pages stay valid", async () => {
  for (const url of ["/2019/2/", "/2019/2/rzf-2019-2/"]) {
    const page = await browser.newPage();
    await page.goto(`${origin}${url}`);
    const links = page.locator("a.pdf-link");
    assert.is(await links.count(), 1, url);
    const link = links.first();
    assert.ok(await link.isVisible(), "shown: the build made the PDF");
    const href = (await link.getAttribute("href"))!;
    assert.is(href, "/gazette/pdf/2019-02.pdf");
    const res = await fetch(server.url + href);
    assert.is(res.status, 200, href);
    assert.is(res.headers.get("content-type"), "application/pdf");
    await page.close();
  }
  const { errors } = await validateSiteHtml(out);
  assert.is(errors.length, 0, formatHtmlProblems(errors));
});

test("no broken link or anchor under the sub-path (PDFs made by the build)", async () => {
  const { checked, broken } = await checkSiteLinks(server.url, [`${origin}/`, `${origin}/404.html`]);
  assert.ok(checked > 20, `checked ${checked} links`);
  assert.equal(broken, []);
});

test.run();
