import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./temp-archive.ts";

/** Runs uvu, as `npm test` does, on one suite of `test/fixtures/hooks/`. */
function runSuite(name: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "node_modules/uvu/bin.js"), "test/fixtures/hooks", `^${name}\\.suite\\.ts$`, "--color", "false"], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test("a suite whose hooks succeed passes (the control)", () => {
  const { status, output } = runSuite("passing");
  assert.is(status, 0, output);
  assert.match(output, /Passed:\s+1/);
});

test("a throwing before hook fails every test of its suite and the run", () => {
  const { status, output } = runSuite("throwing-before");
  assert.is.not(status, 0, output);
  assert.match(output, /Passed:\s+0/);
  assert.match(output, /fixture setup broke/);
});

test("a throwing after hook fails the run, and the suites after it still run", () => {
  const { status, output } = runSuite("throwing-after");
  assert.is.not(status, 0, output);
  assert.match(output, /fixture teardown broke/);
  assert.match(output, /next suite ran/);
  assert.match(output, /Passed:\s+2/);
});

test.run();
