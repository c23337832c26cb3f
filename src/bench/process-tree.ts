import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";

const PAGE = 4096;

/** Resident memory (bytes) of a process and all its descendants, read from /proc (Linux). */
export async function treeRss(rootPid: number): Promise<number> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of await readdir("/proc")) {
    if (!/^\d+$/u.test(name)) continue;
    let stat: string;
    try {
      stat = await readFile(`/proc/${name}/stat`, "utf8");
    } catch (err) {
      // The process ended between readdir and read.
      if ((err as NodeJS.ErrnoException).code === "ENOENT" || (err as NodeJS.ErrnoException).code === "ESRCH") continue;
      throw err;
    }
    // Fields after the command name (which may hold spaces) in parentheses: state ppid … rss is field 24.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    parents.set(Number(name), Number(fields[1]));
    rss.set(Number(name), Number(fields[21]) * PAGE);
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) {
      if (p === rootPid) {
        total += bytes;
        break;
      }
    }
  }
  return total;
}

/** What a measured command did. */
export interface MeasuredRun {
  /** Wall-clock ms. */
  ms: number;
  /** Highest resident memory of the whole process tree seen (sampled every `intervalMs`), in MB. */
  peakRssMb: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command, sampling the resident memory of its whole process tree (Pagefind runs as a
 * child of Node) every `intervalMs` ms, and returns its time, peak RSS and output.
 */
export async function measureCommand(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; intervalMs?: number } = {}): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let peak = 0;
  let sampling: Promise<void> | null = null;
  // One sample at a time: a tick that finds the previous sample still reading /proc is skipped, so
  // on a loaded machine the samples never queue up (and the wait after the command stays short).
  const timer = setInterval(() => {
    if (sampling || child.pid === undefined) return;
    const pid = child.pid;
    sampling = treeRss(pid).then((bytes) => {
      peak = Math.max(peak, bytes);
      sampling = null;
    });
  }, options.intervalMs ?? 100);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  clearInterval(timer);
  await (sampling as Promise<void> | null);
  return { ms: Math.round(performance.now() - started), peakRssMb: Math.round(peak / 2 ** 20), code, stdout, stderr };
}

/** Median of numbers (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
