import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { pageWeight, samplePages, validateSiteHtml } from "../../src/dev/audit/index.ts";
import { after, before } from "../helpers/hooks.ts";

let dir = "";
const PAGE = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试</title><link rel="stylesheet" href="/gazette/assets/site.css"><script src="/gazette/assets/text-size.js"></script></head><body><main><h1>测试</h1></main></body></html>\n';

before(test, async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gazette-audit-"));
  await mkdir(path.join(dir, "assets"), { recursive: true });
  await mkdir(path.join(dir, "pagefind"), { recursive: true });
  await writeFile(path.join(dir, "index.html"), PAGE);
  await writeFile(path.join(dir, "bad.html"), '<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><div><p>未闭合</div><img src="a.png"></body></html>\n');
  await writeFile(path.join(dir, "pagefind", "ignored.html"), "<p>not ours");
  await writeFile(path.join(dir, "assets", "site.css"), "body{color:#000}".repeat(50));
});

after(test, async () => {
  await rm(dir, { recursive: true, force: true });
});

test("html-validate reports errors with file, line and rule, and skips Pagefind's files", async () => {
  const { files, errors } = await validateSiteHtml(dir);
  assert.is(files, 2);
  assert.ok(errors.length > 0);
  assert.ok(errors.every((e) => e.file === "bad.html" && e.line === 1));
  assert.ok(errors.some((e) => e.rule === "wcag/h37"), "image without alt text");
});

test("page weight is gzip of the HTML plus its local stylesheets, with the scripts it loads", async () => {
  const w = await pageWeight(dir, "index.html", "/gazette/");
  assert.is(w.html, gzipSync(Buffer.from(PAGE), { level: 9 }).length);
  assert.is(w.css, gzipSync(Buffer.from("body{color:#000}".repeat(50)), { level: 9 }).length);
  assert.is(w.total, w.html + w.css);
  assert.equal(w.scripts, ["/gazette/assets/text-size.js"]);
});

test("page samples need year, issue and document pages", async () => {
  const failure = await samplePages(dir, "x").then(() => null, (err: Error) => err.message);
  assert.match(failure ?? "", /has no year page/);
});

test.run();
