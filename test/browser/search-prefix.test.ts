import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { serveStatic } from "../../src/browser/index.ts";
import { releaseBrowser, sharedBrowser } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sample-site.ts";

test("under a path prefix, direct hits, results and highlighting keep the prefix", async () => {
  const work = await mkdtemp(path.join(tmpdir(), "gazette-prefix-"));
  await symlink(await sampleSite("/gazette/"), path.join(work, "gazette"));
  const server = await serveStatic(work);
  const browser = await sharedBrowser();
  const page = await browser.newPage();
  try {
    const links = async (q: string) => {
      await page.goto(`${server.url}/gazette/search/?q=${encodeURIComponent(q)}`);
      await page.waitForFunction((text) => document.getElementById("search-app")?.dataset.searched === text, q, { timeout: 10_000 });
      return page.evaluate(() => [...document.querySelectorAll(".direct-hit__link, .result__title a")].map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    };
    assert.equal(await links("乳政办发[2019]5号"), ["/gazette/2019/2/rzbf-2019-5/"]);
    assert.is((await links("增减挂钩"))[0], "/gazette/2019/2/rzbf-2019-6/");
    await page.locator(".result__title a").first().click();
    await page.locator("mark").first().waitFor({ timeout: 10_000 });
  } finally {
    await page.close();
    await releaseBrowser();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
});

test.run();
