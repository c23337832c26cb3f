import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { citationsFileSchema, historyFileSchema } from "../../src/data/index.ts";
import { parseGitLog, readGitHistory } from "../../src/relations/index.ts";
import { renderSite } from "../helpers/render-site.ts";
import { documentText, tempArchive } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";

const run = promisify(execFile);
let content = "";
/** The rendered site (URL → text), in memory: these suites read pages and data files only. */
let site = new Map<string, string>();
const page = async (url: string) => {
  const text = site.get(`/${url}/`);
  if (text === undefined) throw new Error(`no page at /${url}/`);
  return text;
};

/** A later document that repeals 测政发〔2019〕1号 and cites it, a withheld one and an outside one. */
const NEW_DOC = documentText(
  { title: '"测试市人民政府关于废止部分文件的决定"', docNumber: '"测政发〔2020〕5号"', date: "2020-08-01", section: '"政务动态"', page: "9" },
  "决定废止《测试市人民政府关于印发2019年工作要点的通知》（测政发[2019]1号）。\n\n" +
    "根据（测政办发〔2019〕9号）和《山东省人民政府关于……的通知》（鲁政发〔2016〕20号），电话0631-6652345，2020年8月1日。\n",
);

/** Runs git in the content folder with a fixed identity and fixed dates (reproducible commits). */
async function git(args: string[], date = "2020-09-01T10:00:00+08:00"): Promise<void> {
  await run("git", args, {
    cwd: content,
    env: { ...process.env, GIT_AUTHOR_NAME: "编辑", GIT_AUTHOR_EMAIL: "editor@example.org", GIT_COMMITTER_NAME: "编辑", GIT_COMMITTER_EMAIL: "editor@example.org", GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}

before(test, async () => {
  content = await tempArchive({ "2020-03/csf-2020-5.md": NEW_DOC });
  const repealed = path.join(content, "2019-01/csf-2019-1.md");
  await git(["init", "-q", "-b", "main"]);
  await git(["add", "."]);
  await git(["commit", "-q", "-m", "收录2019年第1期、2020年第3期"], "2020-09-01T10:00:00+08:00");
  const text = await readFile(repealed, "utf8");
  await writeFile(repealed, text.replace("page: 1\n", "page: 1\nrepealedBy: \"测政发〔2020〕5号\"\n"));
  await git(["commit", "-q", "-am", "测政发〔2019〕1号：标注废止文件"], "2021-03-15T09:30:00+08:00");
  site = await renderSite(content, "2026-11-29");
});

after(test, async () => {
  await rm(content, { recursive: true, force: true });
});

test("a cited number of the archive links to its document, and that document lists the citing one (被引用)", async () => {
  const citing = await page("2020/3/csf-2020-5");
  assert.match(citing, '（<a href="/2019/1/csf-2019-1/" class="citation">测政发[2019]1号</a>）');
  const cited = await page("2019/1/csf-2019-1");
  assert.match(cited, /<dt data-pagefind-ignore>被引用<\/dt><dd data-pagefind-ignore><a href="\/2020\/3\/csf-2020-5\/">测试市人民政府关于废止部分文件的决定<\/a>（测政发〔2020〕5号）<\/dd>/);
});

test("numbers outside the archive stay text and are listed as 依据文件; a withheld document counts as outside", async () => {
  const citing = await page("2020/3/csf-2020-5");
  assert.match(citing, /<dt data-pagefind-ignore>依据文件<\/dt><dd data-pagefind-ignore>测政办发〔2019〕9号、鲁政发〔2016〕20号<\/dd>/);
  assert.not.match(citing, /href="\/2019\/1\/withheld\//);
  const all = [...site.values()].join("\n");
  assert.not.match(all, "不予公开的机密文件标题", "the withheld document's title reaches no output");
  assert.not.match(all, "尚未发布的草稿文件标题", "nor the draft's");
});

test("a repealed document links to the one that repealed it, and that one back, with status 已废止 for the as-of date", async () => {
  const repealed = await page("2019/1/csf-2019-1");
  assert.match(repealed, /<span data-pagefind-filter="有效性">已废止<\/span><span class="muted">（已被测政发〔2020〕5号废止；状态截至2026年11月29日）<\/span>/);
  assert.match(repealed, /<dt data-pagefind-ignore>废止文件<\/dt><dd data-pagefind-ignore><a href="\/2020\/3\/csf-2020-5\/" title="测试市人民政府关于废止部分文件的决定">测政发〔2020〕5号<\/a><\/dd>/);
  assert.match(repealed, /"legislationLegalForce":"https:\/\/schema.org\/NotInForce"/);
  const repealing = await page("2020/3/csf-2020-5");
  assert.match(repealing, /<dt data-pagefind-ignore>本文件废止<\/dt><dd data-pagefind-ignore><a href="\/2019\/1\/csf-2019-1\/">测试市人民政府关于印发2019年工作要点的通知<\/a>（测政发〔2019〕1号）<\/dd>/);
  assert.match(repealing, /未标注<span class="muted">（未标注有效期或废止、修改信息；状态截至2026年11月29日）/);
});

test("data/citations.json holds the citation graph with in-archive flags", async () => {
  const data = citationsFileSchema.parse(JSON.parse(site.get("/data/citations.json")!));
  assert.is(data.asOf, "2026-11-29");
  assert.equal(
    data.citations.map((c) => [c.from.join(), c.to, c.toUrl, c.inArchive]),
    [
      ["测政发〔2020〕5号", "测政发〔2019〕1号", "/2019/1/csf-2019-1/", true],
      ["测政发〔2020〕5号", "测政办发〔2019〕9号", null, false],
      ["测政发〔2020〕5号", "鲁政发〔2016〕20号", null, false],
    ],
  );
});

test("each document page shows its 收录日期 and its content changes in Chinese, never a commit subject; data/history.json the same", async () => {
  const repealed = await page("2019/1/csf-2019-1");
  assert.match(repealed, /收录日期：<time datetime="2020-09-01">2020年9月1日<\/time>/);
  assert.match(repealed, /<li><time datetime="2021-03-15">2021年3月15日<\/time>　更新有效性信息<\/li>/);
  assert.not.match(repealed, /标注废止文件|收录2019年第1期/, "no commit subject on the page");
  const history = historyFileSchema.parse(JSON.parse(site.get("/data/history.json")!));
  assert.ok(history.available);
  const entry = history.documents.find((d) => d.url === "/2019/1/csf-2019-1/")!;
  assert.is(entry.added, "2020-09-01");
  assert.equal(entry.changes, [{ date: "2021-03-15", description: "更新有效性信息" }]);
  assert.not.ok(history.documents.some((d) => d.url.includes("withheld") || d.url.includes("draft")), "no history of unpublished documents");
});

test("reads the history of a whole folder in one git log, paths relative to the folder", async () => {
  const h = await readGitHistory(path.join(content, "2019-01"));
  assert.ok(h.available);
  if (h.available) assert.equal(h.files.get("csf-2019-1.md"), { added: "2020-09-01", revisions: [{ date: "2021-03-15", description: "更新有效性信息" }] });
  const parsed = parseGitLog("\x1eb\x1f2021-01-02\x1fsecond\n\n修订说明：更正错字\n\x1f\nM\ta.md\n\x1ea\x1f2021-01-01\x1ffirst\n\x1f\nA\ta.md\nA\tb.md\n");
  assert.equal(parsed.map((c) => [c.commit, c.note, c.changes.map((x) => `${x.status} ${x.path}`)]), [["b", "更正错字", ["M a.md"]], ["a", "", ["A a.md", "A b.md"]]]);
});

test("outside a git checkout the history is unavailable, and the build says so", async () => {
  const plain = await tempArchive();
  try {
    assert.equal(await readGitHistory(plain), { available: false, reason: "not a git checkout" });
    const rendered = await renderSite(plain);
    assert.match(rendered.get("/2019/1/csf-2019-1/")!, "修订记录不可用");
    const history = JSON.parse(rendered.get("/data/history.json")!);
    assert.equal(history, { available: false, reason: "not a git checkout", documents: [] });
  } finally {
    await rm(plain, { recursive: true, force: true });
  }
});

test.run();
