import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/index.ts";
import { PROJECT_ROOT } from "./temp-archive.ts";

/**
 * The sample gazette (`issues/`) built once per test run and shared by the suites that read it:
 * uvu runs every test file in one process, so the first suite that asks for a build starts it and
 * the others await the same promise. One build per path prefix; all are removed when the process
 * exits. The sub-path builds also make and link the gazette issue's PDF, as `npm run build` does
 * (`pdfs`); the root build makes none. Suites may add files to the site but must not change or
 * remove what the build wrote.
 */
const builds = new Map<string, Promise<string>>();
let workDir: string | null = null;

/**
 * The output folder of the sample built for `pathPrefix` (default `/`).
 * @throws Error with the build's message when the sample does not build.
 */
export function sampleSite(pathPrefix = "/"): Promise<string> {
  let build = builds.get(pathPrefix);
  if (!build) {
    build = buildSample(pathPrefix);
    builds.set(pathPrefix, build);
  }
  return build;
}

async function buildSample(pathPrefix: string): Promise<string> {
  if (!workDir) {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-sample-"));
    workDir = dir;
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  const out = path.join(workDir, `site-${builds.size}`, "_site");
  const result = await buildSite({ root: PROJECT_ROOT, contentDir: path.join(PROJECT_ROOT, "issues"), outputDir: out, ...(pathPrefix === "/" ? {} : { pathPrefix, pdfs: true }) });
  if (!result.ok) throw new Error(`the sample gazette does not build: ${result.error}`);
  return out;
}
