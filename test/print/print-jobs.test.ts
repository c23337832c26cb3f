import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadArchiveOrThrow } from "../../src/content/index.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { pdfPath, printTasks, printUrl } from "../../src/print/index.ts";
import { buildSiteData, type SiteData } from "../../src/site/index.ts";
import { FIXTURE_ARCHIVE, PROJECT_ROOT } from "../helpers/temp-archive.ts";
import { before } from "../helpers/hooks.ts";

let site: SiteData;
before(test, async () => {
  site = buildSiteData(await loadArchiveOrThrow(FIXTURE_ARCHIVE, PROJECT_ROOT), createMarkdown());
});

test("print views and PDFs have ASCII paths by issue key and document slug", () => {
  assert.is(printUrl({ key: "2019-02" }), "/print/2019-02/");
  assert.is(printUrl({ slug: "rzf-2019-2", issue: { key: "2019-02" } }), "/print/2019-02/rzf-2019-2/");
  assert.is(pdfPath({ key: "2019-02" }), "pdf/2019-02.pdf");
  assert.is(pdfPath({ slug: "rzf-2019-2", issue: { key: "2019-02" } }), "pdf/2019-02/rzf-2019-2.pdf");
});

test("one task per gazette issue, with its metadata and a fixed date", () => {
  const tasks = printTasks(site);
  assert.equal(tasks.map((t) => t.file), ["pdf/2020-03.pdf", "pdf/2019-01.pdf"]);
  const t = tasks.find((x) => x.file === "pdf/2019-01.pdf")!;
  assert.is(t.view, "/print/2019-01/");
  assert.is(t.title, "测试市人民政府公报2019年第1期");
  assert.is(t.author, "测试市人民政府办公室");
  assert.is(t.lang, "zh-CN");
  assert.match(t.date, /^\d{4}-\d{2}-\d{2}$/);
});

test("--documents adds one task per listed document, never a withheld or draft one", () => {
  const files = printTasks(site, { issue: "2019-01", documents: true }).map((t) => t.file);
  assert.equal(files, ["pdf/2019-01.pdf", "pdf/2019-01/csf-2019-1.pdf", "pdf/2019-01/csbf-2019-3.pdf", "pdf/2019-01/csbf-2019-2.pdf"]);
  assert.not.ok(files.some((f) => /withheld|draft/.test(f)));
});

test("an unknown --issue names the issues there are", () => {
  assert.throws(() => printTasks(site, { issue: "2019-09" }), (err: Error) => err.message.includes("2019-09") && err.message.includes("2020-03、2019-01"));
});

test.run();
