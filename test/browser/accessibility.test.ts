import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Browser } from "playwright-core";
import { AUDIT_WIDTHS, auditPages, samplePages, type PageSample } from "../../src/dev/audit/index.ts";
import { serveStatic, type StaticServer } from "../../src/browser/index.ts";
import { sampleSite } from "../helpers/sample-site.ts";
import { after, before } from "../helpers/hooks.ts";
import { releaseBrowser, sharedBrowser } from "../helpers/browser.ts";

// Builds the sample gazette (issues/) and checks every page type in real Chromium.
let out = "";
let server: StaticServer;
let browser: Browser;
let samples: PageSample[] = [];

before(test, async () => {
  out = await sampleSite();
  server = await serveStatic(out);
  browser = await sharedBrowser();
  samples = await samplePages(out, "工作要点");
});

after(test, async () => {
  if (browser) await releaseBrowser();
  await server?.close();
});

test("axe finds no WCAG 2.1 AA violation on any page type at phone and desktop widths", async () => {
  assert.equal(samples.map((s) => s.kind), ["home", "year", "issue", "document", "search", "404"]);
  const failures: string[] = [];
  const audits = await auditPages(browser, server.url, samples, AUDIT_WIDTHS);
  assert.equal(audits.map((a) => `${a.kind}@${a.width}`), samples.flatMap((s) => AUDIT_WIDTHS.map((w) => `${s.kind}@${w}`)));
  for (const a of audits) {
    for (const v of a.violations) failures.push(`${a.kind} @${a.width}px: ${v.id} ${v.help} (${v.targets.join(", ")})`);
    for (const e of a.errors) failures.push(`${a.kind} @${a.width}px: console ${e}`);
  }
  assert.equal(failures, []);
});

test("the skip link is the first Tab stop, visible when focused, and moves focus to main", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/2019/2/rzf-2019-2/`);
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const r = el.getBoundingClientRect();
    return { text: el.textContent, top: r.top, outline: getComputedStyle(el).outlineStyle, href: el.getAttribute("href") };
  });
  assert.is(focused.text, "跳到正文");
  assert.ok(focused.top >= 0, "on screen when focused");
  assert.is.not(focused.outline, "none", "visible focus");
  await page.keyboard.press("Enter");
  assert.is(await page.evaluate(() => document.activeElement?.id), "main");
  await page.close();
});

test("pages have banner, navigation, main and contentinfo landmarks and headings that never skip a level", async () => {
  const page = await browser.newPage();
  for (const sample of samples.filter((s) => s.kind !== "search")) {
    await page.goto(server.url + sample.path);
    const facts = await page.evaluate(() => ({
      landmarks: ["header.masthead", "nav", "main", "footer"].map((s) => document.querySelectorAll(`body > ${s}, header > ${s}`).length > 0),
      levels: Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6")).map((h) => Number(h.tagName[1])),
    }));
    assert.equal(facts.landmarks, [true, true, true, true], sample.kind);
    assert.is(facts.levels[0], 1, `${sample.kind} starts with h1`);
    facts.levels.forEach((l, i) => i > 0 && assert.ok(l <= facts.levels[i - 1]! + 1, `${sample.kind}: h${facts.levels[i - 1]} then h${l}`));
  }
  await page.close();
});

test("the table of contents is a list and the metadata block a description list", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/2019/2/`);
  assert.is(await page.locator("ol.toc__list > li a").count(), 5);
  assert.is(await page.getByRole("list").filter({ has: page.locator(".toc__item") }).count(), 3, "each section's list is announced as a list");
  assert.is(await page.locator("ol.toc__list").first().getAttribute("role"), "list", "role kept explicit for WebKit, which drops it from unstyled lists");
  await page.goto(`${server.url}/2019/2/rzf-2019-2/`);
  assert.equal(await page.locator("dl.meta dt").allTextContents(), ["发文字号", "发文机关", "成文日期", "公开方式", "所属期次", "栏目", "有效性", "原刊页码"]);
  await page.close();
});

test("the reader's larger text size is applied, remembered across pages, and the page works without JS", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/2019/2/rzf-2019-2/`);
  const toggle = page.getByRole("button", { name: "大字号" });
  assert.is(await toggle.getAttribute("aria-pressed"), "false");
  const size = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  assert.is(await size(), "16px");
  await toggle.click();
  assert.is(await toggle.getAttribute("aria-pressed"), "true");
  assert.is(await size(), "20px");
  await page.goto(`${server.url}/2019/`);
  assert.is(await size(), "20px", "remembered on the next page");
  assert.is(await page.getByRole("button", { name: "大字号" }).getAttribute("aria-pressed"), "true");
  await context.close();

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(`${server.url}/2019/2/rzf-2019-2/`);
  assert.is(await plain.getByRole("button", { name: "大字号" }).count(), 0, "no dead button without JS");
  assert.ok((await plain.locator(".document__body").innerText()).includes("工作要点"));
  await noJs.close();
});

test("text reflows without horizontal scrolling at 320 px, at 200 % zoom, and with the larger text size", async () => {
  const cases: [string, number, number, boolean][] = [
    ["320 px", 320, 1, false],
    ["200 % zoom of 1280 px", 640, 2, false],
    ["large text at 360 px", 360, 1, true],
  ];
  for (const [label, width, scale, large] of cases) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: scale });
    if (large) await context.addInitScript(() => window.localStorage.setItem("gazette-text-size", "large"));
    const page = await context.newPage();
    for (const sample of samples) {
      await page.goto(server.url + sample.path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${sample.kind} at ${label}: ${overflow}px wider than the window`);
    }
    await context.close();
  }
});

test.run();
