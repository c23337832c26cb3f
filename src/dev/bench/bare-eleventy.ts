import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Writes the baseline Eleventy project of `npm run bench` into `dir`: bare Eleventy (no plugin)
 * rendering the Markdown documents of `contentDir` with a one-line layout (`lang="zh-CN"` and
 * `data-pagefind-body`, so the bare Pagefind baseline indexes them the same way).
 * @returns the path of its config file.
 */
export async function writeBareEleventy(dir: string, contentDir: string): Promise<string> {
  await mkdir(path.join(dir, "_includes"), { recursive: true });
  await writeFile(path.join(dir, "_includes", "one-line.njk"), '<!doctype html><html lang="zh-CN"><title>{{ title }}</title><body data-pagefind-body>{{ content | safe }}</body></html>\n');
  const config = path.join(dir, "eleventy.config.mjs");
  await writeFile(
    config,
    [
      `import YAML from ${JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve("yaml")).href)};`,
      "export default function (config) {",
      '  config.addGlobalData("layout", "one-line.njk");',
      "  // Our front matter has page: (原刊页码), one of Eleventy's reserved names: read it as printedPage.",
      "  config.setFrontMatterParsingOptions({ engines: { yaml: (s) => { const d = YAML.parse(s) ?? {}; if ('page' in d) { d.printedPage = d.page; delete d.page; } return d; } } });",
      `  return { dir: { input: ${JSON.stringify(contentDir)}, includes: ${JSON.stringify(path.relative(contentDir, path.join(dir, "_includes")))} }, templateFormats: ["md"] };`,
      "}",
      "",
    ].join("\n"),
  );
  return config;
}
