/**
 * `npx tsx scripts/stress-builds.ts [--rounds 50] [--content DIR] [--timeout 600]`: runs N rounds
 * of two simultaneous `npm run build` (scripts/build.ts) of one content folder into one temporary
 * output folder, and counts hangs (a build still running after --timeout seconds is killed),
 * failed builds and raw errors (a stack trace or a Node error code such as ENOTEMPTY in what a
 * build printed). After every round the output must be a complete site and no lock may be left.
 * A reliability check, not a test: heavy, never part of `npm test`. Default content: the test
 * fixture archive.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { lockFileOf } from "../src/build/output-lock.ts";
import { parseCliArgs } from "../src/util/index.ts";

const { values } = parseCliArgs({ options: { rounds: { type: "string", default: "50" }, content: { type: "string", default: "test/fixtures/archive" }, timeout: { type: "string", default: "600" } } }, "npx tsx scripts/stress-builds.ts [--rounds 50] [--content DIR] [--timeout 600]");
const rounds = Number(values.rounds);
const timeoutMs = Number(values.timeout) * 1000;
const work = await mkdtemp(path.join(tmpdir(), "gazette-stress-"));
const out = path.join(work, "_site");
const RAW = /\n\s+at |ENOTEMPTY|ENOENT|EEXIST|Error:|panicked/;

interface Outcome { code: number | null; hung: boolean; output: string; ms: number }

function build(): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--expose-gc", "scripts/build.ts", "--content", path.resolve(values.content), "--output", out], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (b: Buffer) => (output += b.toString()));
    child.stderr.on("data", (b: Buffer) => (output += b.toString()));
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, hung, output, ms: Date.now() - started });
    });
  });
}

const totals = { builds: 0, hangs: 0, failed: 0, raw: 0, waited: 0, incomplete: 0, lockLeft: 0 };
try {
  for (let round = 1; round <= rounds; round++) {
    const results = await Promise.all([build(), build()]);
    for (const r of results) {
      totals.builds++;
      if (r.hung) totals.hangs++;
      else if (r.code !== 0) totals.failed++;
      if (RAW.test(r.output)) totals.raw++;
      if (/等待它结束/.test(r.output)) totals.waited++;
      if (r.hung || r.code !== 0 || RAW.test(r.output)) console.log(`round ${round}: exit ${r.code}${r.hung ? " (hung, killed)" : ""}\n${r.output}`);
    }
    if (!existsSync(path.join(out, "pagefind/pagefind-entry.json")) || !existsSync(path.join(out, "index.html"))) totals.incomplete++;
    if (existsSync(lockFileOf(out))) totals.lockLeft++;
    console.log(`round ${round}/${rounds}: ${results.map((r) => `${r.hung ? "hung" : `exit ${r.code}`} ${(r.ms / 1000).toFixed(1)} s`).join(", ")}`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
console.log(JSON.stringify({ rounds, ...totals }));
process.exit(totals.hangs + totals.failed + totals.raw + totals.incomplete + totals.lockLeft > 0 ? 1 : 0);
