/**
 * One Node process that runs several command-line scripts (`scripts/*.ts`) one after the other, as
 * separate `tsx scripts/<name>.ts …` processes would, but loading `src/`, Eleventy and the other
 * libraries once (a fresh process spends seconds of CPU on that). Started by `runScripts`
 * (test/helpers/run-scripts.ts), never by hand.
 *
 * Protocol (IPC): for each `{ cases: { script, args }[] }` received, answers
 * `{ results: { code, out, stdout, stderr }[] }`; exits when the test process does (the IPC channel
 * closes). Per case:
 * - the script's own text runs as a new module (a copy under a temporary folder whose `src/`,
 *   `node_modules/`, sibling scripts and package files are links to the project's, so its imports
 *   resolve to the modules already loaded);
 * - `process.argv` is `[node, script, ...args]`, `process.exitCode` starts unset;
 * - `out` is everything written to stdout and stderr (also kept apart in `stdout`, `stderr`)
 *   until the script ends or calls `process.exit` (nothing after, as in a real process); `code`
 *   is the exit status;
 * - an error the script lets escape is printed with its stack and gives status 1, as Node does.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ScriptCase, ScriptResult } from "./run-scripts.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** Thrown by the replaced `process.exit`: the case ends there. */
class ScriptExit extends Error {}

type Current = Omit<ScriptResult, "code"> & { code: number | null };
let current: Current | null = null;

const writer = (stream: "stdout" | "stderr") => (chunk: unknown): boolean => {
  if (current && current.code === null) {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8");
    current.out += text;
    current[stream] += text;
  }
  return true;
};
const write = writer("stderr");
const realExit = process.exit.bind(process);
process.stdout.write = writer("stdout") as typeof process.stdout.write;
process.stderr.write = write as typeof process.stderr.write;
process.exit = ((code?: number | string | null) => {
  if (current && current.code === null) current.code = Number(code ?? process.exitCode ?? 0);
  throw new ScriptExit("process.exit");
}) as typeof process.exit;
const uncaught = (err: unknown) => {
  if (err instanceof ScriptExit || !current || current.code !== null) return;
  write(`${err instanceof Error ? (err.stack ?? err.message) : `Uncaught ${String(err)}`}\n`);
  current.code = 1;
};
process.on("unhandledRejection", uncaught);
process.on("uncaughtException", uncaught);

/** A folder where `scripts/<script>` is a copy and everything it imports is a link to the project. */
async function stage(base: string, n: number, script: string): Promise<string> {
  const dir = path.join(base, String(n));
  await mkdir(path.join(dir, "scripts"), { recursive: true });
  for (const entry of ["src", "node_modules", "package.json", "tsconfig.json"]) await symlink(path.join(root, entry), path.join(dir, entry));
  for (const sibling of await readdir(path.join(root, "scripts"))) {
    if (sibling !== script) await symlink(path.join(root, "scripts", sibling), path.join(dir, "scripts", sibling));
  }
  const file = path.join(dir, "scripts", script);
  await copyFile(path.join(root, "scripts", script), file);
  return file;
}

async function runCase(base: string, n: number, { script, args }: ScriptCase): Promise<ScriptResult> {
  const file = await stage(base, n, script);
  current = { out: "", stdout: "", stderr: "", code: null };
  process.argv = [process.execPath, path.join(root, "scripts", script), ...args];
  process.exitCode = undefined;
  try {
    await import(pathToFileURL(file).href);
  } catch (err) {
    uncaught(err);
  }
  // Let output queued by the script's last promises arrive.
  await new Promise((r) => setTimeout(r, 20));
  const result = { ...current, code: current.code ?? Number(process.exitCode ?? 0) };
  current = null;
  return result;
}

let batches: Promise<void> = Promise.resolve();
process.on("message", (message: { cases: ScriptCase[] }) => {
  batches = batches.then(async () => {
    const base = await mkdtemp(path.join(tmpdir(), "gazette-script-host-"));
    const results: ScriptResult[] = [];
    try {
      for (const [n, c] of message.cases.entries()) results.push(await runCase(base, n, c));
    } finally {
      await rm(base, { recursive: true, force: true });
    }
    process.send!({ results });
  });
});
// The test process ended: so does the host (exit handlers still run; a script may have left a handle open).
process.on("disconnect", () => realExit(0));
