import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CLIENT_DIR, copyClientFiles } from "../../src/site/index.ts";

test("copies the text-size script and the favicon, not the TypeScript sources, to assets/", async () => {
  const out = await mkdtemp(path.join(tmpdir(), "gazette-client-"));
  try {
    const names = await copyClientFiles(out);
    assert.ok(names.includes("text-size.js"));
    assert.ok(names.includes("favicon.svg"));
    assert.equal((await readdir(path.join(out, "assets"))).sort(), names);
    assert.not.ok(names.some((n) => n.endsWith(".ts")));
    assert.is(await readFile(path.join(out, "assets/text-size.js"), "utf8"), await readFile(path.join(CLIENT_DIR, "text-size.js"), "utf8"));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test.run();
