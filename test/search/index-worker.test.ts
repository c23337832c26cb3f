import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { indexInChild, searchJobsFromEnv } from "../../src/search/index.ts";
import { after, before } from "../helpers/hooks.ts";

let dir = "";
before(test, async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gazette-worker-"));
  await mkdir(path.join(dir, "site/2019/1/a"), { recursive: true });
  await writeFile(path.join(dir, "site/2019/1/a/index.html"), '<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><main data-pagefind-body><h1>关于加强安全生产工作的通知</h1><p>各镇人民政府要落实安全生产责任。</p></main></body></html>');
  await writeFile(path.join(dir, "not-a-folder"), "x");
});
after(test, async () => {
  await rm(dir, { recursive: true, force: true });
});

test("a child process indexes the pages into a Pagefind bundle", async () => {
  const errors = await indexInChild(path.join(dir, "site"), "2019/1/*/index.html", path.join(dir, "bundle"));
  assert.equal(errors, []);
  const files = await readdir(path.join(dir, "bundle"));
  assert.ok(files.includes("pagefind-entry.json") && files.some((f) => f.endsWith(".pf_meta")), files.join(" "));
  assert.equal(await readdir(path.join(dir, "bundle/fragment")).then((f) => f.length), 1);
});

test("Pagefind's errors come back from the child instead of a crash", async () => {
  const errors = await indexInChild(path.join(dir, "site"), "2019/1/*/index.html", path.join(dir, "not-a-folder", "bundle"));
  assert.ok(errors.length > 0, "writing under a regular file must fail");
});

test("shards indexed at once: GAZETTE_SEARCH_JOBS, else one", () => {
  assert.is(searchJobsFromEnv(undefined), 1);
  assert.is(searchJobsFromEnv(""), 1);
  assert.is(searchJobsFromEnv("3"), 3);
  assert.throws(() => searchJobsFromEnv("0"), /whole number/u);
  assert.throws(() => searchJobsFromEnv("two"), /whole number/u);
});

test.run();
