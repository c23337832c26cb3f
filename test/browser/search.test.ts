import { test } from "uvu";
import * as assert from "uvu/assert";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { serveStatic, type StaticServer } from "../../src/browser/index.ts";
import { buildSite } from "../../src/build/index.ts";
import { NUMBER_FORMS } from "../../src/dev/search-eval/index.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";
import { releaseBrowser, sharedBrowser } from "../helpers/browser.ts";

// Builds the real sample gazette issue (issues/2019-02) plus one undated test document
// (test/fixtures/search/undated.md) and searches it in real Chromium.
let work = "";
let server: StaticServer;
let browser: Browser;
let page: Page;
const UNDATED = "/2019/2/undated/";
const JOINT = "联合调查组：乳山市财政局, 乳山市审计局";
const consoleErrors: string[] = [];

before(test, async () => {
  work = await mkdtemp(path.join(tmpdir(), "gazette-browser-"));
  const content = path.join(work, "issues");
  await cp(path.join(PROJECT_ROOT, "issues"), content, { recursive: true });
  await cp(path.join(PROJECT_ROOT, "test/fixtures/search/undated.md"), path.join(content, "2019-02/undated.md"));
  const result = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: path.join(work, "_site"), asOf: "2026-11-29" });
  assert.ok(result.ok, result.error);
  server = await serveStatic(path.join(work, "_site"));
  browser = await sharedBrowser();
  page = await browser.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.goto(`${server.url}/search/`);
});

after(test, async () => {
  await page?.close();
  if (browser) await releaseBrowser();
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

/** Runs a query (null: filters/sort only) through Pagefind's JS API in the page; returns result URLs, in Pagefind's order. */
async function search(query: string | null, options: Record<string, unknown> = {}): Promise<string[]> {
  return page.evaluate(
    async ([q, opts]) => {
      const bundle = "/pagefind/pagefind.js";
      const pagefind = await import(bundle);
      const response = await pagefind.search(q, opts);
      const data = await Promise.all(response.results.map((r: { data: () => Promise<{ url: string }> }) => r.data()));
      return data.map((d: { url: string }) => new URL(d.url, location.href).pathname);
    },
    [query, options] as const,
  );
}

/** Types a query into the search page and submits it; returns the direct hit, the result URLs and the status line. */
async function typeQuery(q: string): Promise<{ direct: string | null; results: string[] }> {
  await page.fill("#search-input", q);
  await page.press("#search-input", "Enter");
  await page.waitForFunction((text) => document.getElementById("search-app")?.dataset.searched === text, q, { timeout: 10_000 });
  return page.evaluate(() => ({
    direct: document.querySelector(".direct-hit__link")?.getAttribute("href") ?? null,
    results: [...document.querySelectorAll(".result__title a")].map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  }));
}

/** Every sample document whose title, number or text contains the phrase (read from the source files, like the eval). */
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
    const { results } = await typeQuery(query);
    assert.is(results[0], expected, `${query} → ${results.join(", ")}`);
  });
}

test("a phrase finds exactly the documents containing it, not those holding only its parts", async () => {
  // 工矿 and 废弃地 are in other texts too, but only rzbf-2019-6 has 工矿废弃地 (jieba would cut it 工矿｜废弃地).
  assert.equal((await typeQuery("工矿废弃地")).results, ["/2019/2/rzbf-2019-6/"]);
  // 精神 and 卫生 are both in other documents, 精神卫生 only in rzbf-2019-4; 市场 and 监管 are in 3 and 4 documents.
  assert.equal((await typeQuery("精神卫生")).results, ["/2019/2/rzbf-2019-4/"]);
  assert.equal((await typeQuery("市场监管")).results.sort(), ["/2019/2/renmian/", "/2019/2/rzf-2019-2/"]);
  // One character finds every document containing it (every character starts an index token).
  const oneChar = (await typeQuery("蛎")).results;
  assert.equal(oneChar, ["/2019/2/rzf-2019-2/"]);
  assert.match(await page.locator("#search-status").innerText(), /共 1 个文件/);
});

test("filters for year, gazette issue, issuer, section, document type and validity are in the index with counts", async () => {
  const filters = await page.evaluate(async () => {
    const bundle = "/pagefind/pagefind.js";
    const pagefind = await import(bundle);
    return pagefind.filters();
  });
  assert.equal(filters["年份"], { "2019": 6 });
  assert.equal(filters["期次"], { "2019年第2期": 6 });
  assert.is(filters["发文机关"]["乳山市人民政府办公室"], 4);
  assert.is(filters["发文机关"]["乳山市人民政府"], 2);
  assert.is(filters["发文机关"][JOINT], 1, "each issuer of a joint document counts, and a comma or colon stays in the value");
  assert.equal(filters["栏目"], { 市政府文件: 1, 市政府办公室文件: 4, 政务动态: 1 });
  assert.equal(filters["文种"], { 通知: 3, 意见: 2, 名单: 1 });
  assert.equal(filters["有效性"], { 已废止: 1, 已失效: 1 }, "validity where known: the editor's override and 乳政办发〔2019〕5号 past its validUntil on 2026-11-29");
  assert.equal(await search(null, { filters: { 有效性: "已失效" } }), ["/2019/2/rzbf-2019-5/"]);
  assert.equal(await search(null, { filters: { 栏目: "政务动态" } }), ["/2019/2/renmian/"]);
  assert.equal(await search(null, { filters: { 发文机关: JOINT } }), [UNDATED]);
});

