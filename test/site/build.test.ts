import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { execFile } from "node:child_process";
import { tmpdir } from "node:os";
import { promisify } from "node:util";
import path from "node:path";
import { buildSite } from "../../src/build/index.ts";
import { INDEX_LANGUAGE } from "../../src/search/index.ts";
import { allSiteText, listFiles } from "../helpers/site-files.ts";
import { formatHtmlProblems, validateSiteHtml } from "../../src/dev/audit/index.ts";
import { documentsFileSchema, issueRecordSchema } from "../../src/data/index.ts";
import { issuerFeedSlug } from "../../src/feeds/index.ts";
import { documentText, PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";

const BASE = "https://gazette.example.org/archive/";
/** A withheld document whose issuer has nothing else: no feed may be made for it. */
const WITHHELD_ONLY_ISSUER = "紫藤专用保密机关";

/** The official-site footer fields of archive.yml. */
const FOOTER = [
  "siteCode: 3710820001",
  "icpRecord: 鲁ICP备05002386号-1",
  "policeRecord: 鲁公网安备37108202000123号",
  "partyGovLink: https://bszs.conac.cn/sitename?method=show&id=0000",
  "organizer: 测试市大数据中心",
  'contact: "电话 0631-6652345　邮箱 gb@example.gov.cn"',
  "errorReport: mailto:jiucuo@example.gov.cn",
].join("\n") + "\n";

let out = "";
let content = "";
const page = (url: string) => readFile(path.join(out, url, url.endsWith(".html") ? "" : "index.html"), "utf8");
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

before(test, async () => {
  out = path.join(await mkdtemp(path.join(tmpdir(), "gazette-site-")), "_site");
  content = await tempArchive({
    "archive.yml": `title: 测试市人民政府公报\npublisher: 测试市人民政府办公室\nurl: ${BASE}\n${FOOTER}`,
    "2019-01/withheld-2.md": documentText({ title: '"紫藤另一份机密文件"', issuer: `"${WITHHELD_ONLY_ISSUER}"`, publication: "withheld", docNumber: '"测政办发〔2019〕19号"' }),
  });
  const saved = process.env.TZ;
  process.env.TZ = "America/Los_Angeles";
  const result = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: out });
  process.env.TZ = saved;
  assert.ok(result.ok, result.error);
});

after(test, async () => {
  await rm(path.dirname(out), { recursive: true, force: true });
  await rm(content, { recursive: true, force: true });
});

test("every page's footer shows the official-site fields set in archive.yml", async () => {
  for (const url of ["", "2019/1/csf-2019-1", "search"]) {
    const footer = /<footer class="site-footer">([\s\S]*?)<\/footer>/.exec(await page(url))![1]!;
    const t = text(footer);
    for (const s of ["主办：测试市人民政府办公室", "承办：测试市大数据中心", "联系方式：电话 0631-6652345", "网站标识码：3710820001", "鲁ICP备05002386号-1", "鲁公网安备37108202000123号", "党政机关网站标识", "纠错"]) assert.ok(t.includes(s), `${url}: ${s} in ${t}`);
    assert.match(footer, /<a href="https:\/\/beian\.miit\.gov\.cn\/" rel="noopener">鲁ICP备05002386号-1<\/a>/);
    assert.match(footer, /href="https:\/\/beian\.mps\.gov\.cn\/#\/query\/webSearch\?code=37108202000123"/);
    assert.match(footer, /<a href="mailto:jiucuo@example\.gov\.cn" rel="noopener">纠错<\/a>/);
  }
});

