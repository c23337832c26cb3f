import { randomBytes } from "node:crypto";
import { readFileSync, unlinkSync } from "node:fs";
import { link, mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { EditorError, type Bilingual } from "../i18n/index.ts";

/** Who holds an output folder: written as JSON into `<output>.lock`. */
export interface LockHolder {
  pid: number;
  host: string;
  /** The command, e.g. `npm run build`. */
  command: string;
  /** ISO 8601 time the lock was taken. */
  started: string;
  /** Start time of the process in clock ticks since boot (Linux `/proc/<pid>/stat`), to tell a reused pid; null elsewhere. */
  processStart: number | null;
  /** Random token of this lock. */
  token: string;
}

/** A held lock; `release()` removes the lock file (once; later calls do nothing). */
export interface OutputLock {
  file: string;
  release(): Promise<void>;
}

/** Options of {@link lockOutput}. */
export interface LockOptions {
  /** How long to wait for another build to finish, in ms (default 0: stop at once). A running `npm start` is never waited for. */
  waitMs?: number;
  /** Called once when the lock is held by another process and this one starts waiting. */
  onWait?: (holder: LockHolder, message: string) => void;
}

/** Thrown when the output folder is in use: `message` is the Chinese text for the editor (`text` both languages), so every command says it as it is (`explainError`). */
export class OutputBusyError extends EditorError {
  readonly holder: LockHolder | null;
  constructor(text: Bilingual, holder: LockHolder | null) {
    super(text);
    this.name = "OutputBusyError";
    this.holder = holder;
  }
}

const POLL_MS = 200;
/** Locks this process holds: lock file → how many times (a build started by `npm run pdf` takes it again). */
const held = new Map<string, { count: number; token: string }>();
let exitHookInstalled = false;

/** The lock file of an output folder: `<output>.lock` beside it (the output folder itself is replaced by a build). */
export function lockFileOf(outputDir: string): string {
  return `${path.resolve(outputDir)}.lock`;
}

/**
 * Takes the lock on an output folder, so that one build, `npm start` or `npm run pdf` at a time
 * writes it. The lock is a file created atomically (`link`, which fails when the file exists)
 * holding the {@link LockHolder}. A lock whose process no longer runs (on this machine; the pid
 * gone, or reused by a process started later) is stale: it is taken over, and only one of two
 * processes taking it over at once wins. The same process may take a lock it holds again
 * (counted). The lock file is removed by `release()`, or when the process exits.
 * @param command the command to name to whoever finds the folder busy, e.g. `npm run build`.
 * @throws OutputBusyError when another process holds it (after `waitMs`), naming that process and the fix.
 */
export async function lockOutput(outputDir: string, command: string, options: LockOptions = {}): Promise<OutputLock> {
  const file = lockFileOf(outputDir);
  const mine = held.get(file);
  if (mine) {
    mine.count++;
    return releaser(file, mine.token);
  }
  // The folder the output goes into may not exist yet (the build creates it).
  await mkdir(path.dirname(file), { recursive: true });
  const deadline = Date.now() + (options.waitMs ?? 0);
  let waited = false;
  for (;;) {
    const token = randomBytes(8).toString("hex");
    const holder: LockHolder = { pid: process.pid, host: hostname(), command, started: new Date().toISOString(), processStart: processStart(process.pid), token };
    if (await createExclusive(file, JSON.stringify(holder))) {
      held.set(file, { count: 1, token });
      installExitHook();
      return releaser(file, token);
    }
    const other = await readHolder(file);
    if (other === "gone") continue;
    if (other && isStale(other)) {
      await takeOverStale(file, other);
      continue;
    }
    const message = busyMessage(file, other);
    if (Date.now() >= deadline || other?.command === "npm start") throw new OutputBusyError(message, other);
    if (!waited) options.onWait?.(other!, `${message.zh.split("\n")[0]}，等待它结束……`);
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function releaser(file: string, token: string): OutputLock {
  let done = false;
  return {
    file,
    async release() {
      if (done) return;
      done = true;
      const mine = held.get(file);
      if (!mine || mine.token !== token || --mine.count > 0) return;
      held.delete(file);
      removeIfMine(file, token);
    },
  };
}

/** Removes the lock file when it still holds `token` (never another process's lock). */
function removeIfMine(file: string, token: string): void {
  try {
    const holder = JSON.parse(readFileSync(file, "utf8")) as LockHolder;
    if (holder.token === token) unlinkSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}

/** Locks still held when the process exits (process.exit, end of the event loop) are removed. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const [file, { token }] of held) {
      try {
        removeIfMine(file, token);
      } catch (err) {
        // At exit nothing can be done any more; the next build sees the lock as stale (the pid is gone).
        process.stderr.write(`无法删除锁文件 ${file}：${(err as Error).message}\n`);
      }
    }
  });
}

/** Writes `text` to a new file at `file` atomically: false when the file exists. */
async function createExclusive(file: string, text: string): Promise<boolean> {
  const temp = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temp, text);
  try {
    await link(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    await unlink(temp);
  }
}

/** The holder written in the lock file, "gone" when it was removed meanwhile, null when unreadable. */
async function readHolder(file: string): Promise<LockHolder | "gone" | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as LockHolder;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    if (err instanceof SyntaxError) return null;
    throw err;
  }
}

/** True when the holder's process no longer runs on this machine (pid gone, or reused by a later process). */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname() || !Number.isInteger(holder.pid)) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return true;
  }
  const start = processStart(holder.pid);
  return holder.processStart !== null && start !== null && start !== holder.processStart;
}

/**
 * Removes a stale lock so that the caller can try again. Renamed away first (atomic: of two
 * processes only one moves it); if what was moved is not the stale lock (another process took
 * the lock meanwhile), it is put back.
 */
async function takeOverStale(file: string, stale: LockHolder): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await rename(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
    throw err;
  }
  const moved = await readHolder(aside);
  if (moved !== "gone" && moved?.token !== stale.token) await link(aside, file).catch(() => undefined);
  await unlink(aside);
}

/** Start time of a process in clock ticks since boot (field 22 of Linux `/proc/<pid>/stat`), or null. */
function processStart(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null; // not Linux, or the process is gone: the pid alone decides
  }
}

function busyMessage(file: string, holder: LockHolder | null): Bilingual {
  const out = path.basename(file, ".lock");
  if (!holder) return { zh: `输出文件夹 ${out}/ 正被另一个进程使用（锁文件 ${file} 无法读取）。\n如果确认没有其他构建在运行，删除 ${file} 后重试。`, en: `The output folder ${out}/ is in use by another process (its lock file ${file} cannot be read).\nIf no other build is running, delete ${file} and try again.` };
  const where = holder.host === hostname() ? "" : `（在另一台计算机 ${holder.host} 上）`;
  // The editor's clock: Beijing time, as every date of the site.
  const started = DateTime.fromISO(holder.started).setZone("Asia/Shanghai");
  const when = started.isValid ? `${started.toFormat("yyyy-MM-dd HH:mm:ss")}（北京时间）` : holder.started;
  return {
    zh: `输出文件夹 ${out}/ 正被另一个进程使用：进程 ${holder.pid}${where}「${holder.command}」，开始于 ${when}。\n等它结束后再运行（npm start 用 Ctrl-C 停止）；如果确认它已不在运行，删除 ${file} 后重试。`,
    en: `The output folder ${out}/ is in use by process ${holder.pid}${holder.host === hostname() ? "" : ` on ${holder.host}`} ("${holder.command}", started ${holder.started}).\nRun again when it has finished (stop npm start with Ctrl-C); if it is no longer running, delete ${file} and try again.`,
  };
}