test("sorting by date keeps every document, with the undated one last both ways", async () => {
  assert.equal(await search(null, { sort: { newest: "desc" } }), ["/2019/2/rzbf-2019-5/", "/2019/2/rzbf-2019-6/", "/2019/2/rzbf-2019-4/", "/2019/2/rzf-2019-2/", "/2019/2/renmian/", UNDATED]);
  assert.equal(await search(null, { sort: { oldest: "asc" } }), ["/2019/2/renmian/", "/2019/2/rzf-2019-2/", "/2019/2/rzbf-2019-4/", "/2019/2/rzbf-2019-6/", "/2019/2/rzbf-2019-5/", UNDATED]);
});

test("a document number typed in any common form shows its document as a direct hit", async () => {
  for (const [form, write] of Object.entries(NUMBER_FORMS)) {
    const { direct, results } = await typeQuery(write("乳政办发", "2019", "5"));
    assert.is(direct, "/2019/2/rzbf-2019-5/", form);
    assert.not.ok(results.includes("/2019/2/rzbf-2019-5/"), "the direct hit is not repeated below");
  }
  const facets = await page.locator("#search-facets").innerText();
  assert.ok(facets.includes("通知（1）") && !facets.includes("意见"), `facet counts follow the documents shown: ${facets}`);
  assert.is((await typeQuery("乳政任[2019]3号")).direct, "/2019/2/renmian/", "either number of a document with two");
  assert.is((await typeQuery("乳政发〔2019〕99号")).direct, null, "a number not in the archive has no direct hit");
  assert.is((await typeQuery("测政发〔2019〕1号")).direct, null, "nor one of a series the archive lacks");
  assert.equal(consoleErrors, [], "and no failed request for it");
});

test("a series prefix, with or without the year, lists that series' documents", async () => {
  const series = ["/2019/2/rzbf-2019-5/", "/2019/2/rzbf-2019-6/", "/2019/2/rzbf-2019-4/"];
  assert.equal((await typeQuery("乳政办发")).results, series);
  assert.equal((await typeQuery("乳政办发[2019]")).results, series);
  assert.equal((await typeQuery("乳政办字")).results, [UNDATED]);
});

test("a query in Traditional characters finds what its Simplified form finds", async () => {
  assert.equal(await typeQuery("乳政辦發"), await typeQuery("乳政办发"));
  const traditional = await typeQuery("精神障礙");
  assert.equal(traditional, await typeQuery("精神障碍"));
  assert.is(traditional.results[0], "/2019/2/rzbf-2019-4/");
});

test("each result shows title, validity badge, number, issuer, date, gazette issue and a clean excerpt of the body", async () => {
  await typeQuery("缓释基金");
  const first = page.locator(".result").first();
  const text = await first.innerText();
  for (const part of ["乳山市人民政府办公室关于印发乳山市资本市场缓释基金管理办法的通知", "乳政办发〔2019〕5号", "乳山市人民政府办公室", "2019年", "第2期"]) assert.ok(text.includes(part), `${part} in ${text}`);
  assert.is(await first.locator(".result__validity").innerText(), "已失效", "a document past its validUntil carries a badge");
  const excerpt = await first.locator(".result__excerpt").innerText();
  assert.ok((await first.locator(".result__excerpt mark").count()) > 0);
  assert.equal(await first.locator(".result__excerpt mark").allInnerTexts(), (await first.locator(".result__excerpt mark").allInnerTexts()).map(() => "缓释基金"));
  assert.not.ok(excerpt.includes("乳政办发〔2019〕5号"), `no document number in the excerpt: ${excerpt}`);
  assert.not.match(excerpt, /^[.。，,、；;：:]/u, `no leading punctuation: ${excerpt}`);
  assert.not.ok(excerpt.includes(". "), excerpt);
  assert.match(await page.locator("#search-status").innerText(), /共 \d+ 个文件/);
  const inForce = await typeQuery("增减挂钩");
  assert.is(inForce.results[0], "/2019/2/rzbf-2019-6/");
  assert.is(await page.locator(".result").first().locator(".result__validity").count(), 0, "no badge for a document in force or not marked");
});

