/**
 * `npm test [-- PATTERN] [--ignore PATTERN] [--jobs N] [--dir DIR]`: runs the test files under
 * test/ (or DIR; uvu's file selection: PATTERN and --ignore are regular expressions on the path
 * under it, as for `uvu test PATTERN -i IGNORE`) in N worker processes (default 2, at most the machine's cores),
 * each running one file at a time with uvu (scripts/test-worker.ts). The longest files are handed
 * out first (durations of the last run, kept in node_modules/.cache/gazette-test/, beside each
 * file's CPU time in cpu.json). The workers' temporary folder (TMPDIR) is inside the run's folder, so
 * nothing a suite leaves there outlives the run. Builds that
 * several suites share are made once per run (test/helpers/shared-build.ts) in a temporary folder
 * removed at the end.
 *
 * Prints each file's uvu report once the file is done, then uvu's summary summed over the workers
 * (`Total:`, `Passed:`, `Skipped:`, `Duration:`; .ci/run reads them). Exit status 1 when a test
 * failed, a file did not load or ran no test, a worker ended early or ended with status ≠ 0.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse } from "uvu/parse";
import { RESULT_MARK, type FileResult } from "./test-protocol.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ignore: { type: "string", short: "i" },
    jobs: { type: "string", short: "j" },
    dir: { type: "string", default: "test" },
  },
});
const root = path.resolve(import.meta.dirname, "..");
const jobs = Math.max(1, Math.min(Number(values.jobs ?? 2) || 1, availableParallelism()));
const { suites } = await parse(values.dir, positionals[0] ?? "\\.test\\.ts$", { cwd: root, ...(values.ignore ? { ignore: values.ignore } : {}) });

const cacheFile = path.join(root, "node_modules/.cache/gazette-test/durations.json");
const durations: Record<string, number> = (() => {
  try {
    return JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
})();
/** A file never timed: by how much it builds, prints, spawns or browses, then by its size. */
const guess = (file: string): number => {
  const text = readFileSync(file, "utf8");
  return 10_000 * (text.match(/buildSite\(|sampleSite\(|samplePdf\(|launchChromium\(|spawn\(|execFile|startServer\(/g)?.length ?? 0) + text.length;
};
const key = (file: string) => path.relative(root, file).split(path.sep).join("/");
const queue = suites.map((s) => ({ ...s, weight: durations[key(s.file)] ?? guess(s.file) })).sort((a, b) => b.weight - a.weight);

const shared = mkdtempSync(path.join(tmpdir(), "gazette-test-run-"));
// The workers' temporary folder (TMPDIR, so os.tmpdir() and Chromium's profiles) lies inside the
// run's folder: whatever a suite leaves beside its temporary output (search caches, page manifests)
// goes with the run.
const workerTmp = path.join(shared, "tmp");
mkdirSync(workerTmp);
const started = performance.now();
const results: FileResult[] = [];
const problems: string[] = [];

/** Starts a worker and feeds it files until the queue is empty; resolves when it has exited. */
function worker(): Promise<void> {
  return new Promise((resolve) => {
    const child: ChildProcess = fork(path.join(root, "scripts/test-worker.ts"), [shared], {
      cwd: root,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "pipe", "inherit", "ipc"],
      env: { ...process.env, TMPDIR: workerTmp, ...(process.stdout.isTTY ? { FORCE_COLOR: "1" } : {}) },
    });
    let current: (typeof queue)[number] | undefined;
    let buffer = "";
    const next = () => {
      current = queue.shift();
      child.send(current ? { file: current.file, name: current.name } : { done: true });
    };
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      buffer += chunk;
      for (let at = buffer.indexOf(RESULT_MARK); at >= 0; at = buffer.indexOf(RESULT_MARK)) {
        const end = buffer.indexOf("\n", at);
        if (end < 0) break;
        const result = JSON.parse(buffer.slice(at + RESULT_MARK.length, end)) as FileResult;
        process.stdout.write(buffer.slice(0, at));
        buffer = buffer.slice(end + 1);
        results.push(result);
        if (result.failed) problems.push(`${result.name}: failed`);
        // uvu runs nothing in a file that never calls test.run(), and says nothing.
        else if (result.total === 0) problems.push(`${result.name}: ran no test (does it end with test.run()?)`);
        next();
      }
    });
    child.on("exit", (code, signal) => {
      process.stdout.write(buffer);
      if (current) {
        problems.push(`${current.name}: its worker ended before the file was done (${signal ?? `status ${code}`})`);
        results.push({ name: current.name, total: 1, passed: 0, skipped: 0, failed: true, ms: 0 });
        current = undefined;
        // The other files still run, in a new worker.
        if (queue.length > 0) return void worker().then(resolve);
      } else if (code !== 0) {
        problems.push(`a worker ended with ${signal ?? `status ${code}`} (a suite's teardown failed: see above)`);
      }
      resolve();
    });
    next();
  });
}

const workers = Math.min(jobs, Math.max(1, queue.length));
try {
  await Promise.all(Array.from({ length: workers }, () => worker()));
} finally {
  rmSync(shared, { recursive: true, force: true });
}

for (const r of results) if (r.ms > 0) durations[key(path.join(root, values.dir, r.name))] = Math.round(r.ms);
mkdirSync(path.dirname(cacheFile), { recursive: true });
/** Written to a new file then renamed: node_modules may be a hard-linked copy shared with other checkouts. */
const replaceFile = (file: string, text: string) => {
  writeFileSync(`${file}.${process.pid}`, text);
  renameSync(`${file}.${process.pid}`, file);
};
replaceFile(cacheFile, JSON.stringify(durations, null, 1));
// CPU per file of this run, most first (for finding what to make cheaper; not read back).
const cpu = results.filter((r) => r.cpuMs !== undefined).sort((a, b) => b.cpuMs! - a.cpuMs!);
replaceFile(path.join(path.dirname(cacheFile), "cpu.json"), JSON.stringify(Object.fromEntries(cpu.map((r) => [r.name, Math.round(r.cpuMs!)])), null, 1));

const sum = (key: "total" | "passed" | "skipped") => results.reduce((n, r) => n + r[key], 0);
const seconds = ((performance.now() - started) / 1000).toFixed(2);
if (problems.length > 0) process.stdout.write(`\n  Problems:\n${problems.map((p) => `    ${p}\n`).join("")}`);
process.stdout.write(`\n  Total:     ${sum("total")}\n  Passed:    ${sum("passed")}\n  Skipped:   ${sum("skipped")}\n  Duration:  ${seconds}s (${results.length} files, ${workers} processes)\n\n`);
process.exitCode = problems.length > 0 || sum("passed") + sum("skipped") < sum("total") ? 1 : 0;
