import { test } from "uvu";
import * as assert from "uvu/assert";
import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeBenchArchive } from "../../src/dev/bench/index.ts";
import { loadArchive } from "../../src/content/index.ts";
import { generateCorpus } from "../../src/dev/search-eval/index.ts";
import { after, before } from "../helpers/hooks.ts";

let dir = "";

before(test, async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gazette-parallel-load-"));
  await writeBenchArchive(dir, 700, generateCorpus(60));
});
after(test, async () => {
  await rm(dir, { recursive: true, force: true });
});

test("an archive of many issues is read the same, finding for finding, with content workers and without", async () => {
  const folders = (await readdir(dir)).filter((n) => /^\d{4}-\d{2}$/.test(n));
  assert.ok(folders.length >= 30, `${folders.length} issue folders, several chunks for each thread`);
  const serial = await loadArchive(dir, dir, { workers: 0 });
  const parallel = await loadArchive(dir, dir, { workers: 1 });
  assert.ok(serial.archive, "the generated archive is valid");
  assert.is(JSON.stringify(parallel), JSON.stringify(serial));
});

test("rules across files still see every issue when issues are read by different threads", async () => {
  const folders = (await readdir(dir)).filter((n) => /^\d{4}-\d{2}$/.test(n)).sort();
  const [first, last] = [folders[0]!, folders.at(-1)!];
  // The first issue's first document copied into the last issue: its number is then used twice,
  // by files that different threads read (the first and the last chunk).
  await cp(path.join(dir, first, "wj-01.md"), path.join(dir, last, "wj-99.md"));
  await writeFile(path.join(dir, folders[10]!, "wj-02.md"), "---\ntitle: [未闭合\n---\n正文\n");
  await writeFile(path.join(dir, folders[20]!, "scan.txt"), "扫描件");
  const serial = await loadArchive(dir, dir, { workers: 0 });
  const parallel = await loadArchive(dir, dir, { workers: 1 });
  assert.is(parallel.archive, null);
  assert.ok(parallel.findings.some((f) => f.file === `${last}/wj-99.md` && /已被 .* 使用/.test(f.message)), "the duplicate number is found");
  assert.ok(parallel.findings.some((f) => f.file === `${folders[10]}/wj-02.md` && /YAML/.test(f.message)));
  assert.equal(parallel.findings, serial.findings);
});

test.run();
