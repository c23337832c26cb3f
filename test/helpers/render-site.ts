import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { configureGazette } from "../../src/site/index.ts";
import { PROJECT_ROOT } from "./temp-archive.ts";

/**
 * Renders an archive with the real Eleventy configuration in memory (Eleventy's `toJSON()`): every
 * page, feed and data file by URL, nothing written to disk, no assets, print views or
 * search index. For suites that read rendered text only; suites about files on disk use `buildSite`.
 * @param contentDir the archive to render.
 * @param asOf the as-of date of 有效性 (default today in Asia/Shanghai).
 * @returns URL (e.g. `/2019/1/csf-2019-1/`, `/data/history.json`) → rendered text.
 * @throws whatever Eleventy throws (a ContentError, a template error).
 */
export async function renderSite(contentDir: string, asOf?: string): Promise<Map<string, string>> {
  const eleventy = new Eleventy(PROJECT_ROOT, path.join(contentDir, "..", "unused-output"), {
    configPath: false,
    quietMode: true,
    config: (config) => configureGazette(config, { root: PROJECT_ROOT, contentDir, finish: false, printViews: false, ...(asOf ? { asOf } : {}) }),
  });
  eleventy.disableLogger();
  const pages = await eleventy.toJSON();
  return new Map(pages.filter((p): p is typeof p & { url: string } => typeof p.url === "string").map((p) => [p.url, p.content]));
}
