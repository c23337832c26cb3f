import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathExists } from "../../src/util/index.ts";

test("tells whether a file or folder exists, and false for a path through a file", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-exists-"));
  const file = path.join(dir, "a.txt");
  await writeFile(file, "x");
  assert.is(await pathExists(dir), true);
  assert.is(await pathExists(file), true);
  assert.is(await pathExists(path.join(dir, "missing")), false);
  assert.is(await pathExists(path.join(file, "inside")), false);
  await rm(dir, { recursive: true, force: true });
});

test("does not hide other file-system errors", async () => {
  let thrown: unknown = null;
  try {
    await pathExists("bad\0name");
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown instanceof Error, "a path with a NUL byte is an error, not a missing file");
});

test.run();
