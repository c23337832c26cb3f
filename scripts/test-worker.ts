/**
 * One worker process of `npm test` (scripts/test.ts): runs the test files the runner sends, one at
 * a time, with uvu, as `uvu test` runs them in its one process. Argument: the run's folder of
 * shared builds (test/helpers/shared-build.ts).
 *
 * Protocol: the runner sends `{ file, name }` (absolute path, path under test/) or `{ done: true }`
 * over the IPC channel. For each file the worker writes uvu's report of it to stdout, then one line
 * `RESULT_MARK {"name","total","passed","skipped","failed","ms"}`. Everything written to stderr
 * goes to stdout, so a file's report stays in one piece. On `done` the worker closes the browser the
 * files shared (test/helpers/browser.ts) and exits; the exit status
 * is 1 when a suite's teardown failed (test/helpers/hooks.ts), as with uvu alone.
 */
import { readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { closeSharedBrowser, keepSharedBrowser } from "../test/helpers/browser.ts";
import { useSharedBuildDir } from "../test/helpers/shared-build.ts";
import { RESULT_MARK, type FileResult, type WorkerMessage } from "./test-protocol.ts";

/** uvu's queue (uvu/dist/index.mjs): per file, its name, then one runner per suite returning [errors or true, passed, skipped, total]. */
type Queue = [string?, ...(() => Promise<[string | true, number, number, number]>)[]][];
type UvuGlobals = typeof globalThis & { UVU_DEFER?: number; UVU_INDEX?: number; UVU_QUEUE: Queue };

const g = globalThis as UvuGlobals;
// Set before uvu loads: its suites then wait in the queue instead of running themselves.
g.UVU_DEFER = 1;
const { test: uvuTest } = await import("uvu");

const write = (text: string) => process.stdout.write(text);
process.stderr.write = process.stdout.write.bind(process.stdout) as typeof process.stderr.write;

/**
 * CPU time so far of this process and all its descendants, ms (Linux /proc; elsewhere only this
 * process's own): the children that ended and were waited for (cutime, cstime), and those still
 * running (a shared Chromium and its renderers, a script host), so a file is charged for the
 * browser work it caused.
 */
function cpuNow(): number {
  const own = process.cpuUsage();
  let ticks = 0;
  try {
    // Fields after the command name of /proc/<pid>/stat: [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime, in clock ticks (100 per second).
    const stats = new Map<number, number[]>();
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        stats.set(Number(name), readFileSync(`/proc/${name}/stat`, "utf8").replace(/^.*\) /s, "").split(" ").map(Number));
      } catch {
        // ended meanwhile
      }
    }
    const self = stats.get(process.pid);
    if (self) ticks += self[13]! + self[14]!;
    const parents = new Map<number, number[]>();
    for (const [pid, f] of stats) {
      const siblings = parents.get(f[1]!);
      if (siblings) siblings.push(pid);
      else parents.set(f[1]!, [pid]);
    }
    const queue = [...(parents.get(process.pid) ?? [])];
    for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
      const f = stats.get(pid)!;
      ticks += f[11]! + f[12]! + f[13]! + f[14]!;
      queue.push(...(parents.get(pid) ?? []));
    }
  } catch {
    // not Linux
  }
  return (own.user + own.system) / 1000 + ticks * 10;
}

async function runFile(file: string, name: string): Promise<FileResult> {
  const started = performance.now();
  const cpuStarted = cpuNow();
  g.UVU_QUEUE.length = 0;
  g.UVU_INDEX = 0;
  g.UVU_QUEUE.push([name]);
  write(`${name}\n`);
  let total = 0;
  let passed = 0;
  let skipped = 0;
  let failed = false;
  try {
    await import(pathToFileURL(file).href);
  } catch (err) {
    write(`\n  ✘ ${name} did not load: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return { name, total: 1, passed: 0, skipped: 0, failed: true, ms: performance.now() - started, cpuMs: cpuNow() - cpuStarted };
  }
  if (g.UVU_QUEUE[0]!.length === 1) {
    // The file never called test.run(): the tests it gave uvu's shared `test` would run in the next
    // file's test.run(). They are taken out of it unrun (test.run() into a queue that is dropped);
    // the runner then reports that the file ran no test.
    g.UVU_QUEUE.push([]);
    g.UVU_INDEX = 1;
    uvuTest.run();
    g.UVU_QUEUE.pop();
    g.UVU_INDEX = 0;
  }
  for (const group of g.UVU_QUEUE) {
    group.shift();
    for (const run of group as (() => Promise<[string | true, number, number, number]>)[]) {
      const [errors, ran, skip, max] = await run();
      total += max;
      passed += ran;
      skipped += skip;
      if (errors !== true) {
        write(`\n${errors}\n`);
        failed = true;
      }
    }
  }
  return { name, total, passed, skipped, failed, ms: performance.now() - started, cpuMs: cpuNow() - cpuStarted };
}

if (process.argv[2]) useSharedBuildDir(process.argv[2]);
// One Chromium for all the files this worker runs (test/helpers/browser.ts), closed at the end.
keepSharedBrowser();
process.on("message", (message: WorkerMessage) => {
  if ("done" in message) {
    void closeSharedBrowser().finally(() => process.exit());
    return;
  }
  void runFile(message.file, message.name).then((result) => {
    write(`\n${RESULT_MARK}${JSON.stringify(result)}\n`);
  });
});
