import path from "node:path";
import { buildSite } from "../../src/build/index.ts";
import { sharedBuild } from "./shared-build.ts";
import { PROJECT_ROOT } from "./temp-archive.ts";

/**
 * The sample gazette (`issues/`) built once per test run and shared by the suites that read it
 * (`sharedBuild`: once per run even when the test files run in several processes). One build per
 * path prefix. The sub-path builds also make and link the gazette issue's PDF, as `npm run build`
 * does (`pdfs`); the root build makes none. Suites may add files to the site but must not change
 * or remove what the build wrote.
 */

/**
 * The output folder of the sample built for `pathPrefix` (default `/`).
 * @throws Error with the build's message when the sample does not build.
 */
export function sampleSite(pathPrefix = "/"): Promise<string> {
  const name = pathPrefix === "/" ? "sample-root" : `sample-prefix-${pathPrefix.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase()}`;
  return sharedBuild(name, async (dir) => {
    const out = path.join(dir, "_site");
    const result = await buildSite({ root: PROJECT_ROOT, contentDir: path.join(PROJECT_ROOT, "issues"), outputDir: out, ...(pathPrefix === "/" ? {} : { pathPrefix, pdfs: true }) });
    if (!result.ok) throw new Error(`the sample gazette does not build: ${result.error}`);
    return out;
  });
}
