import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/index.ts";
import { codeFingerprint, pageManifestPath, planPages, readPageManifest } from "../../src/site/page-reuse.ts";
import { FIXTURE_ARCHIVE, PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";
import { readIndexContents } from "../helpers/pagefind-index.ts";
import type { PublishedSite } from "../../src/site/publishing.ts";

// A rebuild takes unchanged document, issue and print pages from the previous output (see
// src/site/page-reuse.ts). The proof that this is safe: after edits, a rebuild that reuses pages
// writes exactly the bytes a full build of the same content writes.

/** Builds with the search index only when `search` (the suites about pages skip Pagefind's time). */
async function build(content: string, outputDir: string, reusePages = true, search = true) {
  const result = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir, reusePages, search });
  assert.ok(result.ok, result.error);
  return result;
}

/** `diff -r` of two folders: "" when every file is the same. */
function differences(a: string, b: string): string {
  try {
    return execFileSync("diff", ["-rq", a, b], { encoding: "utf8" });
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err);
  }
}

test("a rebuild after adding an issue and editing a document reuses the other pages and writes what a full build writes", async () => {
  const content = await mkdtemp(path.join(tmpdir(), "gazette-reuse-"));
  const out = await mkdtemp(path.join(tmpdir(), "gazette-reuse-out-"));
  try {
    await cp(FIXTURE_ARCHIVE, content, { recursive: true, filter: (src) => !src.includes("2020-03") });
    const first = await build(content, path.join(out, "site"));
    assert.is(first.pages?.reused, 0, "nothing to reuse on the first build");
    const again = await build(content, path.join(out, "site"));
    assert.is(again.pages?.reused, again.pages?.pages, "an unchanged archive reuses every page");

    await cp(path.join(FIXTURE_ARCHIVE, "2020-03"), path.join(content, "2020-03"), { recursive: true });
    const file = path.join(content, "2019-01/csbf-2019-2.md");
    await writeFile(file, (await readFile(file, "utf8")).replace(/\n*$/, "\n\n编者补充的一段。\n"));
    const rebuilt = await build(content, path.join(out, "site"));
    const { pages, reused } = rebuilt.pages!;
    // Re-rendered: the new issue's pages, the edited document's page and print view, and 2019-01's
    // issue page and print view (they list the edited document; the issue page also links to the new issue).
    assert.ok(reused > 0 && reused < pages, `some pages reused: ${reused} of ${pages}`);
    assert.ok((await readFile(path.join(out, "site/2019/1/csbf-2019-2/index.html"), "utf8")).includes("编者补充的一段"), "the edited document is rebuilt");
    assert.ok((await readFile(path.join(out, "site/print/2019-01/index.html"), "utf8")).includes("编者补充的一段"), "its issue's print view is rebuilt");

    await build(content, path.join(out, "full"), false);
    assert.is(differences(path.join(out, "site"), path.join(out, "full")), "", "the rebuild writes the same files as a full build");
  } finally {
    await rm(content, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  }
});

test("a changed archive setting, a removed page file or a lost manifest makes the pages render again", async () => {
  const content = await tempArchive();
  const out = await mkdtemp(path.join(tmpdir(), "gazette-reuse-out-"));
  const site = path.join(out, "site");
  try {
    const first = await build(content, site, true, false);
    const all = first.pages!.pages;
    const settings = path.join(content, "archive.yml");
    // The publisher, not the title: a new title needs every issue.yml's gazette: renamed too (one archive, one gazette).
    await writeFile(settings, (await readFile(settings, "utf8")).replace(/^publisher: .*$/m, "publisher: 改名后的主办单位"));
    assert.is((await build(content, site, true, false)).pages?.reused, 0, "a new archive publisher is on every page");
    assert.ok((await readFile(path.join(site, "2019/1/csf-2019-1/index.html"), "utf8")).includes("改名后的主办单位"));

    await rm(path.join(site, "2019/1/csf-2019-1/index.html"));
    assert.is((await build(content, site, true, false)).pages?.reused, all - 1, "a page missing from the output is rendered again");
    assert.ok((await stat(path.join(site, "2019/1/csf-2019-1/index.html"))).isFile());

    await rm(pageManifestPath(site));
    assert.is((await build(content, site, true, false)).pages?.reused, 0, "without the manifest nothing is reused");
    assert.is((await build(content, site, false, false)).pages?.reused, 0, "--full renders every page");
    const manifest = await readPageManifest(pageManifestPath(site));
    assert.ok(manifest, "a full build still leaves the manifest for the next one");
    assert.equal(Object.keys(manifest!), ["format", "pages"], "fingerprints only: no file stamps");
    await writeFile(pageManifestPath(site), JSON.stringify({ ...manifest, format: 2 }));
    assert.is((await build(content, site, true, false)).pages?.reused, 0, "a manifest of another format is not trusted");
  } finally {
    await rm(content, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  }
});

test("a document withheld after it was published leaves the site and the search index on the next rebuild", async () => {
  const content = await tempArchive();
  const out = await mkdtemp(path.join(tmpdir(), "gazette-reuse-out-"));
  const site = path.join(out, "site");
  try {
    await build(content, site);
    const page = path.join(site, "2019/1/csbf-2019-2/index.html");
    const title = (/<h1 class="document__title"[^>]*>([^<]+)</u.exec(await readFile(page, "utf8")) ?? [])[1]!;
    assert.ok(title, "the document is published at first");
    const file = path.join(content, "2019-01/csbf-2019-2.md");
    await writeFile(file, (await readFile(file, "utf8")).replace(/^publication: .*$/m, "publication: withheld"));
    const rebuilt = await build(content, site);
    assert.ok(rebuilt.pages!.reused > 0, "other pages are reused");
    for (const gone of [page, path.join(site, "print/2019-01/csbf-2019-2/index.html")]) {
      assert.not.ok(await stat(gone).then(() => true, () => false), `${gone} is gone`);
    }
    const grep = (() => {
      try {
        return execFileSync("grep", ["-rlF", title, site], { encoding: "utf8" });
      } catch (err) {
        return String((err as { stdout?: string }).stdout ?? "");
      }
    })();
    assert.is(grep, "", "no page, print view, feed or data file names it");
    const index = await readIndexContents(path.join(site, "pagefind"));
    assert.ok(index.urls.length > 0 && !index.urls.includes("/2019/1/csbf-2019-2/"), `not in the search index: ${index.urls.join(" ")}`);
  } finally {
    await rm(content, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  }
});

test("a failed build keeps the manifest of the output it leaves in place", async () => {
  const content = await tempArchive();
  const out = await mkdtemp(path.join(tmpdir(), "gazette-reuse-out-"));
  const site = path.join(out, "site");
  try {
    await build(content, site, true, false);
    const before = await readFile(pageManifestPath(site), "utf8");
    const file = path.join(content, "2019-01/csf-2019-1.md");
    await writeFile(file, (await readFile(file, "utf8")).replace(/^date: .*$/m, "date: 2019-02-30"));
    assert.not.ok((await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: site, search: false })).ok);
    assert.is(await readFile(pageManifestPath(site), "utf8"), before);
  } finally {
    await rm(content, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  }
});

test("the code fingerprint changes with any file that renders pages", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "gazette-code-"));
  try {
    await cp(path.join(PROJECT_ROOT, "_includes"), path.join(root, "_includes"), { recursive: true });
    await writeFile(path.join(root, "eleventy.config.ts"), "export default 1;\n");
    const before = await codeFingerprint(root);
    assert.is(await codeFingerprint(root), before, "stable");
    const layout = path.join(root, "_includes/layouts/document.njk");
    await writeFile(layout, `${await readFile(layout, "utf8")}\n`);
    assert.is.not(await codeFingerprint(root), before, "a layout edit");
    await writeFile(layout, (await readFile(layout, "utf8")).replace(/\n$/, ""));
    assert.is(await codeFingerprint(root), before, "back to the same bytes");
    await mkdir(path.join(root, "src/dev/bench"), { recursive: true });
    await writeFile(path.join(root, "src/dev/bench/report.ts"), "export {};\n");
    assert.is(await codeFingerprint(root), before, "developer tooling (src/dev/) renders no page");
    await writeFile(path.join(root, "package-lock.json"), "{}");
    assert.is.not(await codeFingerprint(root), before, "another lock file");
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("planPages keeps a page only when its fingerprint and file match", () => {
  const doc = { url: "/2019/1/a/", slug: "a", issue: { key: "2019-01" }, html: "<p>甲</p>" };
  const issue = { key: "2019-01", url: "/2019/1/", documents: [doc], sections: [{ name: "文件", documents: [doc] }] };
  const site = { settings: { title: "公报" }, asOfLabel: "2026年11月29日", documents: [doc], issues: [issue], documentHeads: { [doc.url]: { jsonLd: "{}" } } } as unknown as PublishedSite;
  const context = { code: "c", pathPrefix: "/" };
  const first = planPages(site, context, null);
  const files = Object.keys(first.manifest.pages).sort();
  assert.equal(files, ["2019/1/a/index.html", "2019/1/index.html", "print/2019-01/a/index.html", "print/2019-01/index.html"]);
  assert.is(first.render.documents.length, 1);
  const all = (f: string) => files.includes(f);
  const same = planPages(site, context, first.manifest, all);
  assert.equal(same.reuse, files);
  assert.equal([same.render.documents.length, same.render.printDocuments.length, same.render.issues.length, same.render.printIssues.length], [0, 0, 0, 0]);
  assert.is(planPages(site, { ...context, pathPrefix: "/gazette/" }, first.manifest, all).reuse.length, 0, "another path prefix");
  const asOf = planPages({ ...site, asOfLabel: "2027年1月1日" } as PublishedSite, context, first.manifest, all);
  assert.equal(asOf.reuse, ["2019/1/index.html", "print/2019-01/a/index.html", "print/2019-01/index.html"], "the as-of date is shown on document pages only");
  const edited = { ...doc, html: "<p>乙</p>" };
  const site2 = { ...site, documents: [edited], issues: [{ ...issue, documents: [edited], sections: [{ name: "文件", documents: [edited] }] }] } as unknown as PublishedSite;
  assert.equal(planPages(site2, context, first.manifest, all).reuse, [], "a new text changes the document's pages and its issue's");
  const missing = (f: string) => f !== "2019/1/a/index.html";
  assert.equal(planPages(site, context, first.manifest, missing).render.documents, [doc]);
});

test.run();
