import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { STRICT_CSP } from "../../src/build/csp.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";
import { freePort } from "../helpers/net.ts";

test("npm run preview serves the built folder byte for byte on 127.0.0.1, with the CSP header and 404.html", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-preview-"));
  const page = '<!doctype html><html lang="zh-CN"><head><title>公报</title></head><body><p>首页</p></body></html>\n';
  await mkdir(path.join(dir, "2019/1"), { recursive: true });
  await writeFile(path.join(dir, "index.html"), page);
  await writeFile(path.join(dir, "2019/1/index.html"), "<!doctype html><title>期</title><p>第1期</p>\n");
  await writeFile(path.join(dir, "404.html"), "<!doctype html><title>404</title><p>页面不存在</p>\n");
  const port = await freePort();
  const child = spawn(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), ["scripts/preview.ts", "--port", String(port), "--output", dir], { cwd: PROJECT_ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr.on("data", (b: Buffer) => (output += b.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    const started = Date.now();
    while (!/正在按发布后的样子预览/.test(output)) {
      if (Date.now() - started > 60_000 || child.exitCode !== null) throw new Error(`preview did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.match(output, new RegExp(`http://127\\.0\\.0\\.1:${port}/`));
    const home = await fetch(`http://127.0.0.1:${port}/`);
    assert.is(home.status, 200);
    assert.is(await home.text(), page, "the page exactly as built, nothing added");
    assert.is(home.headers.get("content-security-policy"), STRICT_CSP);
    assert.is((await fetch(`http://127.0.0.1:${port}/2019/1/`)).status, 200);
    const missing = await fetch(`http://127.0.0.1:${port}/no/such/page/`);
    assert.is(missing.status, 404);
    assert.match(await missing.text(), /页面不存在/);
  } finally {
    if (child.pid && child.exitCode === null) {
      process.kill(-child.pid, "SIGTERM");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
