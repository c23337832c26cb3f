import { isProcessRunning } from "../../src/util/index.ts";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Builds shared by the suites of one test run, made once even when the run's test files are spread
 * over several processes (`npm test`, scripts/test.ts). Each build has a name and a folder of its
 * own under the run's shared folder; the first process that asks for it makes it, the others wait
 * for its result. The runner removes the shared folder at the end; without the runner (uvu on a
 * few files) the folder is private to the process and removed when it exits.
 *
 * Cross-process hand-over, all in the shared folder:
 * - `<name>.lock/` (a directory, made atomically by `mkdir`) holds `pid`: the maker;
 * - `<name>/` is the build's own folder, given to `make`;
 * - `<name>.json` is written last: `{ ok: true, value }` or `{ ok: false, error }`.
 * A waiting process fails when the maker ended without writing the result.
 */

let sharedDir: string | null = null;
const made = new Map<string, Promise<unknown>>();

/** Puts this process's shared builds under `dir` (called by the test runner's worker before any test file loads). */
export function useSharedBuildDir(dir: string): void {
  sharedDir = dir;
}

function baseDir(): string {
  if (!sharedDir) {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-shared-"));
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
    sharedDir = dir;
  }
  mkdirSync(sharedDir, { recursive: true });
  return sharedDir;
}

/**
 * The result of the shared build `name`, made by `make(dir)` in this run's first process that asks
 * for it (`dir`: an empty folder of its own that lives until the run ends).
 * @param name a file-name-safe key naming what is built and how (e.g. `sample-root`).
 * @param make builds into `dir` and returns a JSON value (paths, counts) for every process.
 * @throws Error with the maker's message when the build failed (in this or another process).
 */
export function sharedBuild<T>(name: string, make: (dir: string) => Promise<T>): Promise<T> {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`sharedBuild: "${name}" is not a plain name`);
  let result = made.get(name) as Promise<T> | undefined;
  if (!result) {
    result = makeOrWait(baseDir(), name, make);
    made.set(name, result);
  }
  return result;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

async function makeOrWait<T>(base: string, name: string, make: (dir: string) => Promise<T>): Promise<T> {
  const lock = path.join(base, `${name}.lock`);
  const done = path.join(base, `${name}.json`);
  let mine = true;
  try {
    await mkdir(lock);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    mine = false;
  }
  if (mine) {
    await writeFile(path.join(lock, "pid"), String(process.pid));
    let outcome: Outcome<T>;
    try {
      const dir = path.join(base, name);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      outcome = { ok: true, value: await make(dir) };
    } catch (err) {
      outcome = { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    // Written whole, then renamed: a waiting process never reads half a result.
    await writeFile(`${done}.tmp`, JSON.stringify(outcome));
    await rename(`${done}.tmp`, done);
    return unwrap(outcome, name);
  }
  for (;;) {
    const text = await readFile(done, "utf8").catch(() => null);
    if (text !== null) return unwrap(JSON.parse(text) as Outcome<T>, name);
    const pid = Number(await readFile(path.join(lock, "pid"), "utf8").catch(() => "0"));
    if (pid > 0 && !isProcessRunning(pid)) {
      // The maker may have written the result just before it ended.
      const last = await readFile(done, "utf8").catch(() => null);
      if (last !== null) return unwrap(JSON.parse(last) as Outcome<T>, name);
      throw new Error(`the shared build "${name}" was being made by process ${pid}, which ended without a result`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function unwrap<T>(outcome: Outcome<T>, name: string): T {
  if (outcome.ok) return outcome.value;
  throw new Error(`the shared build "${name}" failed: ${outcome.error}`);
}
