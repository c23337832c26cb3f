import { test } from "uvu";
import * as assert from "uvu/assert";
import { rm } from "node:fs/promises";
import path from "node:path";
import { loadArchive, publicationSummary } from "../../src/content/index.ts";
import { documentText, tempArchive } from "../helpers/temp-archive.ts";

test("npm run check names each document the site leaves out or lists without its text", async () => {
  const dir = await tempArchive({ "2019-01/draft.md": documentText({ docNumber: '"测政发〔2019〕77号"', publication: "draft" }) });
  try {
    const { archive } = await loadArchive(dir, dir);
    assert.ok(archive, "the fixture archive loads");
    const docs = archive!.issues.flatMap((i) => i.documents);
    const kept = docs.filter((d) => d.publication === "public").length;
    const { zh, en } = publicationSummary(archive!);
    const lines = zh.split("\n");
    assert.is(lines[0], `共 ${archive!.issues.length} 期、${docs.length} 篇文件，其中 ${kept} 篇公开全文。`);
    const others = docs.filter((d) => d.publication !== "public");
    assert.is(lines.length, 1 + others.length, zh);
    assert.ok(lines.some((l) => l.includes(path.join("2019-01", "draft.md")) && l.includes("草稿（draft），不会出现在网站")), zh);
    for (const d of others) assert.ok(lines.some((l) => l.includes(d.sourcePath)), `${d.sourcePath} is named`);
    assert.match(en, /draft: left out of the site and every output/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
