import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";
import { parseCliArgs } from "../../src/util/index.ts";

const run = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", ...args], { cwd: PROJECT_ROOT, encoding: "utf8" });

test("parseCliArgs returns the options it is given", () => {
  const { values } = parseCliArgs({ options: { full: { type: "boolean", default: false }, output: { type: "string" } } }, "x", ["--full", "--output", "out"]);
  assert.equal({ ...values }, { full: true, output: "out" });
});

test("a mistyped option or a forgotten -- gets the problem and the usage, exit 2, no stack trace; --help the usage", () => {
  for (const args of [["--bogus"], ["/gazette/"]]) {
    const r = run(args);
    assert.is(r.status, 2, r.stderr);
    assert.match(r.stderr, /用法：npm run build/);
    assert.match(r.stderr, /不认识的选项 --bogus|多余的参数“\/gazette\/”/);
    assert.not.match(r.stderr, /^\s+at /m, `no stack trace: ${r.stderr}`);
  }
  const help = run(["--help"]);
  assert.is(help.status, 0);
  assert.match(help.stdout, /用法：npm run build \[-- --full\]/);
  assert.match(run(["--help", "--lang", "en"]).stdout, /^Usage: npm run build/);
});

test.run();