test("the home page shows the search box, the latest issue's cover and contents, and the years", async () => {
  const home = await page("");
  assert.match(home, /<form class="home-search" role="search" action="\/search\/" method="get">[\s\S]*?name="q"/);
  const latest = /<section class="latest-issue"[\s\S]*?<\/section>/.exec(home)![0];
  assert.match(latest, /<a class="issue-cover" href="\/2020\/3\/">[\s\S]*?2020年第3期/);
  assert.match(latest, /href="\/2020\/3\/renmian\/"/, "the latest issue's contents");
  assert.not.match(latest, /2019\/1\//, "only the latest issue");
  assert.match(home, /<h3 id="year-2019"><a href="\/2019\/">2019年<\/a><\/h3>/);
});

test("writes home, year, issue, document, search and 404 pages at stable ASCII URLs", async () => {
  const files = await listFiles(out);
  for (const f of [
    "index.html",
    "2019/index.html",
    "2020/index.html",
    "2019/1/index.html",
    "2019/1/csf-2019-1/index.html",
    "2019/1/csbf-2019-2/index.html",
    "2019/1/csbf-2019-3/index.html",
    "2020/3/renmian/index.html",
    "search/index.html",
    "404.html",
    "assets/site.css",
    "pagefind/pagefind.js",
  ]) assert.ok(files.includes(f), `missing ${f}`);
  assert.ok(files.every((f) => /^[\x20-\x7e]+$/.test(f)), "every output path is ASCII");
});

test("the home page lists gazette issues newest first, grouped by year", async () => {
  const html = await page("/");
  assert.ok(html.indexOf("2020年第3期") < html.indexOf("2019年第1期"));
  assert.ok(html.includes('<a href="/2020/">2020年</a>'));
  assert.ok(html.includes('lang="zh-CN"'));
});

test("the issue page lists listed documents by section in printed order with number, issuer and page", async () => {
  const html = await page("/2019/1/");
  const t = text(html);
  const order = ["【市政府文件】", "测试市人民政府关于印发2019年工作要点的通知", "【市政府办公室文件】", "关于依申请公开事项的通知", "关于加强精神卫生工作的实施意见"];
  let last = -1;
  for (const s of order) {
    const at = t.indexOf(s);
    assert.ok(at > last, `${s} out of order`);
    last = at;
  }
  assert.ok(t.includes("测政发〔2019〕1号"));
  assert.ok(t.includes("测试市人民政府办公室、测试市卫生健康局"));
  assert.match(t, /原刊第\s*5\s*页/);
  assert.ok(html.includes('href="/2020/3/"'), "link to the next issue");
});

test("the document page shows its metadata block and full text", async () => {
  const html = await page("/2019/1/csf-2019-1/");
  const t = text(html);
  for (const s of ["发文字号 测政发〔2019〕1号", "发文机关 测试市人民政府", "成文日期 2019年1月10日", "公开方式 主动公开", "所属期次 测试市人民政府公报2019年第1期", "原刊页码 第1页"]) {
    assert.ok(t.includes(s), s);
  }
  assert.ok(html.includes('<h2 id="2019年工作要点">2019年工作要点</h2>'));
  assert.ok(html.includes('<h3 id="一发展经济">一、发展经济</h3>'));
  assert.ok(html.includes('<h3 id="一发展经济-1">一、发展经济</h3>'), "repeated heading gets a unique id");
  assert.ok(html.includes("<strong>“突破立市产业和实体经济”</strong>作为当务之急"), "Chinese emphasis and line break");
  assert.ok(html.includes("模板字符 {{ site.settings.title }} 与 {% raw %} 应原样显示"), "template syntax is literal");
  assert.ok(html.includes('<nav class="breadcrumbs"'));
});

test("the calendar date is the same whatever the build's time zone", async () => {
  const html = await page("/2019/1/csbf-2019-2/");
  assert.ok(html.includes('<time datetime="2019-01-01"'));
  assert.ok(html.includes("2019年1月1日"));
});

test("an on-request document shows its metadata and a notice, never its text", async () => {
  const html = await page("/2019/1/csbf-2019-3/");
  assert.ok(html.includes("依申请公开"));
  assert.ok(html.includes("全文未在本站发布"));
  assert.not.ok((await allSiteText(out)).includes("海棠依申请"));
});

test("withheld and draft documents reach neither the pages nor the search index", async () => {
  const all = await allSiteText(out);
  for (const secret of ["紫藤机密", "不予公开的机密文件标题", "测政办发〔2019〕9号", "蔷薇草稿", "尚未发布的草稿文件标题", WITHHELD_ONLY_ISSUER, "紫藤另一份", "测政办发〔2019〕19号"]) {
    assert.not.ok(all.includes(secret), secret);
  }
  const files = await listFiles(out);
  assert.not.ok(files.some((f) => f.includes("withheld") || f.includes("draft")));
});

test("document pages mark only the document for the search index, with filters and date sort keys", async () => {
  const html = await page("/2019/1/csbf-2019-2/");
  assert.is(html.match(/data-pagefind-body/g)?.length, 1);
  assert.ok(html.includes('data-pagefind-sort="newest:2019-01-01"') && html.includes('data-pagefind-sort="oldest:2019-01-01"'));
  assert.ok(html.includes('<span data-pagefind-filter="发文机关">测试市卫生健康局</span>'));
  assert.ok(html.includes('data-pagefind-filter="栏目">市政府办公室文件<'));
  assert.ok(html.includes('data-pagefind-filter="年份">2019<'));
  const nav = html.slice(0, html.indexOf("<main"));
  assert.not.ok(nav.includes("data-pagefind-body"), "navigation is outside the indexed body");
  const home = await page("/");
  assert.not.ok(home.includes("data-pagefind-body"), "only documents are indexed");
  const entry = JSON.parse(await readFile(path.join(out, "pagefind/pagefind-entry.json"), "utf8"));
  assert.equal(Object.keys(entry.languages), [INDEX_LANGUAGE], "the index language of the project's tokens (src/search/tokenise.ts)");
  assert.is(entry.languages[INDEX_LANGUAGE].page_count, 4);
});

/** Published documents in table-of-contents order, newest gazette issue first. */
const PUBLISHED = ["/2020/3/renmian/", "/2019/1/csf-2019-1/", "/2019/1/csbf-2019-3/", "/2019/1/csbf-2019-2/"];

test("data/documents.json and .csv list exactly the published documents with absolute URLs", async () => {
  const records = documentsFileSchema.parse(JSON.parse(await readFile(path.join(out, "data/documents.json"), "utf8")));
  assert.equal(records.map((r) => r.url), PUBLISHED.map((p) => BASE + p.slice(1)));
  assert.equal([...new Set(records.map((r) => r.publication))].sort(), ["on-request", "public"]);
  const csv = await readFile(path.join(out, "data/documents.csv"), "utf8");
  assert.is(csv.trim().split("\r\n").length, PUBLISHED.length + 1, "header + one row per document");
  const issue = issueRecordSchema.parse(JSON.parse(await readFile(path.join(out, "data/issues/2019-01.json"), "utf8")));
  assert.is(issue.label, "2019年第1期");
  assert.equal(issue.documents.map((d) => d.url), PUBLISHED.slice(1).map((p) => BASE + p.slice(1)));
  const schema = JSON.parse(await readFile(path.join(out, "data/schema.json"), "utf8"));
  assert.ok(schema.$defs.DocumentRecord);
  const files = await listFiles(out);
  assert.ok(files.includes("data/issues/2020-03.json"));
  assert.ok(files.includes("data/index.html"), "the open-data page");
});

test("Atom feeds of issues, documents and each issuer hold only published documents", async () => {
  const feed = (p: string) => readFile(path.join(out, p), "utf8");
  const entries = (xml: string) => [...xml.matchAll(/<link rel="alternate" type="text\/html" href="([^"]+)"\/>\s*<updated>/g)].map((m) => m[1]);
  const issues = await feed("feeds/issues.xml");
  assert.ok(issues.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'));
  assert.equal(entries(issues), [`${BASE}2020/3/`, `${BASE}2019/1/`]);
  assert.ok(issues.includes("<updated>2020-09-30T00:00:00Z</updated>"), "feed date from the issue's publication date");
  const documents = await feed("feeds/documents.xml");
  assert.equal(entries(documents).sort(), PUBLISHED.map((p) => BASE + p.slice(1)).sort());
  const health = await feed(`feeds/issuers/${issuerFeedSlug("测试市卫生健康局")}.xml`);
  assert.equal(entries(health), [`${BASE}2019/1/csbf-2019-2/`], "a joint document is in each issuer's feed");
  const files = await listFiles(out);
  assert.not.ok(files.includes(`feeds/issuers/${issuerFeedSlug(WITHHELD_ONLY_ISSUER)}.xml`), "no feed for an issuer with only withheld documents");
  assert.is(files.filter((f) => f.startsWith("feeds/issuers/")).length, 3);
});

test("document pages carry schema.org Legislation JSON-LD, Dublin Core and canonical/OpenGraph URLs", async () => {
  const html = await page("/2019/1/csbf-2019-2/");
  const json = html.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)?.[1];
  assert.ok(json, "JSON-LD block");
  const ld = JSON.parse(json!);
  assert.is(ld["@type"], "Legislation");
  assert.is(ld.legislationIdentifier, "测政办发〔2019〕2号");
  assert.equal(ld.legislationPassedBy.map((o: { name: string }) => o.name), ["测试市人民政府办公室", "测试市卫生健康局"]);
  assert.is(ld.legislationDate, "2019-01-01");
  assert.is(ld.isPartOf.url, `${BASE}2019/1/`);
  assert.ok(html.includes('<meta name="DC.creator" content="测试市卫生健康局">'));
  assert.ok(html.includes('<meta name="DC.date" content="2019-01-01">'));
  assert.ok(html.includes(`<link rel="canonical" href="${BASE}2019/1/csbf-2019-2/">`));
  assert.ok(html.includes(`<meta property="og:url" content="${BASE}2019/1/csbf-2019-2/">`));
  assert.ok(html.includes('<meta property="og:type" content="article">'));
  assert.ok(html.includes('<meta name="description" content="测政办发〔2019〕2号　测试市人民政府办公室、测试市卫生健康局　2019年1月1日　测试市人民政府公报2019年第1期">'));
});

test("writes a sitemap of every listed page and robots.txt pointing to it", async () => {
  const sitemap = await readFile(path.join(out, "sitemap.xml"), "utf8");
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  for (const p of ["/", "/2019/", "/2019/1/", ...PUBLISHED]) assert.ok(locs.includes(BASE + p.slice(1)), p);
  assert.not.ok(locs.some((l) => l!.includes("withheld") || l!.includes("draft")));
  assert.is(await readFile(path.join(out, "robots.txt"), "utf8"), `User-agent: *\nAllow: /\nSitemap: ${BASE}sitemap.xml\n`);
});

test("every page of the fixture archive (on-request notice, two issues, absolute URLs) passes html-validate", async () => {
  const { files, errors } = await validateSiteHtml(out);
  assert.ok(files >= 10);
  assert.is(errors.length, 0, formatHtmlProblems(errors));
});

test("a failed build leaves the previous output exactly as it was", async () => {
  const before = await allSiteText(out);
  await writeFile(path.join(content, "2019-01/bad.md"), documentText({ date: "2019-02-30" }));
  const result = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: out });
  assert.not.ok(result.ok);
  assert.match(result.error, /2019-01\/bad\.md:5:7 {2}错误 {2}成文日期（date）应为真实存在的日期/);
  assert.not.match(result.error, /\n\s+at /, "no stack trace");
  assert.is(await allSiteText(out), before);
  await rm(path.join(content, "2019-01/bad.md"));
});

