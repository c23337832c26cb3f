import { fork } from "node:child_process";
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

/**
 * Runs the scripts' cases one after the other in one new Node process (test/helpers/script-host.ts)
 * with the project folder as working directory: each case sees its own `process.argv`, gets its own
 * output and exit status, and nothing printed after `process.exit`. For the error paths of the
 * commands, where starting one process per case (seconds of CPU each) is not what is tested; one
 * real `tsx scripts/<name>.ts` run per command elsewhere proves the wiring.
 * @throws Error when the host process ends without answering (its output is in the message).
 */
export function runScripts(cases: ScriptCase[], timeoutMs = 120_000): Promise<ScriptResult[]> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(PROJECT_ROOT, "test/helpers/script-host.ts"), [], {
      cwd: PROJECT_ROOT,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    let log = "";
    child.stdout!.on("data", (b: Buffer) => (log += b.toString()));
    child.stderr!.on("data", (b: Buffer) => (log += b.toString()));
    let answer: ScriptResult[] | null = null;
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("message", (m: { results: ScriptResult[] }) => (answer = m.results));
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (answer) resolve(answer);
      else reject(new Error(`the script host ended without results (${signal ?? `status ${code}`}):\n${log}`));
    });
    child.send({ cases });
  });
}
