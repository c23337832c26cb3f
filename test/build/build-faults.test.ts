import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { buildSite, explainError } from "../../src/build/index.ts";
import { lockFileOf } from "../../src/build/output-lock.ts";
import { pageManifestPath } from "../../src/site/page-reuse.ts";
import { listFiles } from "../helpers/site-files.ts";
import { PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";

const run = promisify(execFile);

/** One hash of every file's path and bytes under `dir`: equal before and after means the output was left exactly as it was. */
async function fingerprint(dir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const rel of await listFiles(dir)) hash.update(rel).update(await readFile(path.join(dir, rel)));
  return hash.digest("hex");
}

/** Fails on an English stack trace or a raw Node error code in text meant for the editor. */
function assertPlain(text: string): void {
  assert.not.match(text, /\n\s+at |Error:|ENOTEMPTY|ENOSPC|EPERM|panicked/, `no stack trace or raw error:\n${text}`);
}

let work = "";
let content = "";
before(test, async () => {
  work = await mkdtemp(path.join(tmpdir(), "gazette-faults-"));
  content = await tempArchive();
});
after(test, async () => {
  for (const dir of [path.join(work, "disk")]) if (existsSync(dir)) execFileSync("umount", ["-l", dir], { stdio: "ignore" });
  await rm(work, { recursive: true, force: true });
  await rm(content, { recursive: true, force: true });
});

test("an output folder that cannot be replaced (chattr +i): a Chinese message, the previous site and its page manifest intact", async () => {
  const out = path.join(work, "immutable/_site");
  await mkdir(path.dirname(out));
  const first = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: out, search: false });
  assert.ok(first.ok, first.error);
  const before = await fingerprint(out);
  const manifest = await readFile(pageManifestPath(out), "utf8");
  execFileSync("chattr", ["+i", out]);
  try {
    const result = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: out, search: false, reusePages: false });
    assert.not.ok(result.ok);
    assert.match(result.error, /^没有权限写入或移动 .*_site：网站没有更新，上一次构建的输出保持不变。.*chattr \+i.*--output/);
    assertPlain(result.error);
  } finally {
    execFileSync("chattr", ["-i", out]);
  }
  assert.is(await fingerprint(out), before, "the previous site is untouched");
  assert.is(await readFile(pageManifestPath(out), "utf8"), manifest, "the page manifest is kept");
  assert.equal((await listFiles(path.dirname(out))).filter((f) => !f.startsWith("_site/") && !f.startsWith("._site")), [], "no staging folder or lock is left");
});

test("a full disk: a Chinese message naming the file, the previous site intact", async () => {
  const disk = path.join(work, "disk");
  await mkdir(disk);
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=40m", "tmpfs", disk]);
  const out = path.join(disk, "_site");
  const first = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: out, search: false });
  assert.ok(first.ok, first.error);
  const before = await fingerprint(out);
  // Leave 4 MB: less than the theme's fonts need.
  const free = Number(execFileSync("df", ["--output=avail", "-k", disk], { encoding: "utf8" }).split("\n")[1]);
  await writeFile(path.join(disk, "filler"), Buffer.alloc((free - 4096) * 1024));
  const result = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: out, search: false, reusePages: false });
  assert.not.ok(result.ok);
  assert.match(result.error, /^磁盘空间已满（写入 .*_site\.staging-\d+\/.* 时）：网站没有更新，上一次构建的输出保持不变。请清理磁盘空间/);
  assertPlain(result.error);
  await rm(path.join(disk, "filler"));
  assert.is(await fingerprint(out), before, "the previous site is untouched");
});

test("Pagefind's panic on a full disk is told in plain Chinese", () => {
  const panic = new Error("pagefind failed to write the index", { cause: new Error("thread 'main' panicked at pagefind/src/output/mod.rs:91:14:\nError writing file: Os { code: 28, kind: StorageFull, message: \"No space left on device\" } (os error 28)") });
  const text = explainError(panic);
  assert.match(text, /磁盘空间已满：网站没有更新/);
});

// Without PDFs: the wait for the lock is what is tested (the PDFs the build makes are tested in test/print/ and subpath-csp).
test("two simultaneous npm run build of the same folder: both finish (the second waits), no raw error, a complete site", async () => {
  const out = path.join(work, "twice/_site");
  await mkdir(path.dirname(out));
  const build = () => run(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), ["scripts/build.ts", "--content", content, "--output", out, "--no-pdf"], { cwd: PROJECT_ROOT, timeout: 300_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (err: { code: number; stdout: string; stderr: string }) => err,
  );
  const [a, b] = await Promise.all([build(), build()]);
  for (const r of [a, b]) {
    assert.is(r.code, 0, r.stderr);
    assertPlain(r.stderr);
  }
  assert.ok([a, b].some((r) => /正被另一个进程使用：进程 \d+「npm run build」.*等待它结束/.test(r.stderr)), "one of them waited and said so");
  assert.ok((await stat(path.join(out, "pagefind/pagefind-entry.json"))).isFile(), "the site is complete");
  assert.not.ok(existsSync(lockFileOf(out)), "no lock is left");
});

test.run();
