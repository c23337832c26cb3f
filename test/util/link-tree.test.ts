import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { linkTree } from "../../src/util/index.ts";
import { after, before } from "../helpers/hooks.ts";

let dir = "";
before(test, async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gazette-link-tree-"));
  await mkdir(path.join(dir, "from", "index", "deep"), { recursive: true });
  await mkdir(path.join(dir, "from", "empty"), { recursive: true });
  await writeFile(path.join(dir, "from", "entry.json"), "{}");
  await writeFile(path.join(dir, "from", "index", "a.pf_index"), "a");
  await writeFile(path.join(dir, "from", "index", "deep", "b.pf_index"), "b");
});
after(test, async () => {
  await rm(dir, { recursive: true, force: true });
});

test("recreates every folder and hard-links every file", async () => {
  const to = path.join(dir, "to");
  assert.is(linkTree(path.join(dir, "from"), to), 3);
  for (const file of ["entry.json", "index/a.pf_index", "index/deep/b.pf_index"]) {
    assert.is((await stat(path.join(to, file))).ino, (await stat(path.join(dir, "from", file))).ino, file);
  }
  assert.is(await readFile(path.join(to, "index/deep/b.pf_index"), "utf8"), "b");
  assert.ok((await stat(path.join(to, "empty"))).isDirectory());
});

test("refuses to replace a file already at the target", async () => {
  const to = path.join(dir, "taken");
  await mkdir(to, { recursive: true });
  await writeFile(path.join(to, "entry.json"), "mine");
  let error: NodeJS.ErrnoException | null = null;
  try {
    linkTree(path.join(dir, "from"), to);
  } catch (err) {
    error = err as NodeJS.ErrnoException;
  }
  assert.is(error?.code, "EEXIST");
  assert.is(await readFile(path.join(to, "entry.json"), "utf8"), "mine");
});

test.run();
