import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { lockFileOf, lockOutput, OutputBusyError, type LockHolder } from "../../src/build/output-lock.ts";
import { explainError } from "../../src/build/explain-error.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";

let dir = "";
before(test, async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gazette-lock-"));
});
after(test, async () => {
  await rm(dir, { recursive: true, force: true });
});

const holderOf = (out: string) => JSON.parse(readFileSync(lockFileOf(out), "utf8")) as LockHolder;
const staleHolder = (pid: number, processStart: number | null = null): LockHolder => ({ pid, host: hostname(), command: "npm run build", started: "2026-01-01T00:00:00.000Z", processStart, token: "old" });

/** A child process that takes the lock on `out` as `npm run build`, prints "locked", and exits after `holdMs`. */
function holdLockInChild(out: string, holdMs: number) {
  const code = `import { lockOutput } from ${JSON.stringify(path.join(PROJECT_ROOT, "src/build/output-lock.ts"))};
await lockOutput(${JSON.stringify(out)}, "npm run build");
console.log("locked");
setTimeout(() => process.exit(0), ${holdMs});`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (b: Buffer) => b.toString().includes("locked") && resolve());
    child.once("exit", (c) => reject(new Error(`the child exited (${c}) before locking`)));
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return { child, locked, exited };
}

test("takes and releases the lock beside the output folder, and the same process may take it again", async () => {
  const out = path.join(dir, "_site");
  const first = await lockOutput(out, "npm run pdf");
  assert.is(holderOf(out).pid, process.pid);
  assert.is(holderOf(out).command, "npm run pdf");
  const again = await lockOutput(out, "npm run build");
  await again.release();
  assert.ok(existsSync(lockFileOf(out)), "still held by the outer lock");
  await first.release();
  assert.not.ok(existsSync(lockFileOf(out)), "released");
});

test("a lock held by another running process stops a second build with a Chinese message naming that process", async () => {
  const out = path.join(dir, "busy");
  const holder = holdLockInChild(out, 5_000);
  await holder.locked;
  try {
    const err = await lockOutput(out, "npm run build").catch((e: unknown) => e);
    assert.instance(err, OutputBusyError);
    const message = (err as OutputBusyError).message;
    assert.match(message, new RegExp(`输出文件夹 busy/ 正被另一个进程使用：进程 ${holder.child.pid}「npm run build」`));
    assert.match(message, /如果确认它已不在运行，删除 .*busy\.lock 后重试/);
    // The start in Beijing time, as the editor's clock reads it.
    const started = DateTime.fromISO(holderOf(out).started).setZone("Asia/Shanghai").toFormat("yyyy-MM-dd HH:mm:ss");
    assert.ok(message.includes(`开始于 ${started}（北京时间）`), message);
    // Every command says it as it is (npm run pdf said "发生了意外错误" with it as a technical detail).
    assert.is(explainError(err), message);
  } finally {
    holder.child.kill();
    await holder.exited;
  }
});

test("a second build waits for the first and then takes the lock, saying once that it waits", async () => {
  const out = path.join(dir, "wait");
  const holder = holdLockInChild(out, 800);
  await holder.locked;
  const waits: string[] = [];
  const lock = await lockOutput(out, "npm run build", { waitMs: 30_000, onWait: (_, m) => waits.push(m) });
  assert.is(holderOf(out).pid, process.pid);
  assert.is(waits.length, 1);
  assert.match(waits[0]!, /等待它结束/);
  await lock.release();
  await holder.exited;
});

test("a crashed build's stale lock is recognised: a dead pid, or a pid reused by a later process", async () => {
  const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
  for (const [name, stale] of [["dead", staleHolder(dead)], ["reused", staleHolder(process.pid, 1)]] as const) {
    const out = path.join(dir, name);
    await writeFile(lockFileOf(out), JSON.stringify(stale));
    const lock = await lockOutput(out, "npm run build");
    assert.is(holderOf(out).pid, process.pid, name);
    assert.is.not(holderOf(out).token, "old", name);
    await lock.release();
  }
});

test("the folder the output goes into is created when missing", async () => {
  const out = path.join(dir, "new/deeper/_site");
  const lock = await lockOutput(out, "npm run build");
  assert.ok(existsSync(lockFileOf(out)));
  await lock.release();
});

test("a lock the process exits with is removed at exit", async () => {
  const out = path.join(dir, "exit");
  const holder = holdLockInChild(out, 10);
  await holder.locked;
  await holder.exited;
  assert.not.ok(existsSync(lockFileOf(out)));
});

test.run();
