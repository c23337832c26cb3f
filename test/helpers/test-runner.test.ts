import { test } from "uvu";
import * as assert from "uvu/assert";
import { fork, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "./temp-archive.ts";
import { RESULT_MARK, type FileResult } from "../../scripts/test-protocol.ts";

/**
 * `npm test` runs the test files in two worker processes (scripts/test.ts). Its summary must be
 * uvu's, summed over the workers (.ci/run reads it), and any failure in any worker must fail the
 * run: a failed test, a file that does not load or runs no test, a worker that ends early, a failed teardown.
 */
function runTests(dir: string, pattern: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts/test.ts"), "--dir", dir, "--jobs", "2", pattern], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  const output = `${result.stdout}${result.stderr}`;
  const count = (label: string) => Number(new RegExp(`^ *${label}: *(\\d+)`, "m").exec(output)?.[1] ?? NaN);
  return { status: result.status, output, total: count("Total"), passed: count("Passed"), skipped: count("Skipped") };
}

test("passing files in two processes: uvu's summary summed over both, exit status 0; a shared build made once", () => {
  const run = runTests("test/fixtures/runner", "^(passing-[ab]|shared-[ab])\\.suite\\.ts$");
  assert.is(run.status, 0, run.output);
  assert.equal([run.total, run.passed, run.skipped], [5, 5, 1], run.output);
  assert.match(run.output, /4 files, 2 processes/);
  const shared = [...run.output.matchAll(/shared build made by (\d+), read in (\d+)/g)];
  assert.is(shared.length, 2, run.output);
  assert.is(shared[0]![1], shared[1]![1], "one maker");
  assert.is.not(shared[0]![2], shared[1]![2], "read in both processes");
});

test("every kind of failure in either process fails the run, and every file is still counted", () => {
  const run = runTests("test/fixtures/runner", "^(?!shared-).*\\.suite\\.ts$");
  assert.is(run.status, 1, run.output);
  // passing-a 2/2, passing-b 1/1 (+1 skipped), failing 1/2, does-not-load 0/1, exits-early 0/1.
  assert.equal([run.total, run.passed, run.skipped], [7, 4, 1], run.output);
  assert.match(run.output, /fixture assertion failed/);
  assert.match(run.output, /fixture file broke at load/);
  assert.match(run.output, /exits-early\.suite\.ts: its worker ended before the file was done/);
  assert.match(run.output, /never-runs\.suite\.ts: ran no test \(does it end with test\.run\(\)\?\)/);
});

test("through the runner, a throwing before hook and a throwing after hook fail the run", () => {
  const run = runTests("test/fixtures/hooks", "\\.suite\\.ts$");
  assert.is(run.status, 1, run.output);
  assert.match(run.output, /fixture setup broke/);
  assert.match(run.output, /fixture teardown broke/);
  assert.match(run.output, /a suite's teardown failed/);
});

test("a file that never calls test.run() leaks none of its tests into the next file of its worker", async () => {
  const shared = await mkdtemp(path.join(tmpdir(), "gazette-worker-"));
  const worker = fork(path.join(PROJECT_ROOT, "scripts/test-worker.ts"), [shared], { cwd: PROJECT_ROOT, execArgv: ["--import", "tsx"], stdio: ["ignore", "pipe", "inherit", "ipc"], env: { ...process.env, FORCE_COLOR: "0" } });
  try {
    let out = "";
    const results: FileResult[] = [];
    const files = ["never-runs.suite.ts", "passing-b.suite.ts"];
    let sent = false;
    const done = new Promise<void>((resolve, reject) => {
      worker.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        for (const m of out.matchAll(new RegExp(`${RESULT_MARK}(.*)\\n`, "g"))) if (!results.some((r) => r.name === JSON.parse(m[1]!).name)) results.push(JSON.parse(m[1]!) as FileResult);
        if (results.length === files.length) resolve();
        else if (results.length === 1 && !sent) {
          sent = true;
          worker.send({ file: path.join(PROJECT_ROOT, "test/fixtures/runner", files[1]!), name: files[1]! });
        }
      });
      worker.once("exit", (code) => reject(new Error(`the worker ended (${code}) before both files were done:\n${out}`)));
    });
    worker.send({ file: path.join(PROJECT_ROOT, "test/fixtures/runner", files[0]!), name: files[0]! });
    await done;
    assert.equal(results.map((r) => [r.name, r.total, r.passed, r.skipped, r.failed]), [
      ["never-runs.suite.ts", 0, 0, 0, false],
      ["passing-b.suite.ts", 1, 1, 1, false],
    ], out);
    assert.not.match(out, /fixture test that should never run/);
  } finally {
    worker.kill();
    await rm(shared, { recursive: true, force: true });
  }
});

test.run();
