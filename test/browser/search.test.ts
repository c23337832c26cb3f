import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium, serveStatic, type StaticServer } from "../../src/browser/index.ts";
import { buildSite } from "../../src/build/index.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";

// Builds the real sample gazette issue (issues/2019-02) and searches it in real Chromium.
let out = "";
let server: StaticServer;
let browser: Browser;
let page: Page;

test.before(async () => {
  out = path.join(await mkdtemp(path.join(tmpdir(), "gazette-browser-")), "_site");
  const result = await buildSite({ root: PROJECT_ROOT, contentDir: path.join(PROJECT_ROOT, "issues"), outputDir: out });
  assert.ok(result.ok, result.error);
  server = await serveStatic(out);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${server.url}/search/`);
});

test.after(async () => {
  await browser?.close();
  await server?.close();
  await rm(path.dirname(out), { recursive: true, force: true });
});

/** Runs a query (null: filters/sort only) through Pagefind's JS API in the page; returns result URLs, best first. */
async function search(query: string | null, options: Record<string, unknown> = {}): Promise<string[]> {
  return page.evaluate(
    async ([q, opts]) => {
      const bundle = "/pagefind/pagefind.js";
      const pagefind = await import(bundle);
      const response = await pagefind.search(q, opts);
      const data = await Promise.all(response.results.map((r: { data: () => Promise<{ url: string }> }) => r.data()));
      return data.map((d: { url: string }) => d.url);
    },
    [query, options] as const,
  );
}

const queries: [string, string][] = [
  ["缓释基金", "/2019/2/rzbf-2019-5/"],
  ["决策委员会", "/2019/2/rzbf-2019-5/"],
  ["审核意见单", "/2019/2/rzbf-2019-5/"],
  ["严重精神障碍", "/2019/2/rzbf-2019-4/"],
  ["精神卫生", "/2019/2/rzbf-2019-4/"],
  ["增减挂钩", "/2019/2/rzbf-2019-6/"],
  ["工矿废弃地复垦", "/2019/2/rzbf-2019-6/"],
  ["工作要点", "/2019/2/rzf-2019-2/"],
  ["牡蛎", "/2019/2/rzf-2019-2/"],
  ["招商引资", "/2019/2/rzf-2019-2/"],
  ["副主任科员", "/2019/2/renmian/"],
  ["任免", "/2019/2/renmian/"],
];

for (const [query, expected] of queries) {
  test(`searching “${query}” finds ${expected} first`, async () => {
    const urls = await search(query);
    assert.is(urls[0], expected, `${query} → ${urls.join(", ")}`);
  });
}

test("filters for year, issuer and section are in the index with counts", async () => {
  const filters = await page.evaluate(async () => {
    const bundle = "/pagefind/pagefind.js";
      const pagefind = await import(bundle);
    return pagefind.filters();
  });
  assert.equal(filters["年份"], { "2019": 5 });
  assert.is(filters["发文机关"]["乳山市人民政府办公室"], 3);
  assert.is(filters["发文机关"]["乳山市人民政府"], 2);
  assert.equal(filters["栏目"], { 市政府文件: 1, 市政府办公室文件: 3, 政务动态: 1 });
  const urls = await search(null, { filters: { 栏目: "政务动态" } });
  assert.equal(urls, ["/2019/2/renmian/"]);
});

test("sorting by date keeps every document, newest first", async () => {
  const urls = await search(null, { sort: { date: "desc" } });
  assert.equal(urls, ["/2019/2/rzbf-2019-5/", "/2019/2/rzbf-2019-6/", "/2019/2/rzbf-2019-4/", "/2019/2/rzf-2019-2/", "/2019/2/renmian/"]);
});

test("the search page shows results for ?q= in the URL and keeps typed queries in the URL", async () => {
  await page.goto(`${server.url}/search/?q=${encodeURIComponent("缓释基金")}`);
  const first = page.locator(".pagefind-ui__result-link").first();
  await first.waitFor({ timeout: 10_000 });
  assert.is(await first.getAttribute("href"), "/2019/2/rzbf-2019-5/");
  const input = page.locator("#search input").first();
  await input.fill("增减挂钩");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "增减挂钩", null, { timeout: 5_000 });
  await page.waitForFunction(
    () => document.querySelector(".pagefind-ui__result-link")?.getAttribute("href") === "/2019/2/rzbf-2019-6/",
    null,
    { timeout: 10_000 },
  );
});

test("without JavaScript the search page says search needs it and links to the archive", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await noJs.goto(`${server.url}/search/`);
  const body = await noJs.locator("body").innerText();
  assert.ok(body.includes("检索功能需要启用 JavaScript"), body);
  await context.close();
});

test.run();
