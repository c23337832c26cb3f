import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./temp-archive.ts";

/** One run of a command-line script: `scripts/<script>` with `args`. */
export interface ScriptCase {
  script: string;
  args: string[];
}
/** What the run printed (`out`: stdout and stderr in order; each alone) and its exit status. */
export interface ScriptResult {
  code: number;
  out: string;
  stdout: string;
  stderr: string;
}

/** The host process, kept for the next call while this process runs (it ends when this one does). */
let host: { child: ChildProcess; log: string } | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** Lets this process exit while the host waits for work (`on`: hold it while a request is open). */
function hold(child: ChildProcess, on: boolean): void {
  for (const handle of [child, child.channel, child.stdout, child.stderr] as ({ ref(): void; unref(): void } | null | undefined)[]) {
    if (on) handle?.ref();
    else handle?.unref();
  }
}

function startHost(): { child: ChildProcess; log: string } {
  const child = fork(path.join(PROJECT_ROOT, "test/helpers/script-host.ts"), [], {
    cwd: PROJECT_ROOT,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const started = { child, log: "" };
  child.stdout!.on("data", (b: Buffer) => (started.log += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (started.log += b.toString()));
  child.once("exit", () => {
    if (host === started) host = null;
  });
  return started;
}

/**
 * Runs the scripts' cases one after the other in a Node process of their own
 * (test/helpers/script-host.ts, started on first use and kept for later calls of this process)
 * with the project folder as working directory: each case sees its own `process.argv`, gets its
 * own output and exit status, and nothing printed after `process.exit`. For the error paths of the
 * commands, where starting one process per case (seconds of CPU each) is not what is tested; one
 * real `tsx scripts/<name>.ts` run per command elsewhere proves the wiring.
 * @throws Error when the host process ends without answering (its output is in the message) or
 *   takes longer than `timeoutMs` (it is then killed).
 */
export function runScripts(cases: ScriptCase[], timeoutMs = 120_000): Promise<ScriptResult[]> {
  const run = queue.then(() => ask(cases, timeoutMs));
  queue = run.catch(() => {});
  return run;
}

function ask(cases: ScriptCase[], timeoutMs: number): Promise<ScriptResult[]> {
  host ??= startHost();
  const current = host;
  const { child } = current;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      hold(child, false);
    };
    const onMessage = (m: { results: ScriptResult[] }) => {
      done();
      resolve(m.results);
    };
    const onExit = (code: number | null, signal: string | null) => {
      done();
      reject(new Error(`the script host ended without results (${signal ?? `status ${code}`}):\n${current.log}`));
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
    hold(child, true);
    child.send({ cases });
  });
}
