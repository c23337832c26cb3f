import { test } from "uvu";
import * as assert from "uvu/assert";
import { createServer, type Server } from "node:http";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ErrorBanner } from "../../src/build/error-banner.ts";
import type { Finding } from "../../src/content/index.ts";

const finding = (file: string, line: number, column: number, message: string): Finding => ({ file, line, column, severity: "error", message, fix: "改正" });

/** Serves `outputDir` through the banner's middleware alone (a 404 when it passes the request on); returns the base URL and a close function. */
async function serve(banner: ErrorBanner, outputDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const middleware = banner.middleware(outputDir);
  const server: Server = createServer((req, res) => middleware(req, res, () => { res.statusCode = 404; res.end("next"); }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test("the banner lists errors by file, then line, then column, whatever order they were found in", () => {
  const banner = new ErrorBanner();
  banner.showFindings([
    finding("2024-04/b.md", 3, 1, "丙"),
    finding("2024-04/a.md", 5, 7, "乙"),
    finding("2024-04/b.md", 2, 6, "丁"),
    { ...finding("2024-04/a.md", 1, 1, "警告"), severity: "warning" },
    finding("2024-04/a.md", 2, 40, "甲"),
  ]);
  assert.equal(banner.items.map((i) => `${i.where} ${i.message}`), ["2024-04/a.md:2:40 甲", "2024-04/a.md:5:7 乙", "2024-04/b.md:2:6 丁", "2024-04/b.md:3:1 丙"]);
});

test("a page not built yet, on a site built before, says the page is not generated because of the errors, lists them and links home; with no site at all, says the site is not generated", async () => {
  const out = await mkdtemp(path.join(tmpdir(), "gazette-banner-"));
  const banner = new ErrorBanner();
  banner.showFindings([finding("2024-04/a.md", 5, 7, "成文日期不对"), finding("2024-04/a.md", 2, 6, "全角冒号")]);
  const server = await serve(banner, out);
  try {
    // Nothing built: the whole site is missing.
    const none = await fetch(`${server.url}/2024/4/`);
    assert.is(none.status, 503);
    const noneHtml = await none.text();
    assert.match(noneHtml, /内容有 2 处错误，网站还没有生成/);
    // A site built before: the new issue's page is what is missing, not the site.
    await mkdir(path.join(out, "2019/1"), { recursive: true });
    await writeFile(path.join(out, "index.html"), "<!doctype html><html><body><p>首页</p></body></html>");
    await writeFile(path.join(out, "2019/1/index.html"), "<!doctype html><html><body><p>第1期</p></body></html>");
    const page = await fetch(`${server.url}/2024/4/`);
    assert.is(page.status, 503);
    const html = await page.text();
    assert.not.match(html, /网站还没有生成/);
    assert.match(html, /<h1>这一页还没有生成：内容有 2 处错误<\/h1>/);
    assert.match(html, /<code>2024-04\/a\.md:2:6<\/code> — 全角冒号.*<code>2024-04\/a\.md:5:7<\/code> — 成文日期不对/s);
    assert.match(html, /<a href="\/">回到首页<\/a>/);
    // A page that exists is served with the banner on top.
    const built = await fetch(`${server.url}/2019/1/`);
    assert.is(built.status, 200);
    assert.match(await built.text(), /<body><section id="gazette-error-banner"[^]*网站没有更新[^]*<p>第1期<\/p>/);
  } finally {
    await server.close();
    await rm(out, { recursive: true, force: true });
  }
});

test.run();