test("a build removes the staging folder an interrupted build left behind, never a running build's", async () => {
  // A build stopped with Ctrl-C leaves <output>.staging-<pid>; that process is gone.
  const gone = await new Promise<number>((resolve) => {
    const child = execFile(process.execPath, ["-e", ""]);
    child.once("exit", () => resolve(child.pid!));
  });
  const stale = `${out}.staging-${gone}`;
  const running = `${out}.staging-${process.ppid}`;
  await mkdir(stale, { recursive: true });
  await mkdir(running, { recursive: true });
  try {
    const result = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: out });
    assert.ok(result.ok, result.error);
    assert.not.ok(existsSync(stale), "the interrupted build's folder is removed");
    assert.ok(existsSync(running), "a folder of a live process is kept");
  } finally {
    await rm(stale, { recursive: true, force: true });
    await rm(running, { recursive: true, force: true });
  }
});

test("a template error also leaves the previous output exactly as it was, with a message and no stack", async () => {
  // A separate process: Eleventy caches layouts by relative path within one process.
  const root = await mkdtemp(path.join(tmpdir(), "gazette-root-"));
  try {
    for (const f of ["eleventy.config.ts", "package.json", "tsconfig.json"]) await cp(path.join(PROJECT_ROOT, f), path.join(root, f));
    await cp(path.join(PROJECT_ROOT, "_includes"), path.join(root, "_includes"), { recursive: true });
    for (const d of ["src", "scripts", "node_modules"]) await symlink(path.join(PROJECT_ROOT, d), path.join(root, d));
    const layout = path.join(root, "_includes/layouts/document.njk");
    await writeFile(layout, (await readFile(layout, "utf8")).replace("{{", '{% include "no-such-partial.njk" %}{{'));
    const before = await allSiteText(out);
    const failed = await promisify(execFile)(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), ["scripts/build.ts", "--content", content, "--output", out, "--no-search"], { cwd: root }).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    assert.ok(failed, "the build fails");
    assert.is(failed!.code, 1);
    assert.match(failed!.stderr, /no-such-partial\.njk/, `stderr was:\n${failed!.stderr}`);
    assert.match(failed!.stderr, /网站模板 _includes\/layouts\/document\.njk(?::\d+)? 出错.*技术人员/);
    assert.match(failed!.stderr, /生成已停止：输出文件夹中的网站没有任何改动/);
    assert.not.match(failed!.stderr, /^(?:\[11ty\])?\s+at /m, "no stack trace");
    assert.not.match(failed!.stderr, /stack trace/i);
    assert.is(await allSiteText(out), before);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("writes the direct-hit map of document numbers in shards, without withheld documents", async () => {
  const { numberShard } = await import("../../src/search/index.ts");
  const shard = JSON.parse(await readFile(path.join(out, "search/numbers", `${numberShard("测政办发〔2019〕2号")}.json`), "utf8")) as Record<string, { url: string; title: string }>;
  assert.equal(shard["测政办发〔2019〕2号"], { url: "/2019/1/csbf-2019-2/", title: "测试市人民政府办公室关于加强精神卫生工作的实施意见" });
  assert.ok(shard["测政办发〔2019〕3号"], "on-request documents are listed");
  assert.is(shard["测政办发〔2019〕9号"], undefined, "withheld documents are not");
});

test("document pages carry the search filters, both date sort keys and of search code only the highlight script", async () => {
  const html = await page("/2019/1/csbf-2019-2/");
  assert.match(html, /data-pagefind-filter="文种">意见</);
  assert.match(html, /data-pagefind-filter="期次">2019年第1期</);
  assert.match(html, /data-pagefind-filter="文号系列">测政办发</);
  assert.match(html, /data-pagefind-filter="文号系列">测政办发〔2019〕</);
  assert.match(html, /data-pagefind-sort="newest:2019-\d\d-\d\d"/);
  assert.match(html, /data-pagefind-sort="oldest:2019-\d\d-\d\d"/);
  const scripts = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
  assert.ok(scripts.includes('<script type="module" src="/assets/highlight.js">'), scripts.join(" "));
  assert.not.ok(scripts.some((s) => /search\.js|pagefind/.test(s)), scripts.join(" "));
});

test("the search page has no inline script and says search needs JavaScript", async () => {
  const html = await page("/search/");
  const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
  assert.ok(scripts.length > 0);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs ?? "", /src="\/assets\//);
    assert.is(body, "");
  }
  assert.match(html, /<noscript>.*检索功能需要启用 JavaScript/s);
});

test.run();
