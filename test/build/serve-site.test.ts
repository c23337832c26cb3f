import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";
import { buildSite } from "../../src/build/index.ts";
import { pageManifestPath } from "../../src/site/page-reuse.ts";
import type { Browser, Page } from "playwright-core";
import { releaseBrowser, sharedBrowser } from "../helpers/browser.ts";
import { readIndexContents } from "../helpers/pagefind-index.ts";
import { freePort, waitFor } from "../helpers/net.ts";

// Eleventy logs "Watching…" before its file watcher is ready; an edit made then can be missed. The
// tests wait for start.ts's "正在预览 http://…" line, printed once serveSite has the watcher ready
// when the content starts without error; when it starts with errors, serveSite prints
// "内容已无错误" once the fix is built and watched.

/**
 * Runs `npm start` (scripts/start.ts) in its own process group on a free port, serving a temp
 * content folder into a temp output folder; `stop()` ends that process group and waits for it.
 * Each `npm start` costs a Node start-up and a first build: the tests below share servers where
 * one flow can follow another.
 */
async function startServer(content: string, site: string, port?: number) {
  port ??= await freePort();
  const child = spawn(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts", "--port", String(port), "--content", content, "--output", site], { cwd: PROJECT_ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr.on("data", (b: Buffer) => (output += b.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // The address npm start announced (another port when the one asked for is taken), else the one asked for.
  const url = () => `http://127.0.0.1:${/正在预览 http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1] ?? port}/`;
  return {
    output: () => output,
    url,
    page: async (path: string) => {
      const res = await fetch(`${url()}${path.slice(1)}`);
      return { status: res.status, html: await res.text() };
    },
    stop: async () => {
      if (child.pid && child.exitCode === null) {
        process.kill(-child.pid, "SIGTERM");
        await exited;
      }
    },
  };
}

test("npm start on a fresh clone whose content has errors still starts on a port already in use, says its address, and serves a Chinese error page listing every error (file:line — what — fix) until the fix, then the site with live reload; an edit re-indexes the search shard and renders the print views again; a bad edit shows the error in the output and in a banner on every page (file:line, message, fix), updated live, while the last good page is served; fixing recovers without a restart", async () => {
  const content = await tempArchive();
  const site = `${content}-site`;
  const busy = createServer();
  const port = await new Promise<number>((resolve) => busy.listen(0, () => resolve((busy.address() as { port: number }).port)));
  // Two mistakes in another layout than the sample: a new issue (no sections of its own written
  // yet) and a document of the fixture whose date is not a calendar date. Nothing was built.
  const brokenIssue = path.join(content, "2021-04/issue.yml");
  await mkdir(path.dirname(brokenIssue), { recursive: true });
  await writeFile(brokenIssue, "gazette: 测试市人民政府公报\nyear: 2021\nnumber: 4\nfrequency: 季刊\npublisher: 测试市人民政府办公室\n");
  const renmian = path.join(content, "2020-03/renmian.md");
  const renmianGood = await readFile(renmian, "utf8");
  await writeFile(renmian, renmianGood.replace(/^date: .*$/m, "date: 2020-09-31"));
  const server = await startServer(content, site, port);
  let browser: Browser | undefined;
  let shared = false;
  const pages: Page[] = [];
  const manifest = async () => JSON.parse(await readFile(path.join(site, "pagefind/shards.json"), "utf8")) as { shards: { hash: string }[] };
  try {
    const doc = () => server.page("/2019/1/csf-2019-1/");
    await waitFor("the address", async () => /正在预览 http:\/\/127\.0\.0\.1:\d+\//.test(server.output()));
    const served = Number(/正在预览 http:\/\/127\.0\.0\.1:(\d+)\//.exec(server.output())?.[1]);
    assert.is.not(served, port, `the busy port is not announced:\n${server.output()}`);
    assert.match(server.output(), /网站还没有生成：预览地址先显示错误清单/);
    // The error page at every page address, in Chinese, one row an error: file:line — what — fix.
    const errorPage = await fetch(`http://127.0.0.1:${served}/`);
    assert.is(errorPage.status, 503);
    const errorHtml = await errorPage.text();
    assert.match(errorHtml, /<html lang="zh-CN">/);
    assert.match(errorHtml, /内容有 2 处错误，网站还没有生成/);
    assert.match(errorHtml, /<code>(?:[^<]*\/)?2021-04\/issue\.yml:1:1<\/code> — [^<]*sections[^<]* — <strong>修改方法：<\/strong>/, errorHtml);
    assert.match(errorHtml, /<code>(?:[^<]*\/)?2020-03\/renmian\.md:5:7<\/code> — 成文日期（date）应为真实存在的日期[^<]* — <strong>修改方法：<\/strong>没有这一天/, errorHtml);
    assert.is((await server.page("/2019/1/csf-2019-1/")).status, 503, "every page address shows it");
    browser = await sharedBrowser();
    shared = true;
    const waiting = await browser.newPage();
    pages.push(waiting);
    await waiting.goto(server.url());
    assert.match(await waiting.locator("h1").innerText(), /内容有 2 处错误/);
    // The banner and the page follow the content: one mistake fixed, then the other.
    await writeFile(renmian, renmianGood);
    await waiting.waitForFunction(() => /内容有 1 处错误/.test(document.querySelector("h1")?.textContent ?? ""), undefined, { timeout: 60_000 });
    await rm(path.dirname(brokenIssue), { recursive: true });
    await waiting.waitForFunction(() => document.querySelector("#gazette-error-banner") === null && document.body.textContent!.includes("2019年"), undefined, { timeout: 90_000 });
    await waitFor("the watcher after the fix", async () => /内容已无错误/.test(server.output()), 60_000);
    const home = await fetch(`http://127.0.0.1:${served}/`);
    assert.is(home.status, 200);
    assert.ok((await home.text()).includes("2019年"), "the announced address serves the archive");
    await waitFor("the first build with its index", async () => (await doc()).status === 200 && (await manifest()).shards.length > 0);
    const file = path.join(content, "2019-01/csf-2019-1.md");
    const good = await readFile(file, "utf8");

    // An edit re-indexes the search shard and renders the print views again.
    const before = (await manifest()).shards[0]!.hash;
    const otherIssue = path.join(site, "2020/3/renmian/index.html");
    const untouched = (await stat(otherIssue)).mtimeMs;
    await writeFile(file, good.replace("现印发给你们。", "现印发给你们，请认真贯彻执行。"));
    await waitFor("the re-indexed shard", async () => (await manifest()).shards[0]!.hash !== before, 60_000);
    const print = await server.page("/print/2019-01/");
    assert.ok(print.html.includes("请认真贯彻执行"), "the issue's print view has the edited text");
    assert.not.match(print.html, /<!--gazette:/, "no marker is left");
    assert.is((await stat(otherIssue)).mtimeMs, untouched, "a page the edit does not change is not written again");
    // Undoing the edit brings back the pages as they were (none is kept from before the edit).
    await writeFile(file, good);
    await waitFor("the index of the original text", async () => (await manifest()).shards[0]!.hash === before, 60_000);
    assert.not.ok((await server.page("/print/2019-01/")).html.includes("请认真贯彻执行"), "the print view has the original text again");
    assert.not.ok((await doc()).html.includes("请认真贯彻执行"), "so has the document page");

    // A bad edit: the error in the output and in a banner on every page; the last good page is served.
    const page = await browser.newPage();
    pages.push(page);
    await page.goto(`${server.url()}2019/1/csf-2019-1/`);
    await page.waitForSelector("h1");
    assert.is(await page.locator("#gazette-error-banner").count(), 0, "no banner while the content is good");
    const other = await browser.newPage();
    pages.push(other);
    await other.goto(server.url());
    await writeFile(file, good.replace(/^date: .*$/m, "date: 2019-02-30"));
    await waitFor("the error message", async () => /csf-2019-1\.md:5:7 {2}错误 {2}成文日期（date）应为真实存在的日期/.test(server.output()));
    assert.not.match(server.output(), /stack trace|^(?:\[11ty\])?\s+at /m, `no stack trace:\n${server.output()}`);
    const during = await doc();
    assert.is(during.status, 200, `the server still answers:\n${server.output()}`);
    assert.ok(during.html.includes("关于印发2019年工作要点的通知"), "the last good page is served");
    const banner = page.locator("#gazette-error-banner");
    await banner.waitFor({ timeout: 60_000 });
    const text = await banner.innerText();
    assert.match(text, /内容有 1 处错误/);
    assert.match(text, /csf-2019-1\.md:5/);
    assert.match(text, /成文日期（date）应为真实存在的日期/);
    assert.match(text, /修改方法：没有这一天/);
    await other.locator("#gazette-error-banner").waitFor({ timeout: 30_000 });
    assert.match(await other.locator("#gazette-error-banner").innerText(), /csf-2019-1\.md:5/, "every page shows it");
    // A second mistake: the banner follows the content without a restart.
    await writeFile(file, good.replace(/^date: .*$/m, "date: 2019-02-30").replace(/^section: .*$/m, 'section: "没有的栏目"'));
    await page.waitForFunction(() => /内容有 2 处错误/.test(document.querySelector("#gazette-error-banner")?.textContent ?? ""), undefined, { timeout: 60_000 });
    assert.match(await banner.innerText(), /栏目（section）“没有的栏目”没有在/);
    // Fixing the file recovers without a restart: the banner goes, the new text is served.
    await writeFile(file, good.replace(/^title: .*$/m, 'title: "修正后的标题"'));
    await page.waitForFunction(() => document.querySelector("#gazette-error-banner") === null && document.body.textContent!.includes("修正后的标题"), undefined, { timeout: 90_000 });
    await waitFor("the rebuilt page", async () => (await doc()).html.includes("修正后的标题"));
    assert.not.match(server.output(), /^\s+at /m, `no stack trace:\n${server.output()}`);
  } finally {
    for (const p of pages) await p.close();
    if (shared) await releaseBrowser();
    await server.stop();
    busy.close();
    await rm(content, { recursive: true, force: true });
    await rm(site, { recursive: true, force: true });
  }
});

test("npm start after npm run build, with an error already in the content: the findings and the previous pages; after the fix the first build renders only what changed and the build's manifest is gone", async () => {
  const content = await tempArchive();
  const site = `${content}-site`;
  const built = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: site });
  assert.ok(built.ok, built.error);
  const unchanged = path.join(site, "2019/1/csf-2019-1/index.html");
  const before = (await stat(unchanged)).mtimeMs;
  const file = path.join(content, "2020-03/renmian.md");
  await writeFile(file, (await readFile(file, "utf8")).replace(/\n*$/, "\n\n预览时补充的一段。\n"));
  const broken = path.join(content, "2019-01/csbf-2019-3.md");
  const good = await readFile(broken, "utf8");
  await writeFile(broken, good.replace(/^section: .*$/m, 'section: "没有的栏目"'));
  const server = await startServer(content, site);
  try {
    await waitFor("the findings and the previous pages", async () => /栏目（section）“没有的栏目”没有在/.test(server.output()) && (await server.page("/2019/1/csf-2019-1/")).status === 200);
    assert.match(server.output(), /内容有错误：先显示上次生成的页面/);
    await writeFile(broken, good);
    await waitFor("the first build after the fix, and the watcher", async () => /内容已无错误/.test(server.output()) && (await server.page("/2020/3/renmian/")).html.includes("预览时补充的一段"));
    assert.is((await stat(unchanged)).mtimeMs, before, "a page the edit does not change is not written again");
    assert.not.ok(await stat(pageManifestPath(site)).then(() => true, () => false), "npm start rewrites the folder in place: the build's manifest no longer describes it");
    // Withholding a document under npm start takes its pages out of the preview and its search.
    const withheld = path.join(content, "2019-01/csbf-2019-2.md");
    await writeFile(withheld, (await readFile(withheld, "utf8")).replace(/^publication: .*$/m, "publication: withheld"));
    await waitFor("the withheld document's page to go", async () => (await server.page("/2019/1/csbf-2019-2/")).status === 404, 60_000);
    assert.not.ok(await stat(path.join(site, "print/2019-01/csbf-2019-2/index.html")).then(() => true, () => false), "its print view is gone");
    await waitFor("the index without it", async () => !(await readIndexContents(path.join(site, "pagefind"))).urls.includes("/2019/1/csbf-2019-2/"), 60_000);
  } finally {
    await server.stop();
    await rm(content, { recursive: true, force: true });
    await rm(site, { recursive: true, force: true });
  }
});

test.run();
