import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../src/browser/index.ts";
import { PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";
import { freePort } from "../helpers/net.ts";

test("npm start: while the content has errors every page shows a banner listing them (file:line, message, fix), updated live, gone once fixed", async () => {
  const content = await tempArchive();
  const site = `${content}-site`;
  const port = await freePort();
  const child = spawn(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts", "--port", String(port), "--content", content, "--output", site], { cwd: PROJECT_ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr.on("data", (b: Buffer) => (output += b.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  let browser: Browser | undefined;
  try {
    const started = Date.now();
    while (!/正在预览 http/.test(output)) {
      if (Date.now() - started > 120_000 || child.exitCode !== null) throw new Error(`npm start did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/2019/1/csf-2019-1/`);
    await page.waitForSelector("h1");
    assert.is(await page.locator("#gazette-error-banner").count(), 0, "no banner while the content is good");
    const other = await browser.newPage();
    await other.goto(`http://localhost:${port}/`);

    const file = path.join(content, "2019-01/csf-2019-1.md");
    const good = await readFile(file, "utf8");
    await writeFile(file, good.replace(/^date: .*$/m, "date: 2019-02-30"));
    const banner = page.locator("#gazette-error-banner");
    await banner.waitFor({ timeout: 60_000 });
    const text = await banner.innerText();
    assert.match(text, /内容有 1 处错误/);
    assert.match(text, /csf-2019-1\.md:5/);
    assert.match(text, /成文日期（date）应为真实存在的日期/);
    assert.match(text, /修改方法：没有这一天/);
    await other.locator("#gazette-error-banner").waitFor({ timeout: 30_000 });
    assert.match(await other.locator("#gazette-error-banner").innerText(), /csf-2019-1\.md:5/, "every page shows it");

    // A second mistake: the banner follows the content without a restart.
    await writeFile(file, good.replace(/^date: .*$/m, "date: 2019-02-30").replace(/^section: .*$/m, 'section: "没有的栏目"'));
    await page.waitForFunction(() => /内容有 2 处错误/.test(document.querySelector("#gazette-error-banner")?.textContent ?? ""), undefined, { timeout: 60_000 });
    assert.match(await banner.innerText(), /栏目（section）“没有的栏目”没有在/);

    await writeFile(file, good.replace(/^title: .*$/m, 'title: "改正后的标题"'));
    await page.waitForFunction(() => document.querySelector("#gazette-error-banner") === null && document.body.textContent!.includes("改正后的标题"), undefined, { timeout: 90_000 });
    assert.not.match(output, /^\s+at /m, `no stack trace:\n${output}`);
  } finally {
    await browser?.close();
    if (child.pid && child.exitCode === null) {
      process.kill(-child.pid, "SIGTERM");
      await exited;
    }
    await rm(content, { recursive: true, force: true });
    await rm(site, { recursive: true, force: true });
  }
});

test.run();
