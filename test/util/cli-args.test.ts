import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseCliArgs } from "../../src/util/index.ts";
import { runScripts } from "../helpers/run-scripts.ts";

// `npm run build`'s own argument handling, run in one process for the four cases
// (test/helpers/run-scripts.ts); real `npm run build` processes run in test/build/build-faults.test.ts.
const run = async (...cases: string[][]) => await runScripts(cases.map((args) => ({ script: "build.ts", args })));

test("parseCliArgs returns the options it is given", () => {
  const { values } = parseCliArgs({ options: { full: { type: "boolean", default: false }, output: { type: "string" } } }, "x", ["--full", "--output", "out"]);
  assert.equal({ ...values }, { full: true, output: "out" });
});

test("a mistyped option or a forgotten -- gets the problem and the usage, exit 2, no stack trace; --help the usage", async () => {
  const [bogus, stray, help, english] = await run(["--bogus"], ["/gazette/"], ["--help"], ["--help", "--lang", "en"]);
  for (const r of [bogus!, stray!]) {
    assert.is(r.code, 2, r.stderr);
    assert.match(r.stderr, /用法：npm run build/);
    assert.match(r.stderr, /不认识的选项 --bogus|多余的参数“\/gazette\/”/);
    assert.not.match(r.stderr, /^\s+at /m, `no stack trace: ${r.stderr}`);
  }
  assert.is(help!.code, 0);
  assert.match(help!.stdout, /用法：npm run build \[-- --full\]/);
  assert.match(english!.stdout, /^Usage: npm run build/);
});

test.run();
