import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { SaxesParser } from "saxes";
import { buildSite } from "../../src/build/index.ts";
import { documentRecord, documentsCsv } from "../../src/data/index.ts";
import { atomFeeds } from "../../src/feeds/index.ts";
import { xmlText } from "../../src/feeds/xml-text.ts";
import { siteLinks } from "../../src/site/site-links.ts";
import { listFiles } from "../helpers/site-files.ts";
import { docView, issueView, SETTINGS } from "../helpers/site-views.ts";
import { documentText, PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";

const links = siteLinks(undefined, "/");

/** Parses `xml` with saxes (a conforming XML 1.0 parser: characters, nesting, entities, namespaces); throws on the first well-formedness error. */
function assertWellFormed(xml: string, name: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let error: Error | null = null;
  parser.on("error", (err) => {
    error ??= err;
  });
  parser.write(xml).close();
  assert.is(error, null, `${name} is well-formed XML: ${String(error)}`);
}

test("a CSV cell a spreadsheet would run as a formula starts with ' (OWASP); numbers and ordinary text are unchanged", () => {
  const cases: [string, string][] = [
    ['=HYPERLINK("http://evil.example/","点击")', `"'=HYPERLINK(""http://evil.example/"",""点击"")"`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(1+1)", "'@SUM(1+1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", `"'\r=1"`],
    ["关于印发工作要点的通知", "关于印发工作要点的通知"],
    ["a=b", "a=b"],
  ];
  for (const [title, cell] of cases) {
    const csv = documentsCsv([documentRecord(docView({ title }), links)]);
    const row = csv.slice(1).split("\r\n").slice(1).join("\r\n");
    assert.ok(row.startsWith(`${cell},`), `${JSON.stringify(title)} → ${JSON.stringify(row.slice(0, 60))}`);
  }
  const issuer = documentsCsv([documentRecord(docView({ issuers: ["=1+1"] }), links)]);
  assert.match(issuer, /,'=1\+1,/, "every text column is neutralised");
  const page = documentsCsv([documentRecord(docView({ page: 7 }), links)]);
  assert.match(page, /,7,/, "a number stays a number");
});

test("feeds drop the characters XML does not allow, whatever reaches them", () => {
  assert.is(xmlText("通知\u0007\u001b[31m\u0000\ufffe\ud800完"), "通知[31m完");
  assert.is(xmlText("tab\tand\nline"), "tab\tand\nline");
  const doc = docView({ title: "标题\u0007", issuers: ["机关\u001b"] });
  const feeds = atomFeeds(SETTINGS, [issueView([doc])], [doc], links);
  const text = JSON.stringify(feeds);
  assert.not.match(text, /\\u0007|\\u001b/);
  assert.ok(feeds[1]!.entries[0]!.title === "标题");
});

let out = "";
before(test, async () => {
  const content = await tempArchive({
    "archive.yml": "title: 测试市人民政府公报 <&> \"引号\"\npublisher: 测试市人民政府办公室 & 档案馆\nurl: https://gazette.example.org/a&b/\n",
    "2019-01/xml-chars.md": documentText({ title: '"关于 <script> & ]]> 与 \\"引号\\" 的通知"', issuer: '"甲 & 乙 <机关>"', docNumber: '"测政发〔2019〕30号"' }),
  });
  // One archive holds one gazette: the issues name the same (hostile) gazette as archive.yml.
  for (const folder of ["2019-01", "2020-03"]) {
    const file = path.join(content, folder, "issue.yml");
    await writeFile(file, (await readFile(file, "utf8")).replace(/^gazette: .*$/m, 'gazette: 测试市人民政府公报 <&> "引号"'));
  }
  out = path.join(await mkdtemp(path.join(tmpdir(), "gazette-xml-")), "_site");
  const result = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: out, search: false });
  await rm(content, { recursive: true, force: true });
  assert.ok(result.ok, result.error);
});
after(test, async () => {
  await rm(path.dirname(out), { recursive: true, force: true });
});

test("every XML output of a build (Atom feeds, sitemap) is well-formed, with markup characters in titles, issuers and settings", async () => {
  const xmlFiles = (await listFiles(out)).filter((f) => f.endsWith(".xml"));
  assert.ok(xmlFiles.includes("sitemap.xml"), "the sitemap is there (url is set)");
  assert.ok(xmlFiles.includes("feeds/documents.xml") && xmlFiles.includes("feeds/issues.xml"), xmlFiles.join(", "));
  assert.ok(xmlFiles.filter((f) => f.startsWith("feeds/issuers/")).length >= 2, "per-issuer feeds are there");
  for (const file of xmlFiles) assertWellFormed(await readFile(path.join(out, file), "utf8"), file);
  const feed = await readFile(path.join(out, "feeds/documents.xml"), "utf8");
  assert.ok(feed.includes("关于 &lt;script&gt; &amp; ]]&gt; 与 &quot;引号&quot; 的通知"), "the title is escaped, not dropped");
});

test.run();
