import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/index.ts";
import { loadArchiveOrThrow } from "../../src/content/index.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { printPdfs, printTasks, type PrintedPdf } from "../../src/print/index.ts";
import { buildSiteData, type SiteData } from "../../src/site/index.ts";
import { PROJECT_ROOT } from "./temp-archive.ts";

/** The sample issue built and printed once per test process (shared by the print suites). */
export interface SamplePdf {
  /** The built site (`…/_site`). */
  out: string;
  site: SiteData;
  printed: PrintedPdf;
}

let sample: Promise<SamplePdf> | undefined;

/**
 * Builds the real sample gazette issue (issues/2019-02) into a temporary folder and prints its PDF
 * in Chromium, once per process; the folder is removed when the process exits.
 */
export function samplePdf(): Promise<SamplePdf> {
  sample ??= (async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), "gazette-print-")), "_site");
    process.on("exit", () => rmSync(path.dirname(out), { recursive: true, force: true }));
    const contentDir = path.join(PROJECT_ROOT, "issues");
    const result = await buildSite({ root: PROJECT_ROOT, contentDir, outputDir: out, search: false });
    if (!result.ok) throw new Error(result.error);
    const site = buildSiteData(await loadArchiveOrThrow(contentDir, PROJECT_ROOT), createMarkdown());
    const [printed] = await printPdfs(out, printTasks(site, { issue: "2019-02" }));
    return { out, site, printed: printed! };
  })();
  return sample;
}
