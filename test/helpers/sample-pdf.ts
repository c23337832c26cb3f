import path from "node:path";
import { buildSite } from "../../src/build/index.ts";
import { loadArchiveOrThrow } from "../../src/content/index.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { DEFAULT_PRESS, printPdfs, printTasks, type PrintedPdf } from "../../src/print/index.ts";
import { buildSiteData, type SiteData } from "../../src/site/index.ts";
import { releaseBrowser, sharedBrowser } from "./browser.ts";
import { sharedBuild } from "./shared-build.ts";
import { PROJECT_ROOT } from "./temp-archive.ts";

/** The sample issue built and printed once per test run (shared by the print suites). */
export interface SamplePdf {
  /** The built site (`…/_site`). */
  out: string;
  site: SiteData;
  printed: PrintedPdf;
}

let sample: Promise<SamplePdf> | undefined;

/**
 * Builds the real sample gazette issue (issues/2019-02) and prints its PDF in Chromium with the
 * press PDF beside it (`DEFAULT_PRESS`, as `npm run pdf -- --press`), once per test run
 * (`sharedBuild`); the site data is computed in each process that asks.
 */
export function samplePdf(): Promise<SamplePdf> {
  sample ??= (async () => {
    const contentDir = path.join(PROJECT_ROOT, "issues");
    const { out, printed } = await sharedBuild("sample-pdf", async (dir) => {
      const out = path.join(dir, "_site");
      const result = await buildSite({ root: PROJECT_ROOT, contentDir, outputDir: out, search: false });
      if (!result.ok) throw new Error(result.error);
      const site = buildSiteData(await loadArchiveOrThrow(contentDir, PROJECT_ROOT), createMarkdown());
      const browser = await sharedBrowser();
      const [printed] = await printPdfs(out, printTasks(site, { issue: "2019-02" }), () => {}, "/", { press: DEFAULT_PRESS, browser }).finally(releaseBrowser);
      return { out, printed: printed! };
    });
    const site = buildSiteData(await loadArchiveOrThrow(contentDir, PROJECT_ROOT), createMarkdown());
    return { out, site, printed };
  })();
  return sample;
}
