import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { removeInBackground } from "../../src/build/remove-in-background.ts";

test("removeInBackground moves the folder out of the way at once and a child process removes it", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-remove-"));
  try {
    const folder = path.join(dir, `_site.previous-${process.pid}`);
    for (let i = 0; i < 50; i++) {
      await mkdir(path.join(folder, String(i)), { recursive: true });
      await writeFile(path.join(folder, String(i), "index.html"), "x");
    }
    await removeInBackground(folder);
    const names = await readdir(dir);
    assert.not.ok(names.includes(path.basename(folder)), "the folder is renamed before the call returns");
    assert.equal(names.length <= 1 && names.every((n) => /^_site\.previous-\d+$/u.test(n)), true, `named after the removing process: ${names}`);
    const end = Date.now() + 20_000;
    while ((await readdir(dir)).length > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await readdir(dir), [], "and removed");
    await removeInBackground(path.join(dir, `_site.previous-${process.pid}`)); // no folder: nothing to do, no error
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