test("the count equals the results the list can show, and the same query gives the same list after other searches", async () => {
  await page.goto(`${server.url}/search/?q=${encodeURIComponent("乳山市")}`);
  await page.waitForFunction(() => document.getElementById("search-app")?.dataset.searched === "乳山市");
  const fresh = await page.evaluate(() => [...document.querySelectorAll(".result__title a")].map((a) => a.getAttribute("href")));
  const count = Number(/共 (\d+) 个文件/u.exec(await page.locator("#search-status").innerText())?.[1]);
  while (await page.locator("#search-more").isVisible()) await page.click("#search-more");
  assert.is(await page.locator(".result").count(), count, "every counted document can be shown");
  for (const q of ["精神", "工作", "基金 管理", "乳"]) await typeQuery(q);
  await typeQuery("乳山市");
  const after = await page.evaluate(() => [...document.querySelectorAll(".result__title a")].map((a) => a.getAttribute("href")));
  assert.equal(after, fresh);
});

test("filters with counts and the sort live in the URL, and the back button restores them", async () => {
  await page.goto(`${server.url}/search/?q=${encodeURIComponent("乳山市")}`);
  await page.waitForFunction(() => document.getElementById("search-app")?.dataset.searched === "乳山市");
  const box = page.getByRole("checkbox", { name: /政务动态（1）/ });
  await box.check();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("栏目") === "政务动态");
  await page.waitForFunction(() => document.querySelectorAll(".result").length === 1);
  assert.match((await page.locator(".result__title a").first().getAttribute("href")) ?? "", /^\/2019\/2\/renmian\//);
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll(".result").length > 1);
  await page.selectOption("#search-sort", "newest");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("sort") === "newest");
  await page.waitForFunction((u) => [...document.querySelectorAll(".result__title a")].at(-1)?.getAttribute("href")?.startsWith(u), UNDATED);
  await page.goto(`${server.url}/search/?${new URLSearchParams({ 发文机关: JOINT })}`);
  await page.waitForFunction(() => document.querySelectorAll(".result").length === 1);
  assert.ok(await page.getByRole("checkbox", { name: new RegExp(JOINT) }).isChecked());
});

test("results appear as you type and the query is kept in the URL", async () => {
  await page.goto(`${server.url}/search/?q=${encodeURIComponent("缓释基金")}`);
  const first = page.locator(".result__title a").first();
  await first.waitFor({ timeout: 10_000 });
  assert.match((await first.getAttribute("href")) ?? "", /^\/2019\/2\/rzbf-2019-5\//);
  await page.locator("#search-input").fill("增减挂钩");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "增减挂钩", null, { timeout: 5_000 });
  await page.waitForFunction(() => document.querySelector(".result__title a")?.getAttribute("href")?.startsWith("/2019/2/rzbf-2019-6/"), null, { timeout: 10_000 });
});

test("a search that finds nothing says so and offers suggestions", async () => {
  const { results } = await typeQuery("瀚海无此词");
  assert.equal(results, []);
  const message = await page.locator("#search-empty").innerText();
  assert.ok(message.includes("没有找到与“瀚海无此词”相关的文件"), message);
  assert.ok(message.includes("建议"), message);
  assert.is(await page.locator("#search-empty a").getAttribute("href"), "/");
});

test("words that never appear together: no result, and the suggestion says every word must appear", async () => {
  // Each word alone has hits in a different document; Pagefind requires all words.
  assert.ok((await typeQuery("缓释基金")).results.length > 0);
  assert.ok((await typeQuery("增减挂钩")).results.length > 0);
  const { results } = await typeQuery("缓释基金 增减挂钩");
  assert.equal(results, []);
  const message = await page.locator("#search-empty").innerText();
  assert.not.ok(message.includes("任一"), message);
  assert.ok(message.includes("全部词语"), message);
});

test("opening a result highlights the matched words on the document page", async () => {
  await typeQuery("增减挂钩");
  await page.locator(".result__title a").first().click();
  await page.waitForURL(/rzbf-2019-6/);
  await page.locator("mark.pagefind-highlight").first().waitFor({ timeout: 10_000 });
  assert.ok((await page.locator("mark.pagefind-highlight").count()) > 0);
  assert.is(await page.locator("style").count(), 0, "no inline style, so a strict CSP holds");
  await page.goto(`${server.url}/search/`);
});

test("without JavaScript the search page says search needs it and links to the archive", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await noJs.goto(`${server.url}/search/`);
  const body = await noJs.locator("body").innerText();
  assert.ok(body.includes("检索功能需要启用 JavaScript"), body);
  assert.is(await noJs.locator("noscript a, .notice a").first().getAttribute("href"), "/");
  assert.not.ok(await noJs.locator("#search-input").isVisible(), "the search form stays hidden");
  await context.close();
});

test.run();
