import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";

/** A free TCP port on localhost. */
async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Polls `check` every 200 ms until it returns true, for at most `ms`. */
async function waitFor(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let content = "";
let site = "";
let child: ChildProcess | null = null;
let output = "";

test.after(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await exited;
  }
  await rm(content, { recursive: true, force: true });
  await rm(site, { recursive: true, force: true });
});

test("npm start: a bad edit shows the error, the server keeps answering, and fixing the file recovers without a restart", async () => {
  content = await tempArchive();
  const port = await freePort();
  const base = `http://localhost:${port}`;
  site = `${content}-site`;
  child = spawn(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts", "--port", String(port), "--content", content, "--output", site], { cwd: PROJECT_ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (output += b.toString()));
  const page = async () => {
    const res = await fetch(`${base}/2019/1/csf-2019-1/`);
    return { status: res.status, html: await res.text() };
  };
  await waitFor("the first build", async () => (await page()).status === 200 && /Watching/.test(output));

  const file = path.join(content, "2019-01/csf-2019-1.md");
  const good = await readFile(file, "utf8");
  await writeFile(file, good.replace(/^date: .*$/m, "date: 2019-02-30"));
  await waitFor("the error message", async () => /csf-2019-1\.md:5:7 {2}error {2}"date" must be a real calendar date/.test(output));
  assert.not.match(output, /Original error stack trace|\n\s+at /, `no stack trace:\n${output}`);
  const during = await page();
  assert.is(during.status, 200, `the server still answers with the last good page:\n${output}`);
  assert.ok(during.html.includes("关于印发2019年工作要点的通知"), `last good page:\n${during.html.slice(0, 300)}\n${output}`);

  await writeFile(file, good.replace(/^title: .*$/m, 'title: "修正后的标题"'));
  await waitFor("the rebuilt page", async () => (await page()).html.includes("修正后的标题"));
});

test.run();
