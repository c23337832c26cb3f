import { test } from "uvu";
import * as assert from "uvu/assert";
import { rm } from "node:fs/promises";
import path from "node:path";
import { loadArchive, type Finding } from "../../src/content/index.ts";
import { documentText, FIXTURE_ARCHIVE, tempArchive } from "../helpers/temp-archive.ts";

async function findingsFor(files: Record<string, string>): Promise<Finding[]> {
  const dir = await tempArchive(files);
  try {
    return (await loadArchive(dir, dir)).findings;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("loads the fixture archive: issues newest first, documents in table-of-contents order", async () => {
  const { archive, findings } = await loadArchive(FIXTURE_ARCHIVE, FIXTURE_ARCHIVE);
  assert.equal(findings, []);
  assert.ok(archive);
  assert.equal(archive!.issues.map((i) => i.key), ["2020-03", "2019-01"]);
  const issue = archive!.issues[1]!;
  assert.is(issue.url, "/2019/1/");
  assert.is(issue.label, "2019年第1期");
  assert.equal(issue.documents.map((d) => d.slug), ["csf-2019-1", "draft", "csbf-2019-3", "csbf-2019-2", "withheld"]);
  const doc = issue.documents.find((d) => d.slug === "csbf-2019-2")!;
  assert.equal(doc.issuers, ["测试市人民政府办公室", "测试市卫生健康局"]);
  assert.is(doc.url, "/2019/1/csbf-2019-2/");
  assert.is(doc.sourcePath, "2019-01/csbf-2019-2.md");
  assert.is(doc.date, "2019-01-01");
});

const A = "2019-01/new.md";

// The table of bad inputs and the findings they produce is in checks.test.ts.

test("a content folder with errors yields no archive", async () => {
  const dir = await tempArchive({ [A]: documentText({ date: "2019-02-30" }) });
  const { archive } = await loadArchive(dir, dir);
  assert.is(archive, null);
  await rm(dir, { recursive: true, force: true });
});

test("a document may leave out 成文日期 when the source gives none", async () => {
  const dir = await tempArchive({ [A]: documentText({ date: undefined, docNumber: '"测政发〔2019〕8号"' }) });
  const { archive, findings } = await loadArchive(dir, dir);
  assert.ok(archive, findings.map((f) => f.message).join("; "));
  const doc = archive!.issues.flatMap((i) => i.documents).find((d) => d.slug === "new")!;
  assert.is(doc.date, undefined);
  await rm(dir, { recursive: true, force: true });
});

test("finding paths are relative to the given root", async () => {
  const dir = await tempArchive({ [A]: documentText({ date: "2019-02-30" }) });
  const { findings } = await loadArchive(dir, path.dirname(dir));
  assert.ok(findings[0]!.file.startsWith(path.basename(dir) + "/2019-01/new.md"));
  await rm(dir, { recursive: true, force: true });
});

test.run();
