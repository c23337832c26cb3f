/**
 * `npm run build [-- --path-prefix /gazette/] [-- --no-search] [-- --no-pdf] [-- --full]`: checks
 * the content, builds the site into `_site/` (pages, theme, search index, each gazette issue's
 * PDF) and swaps it in only on success.
 * Unchanged document, issue and print pages are taken from the previous `_site/`; `--full`
 * renders every page again.
 */
import { buildSite } from "../src/build/index.ts";
import { formatFindings } from "../src/content/index.ts";
import { say } from "../src/i18n/index.ts";
import { parseCliArgs } from "../src/util/index.ts";
import { settingsFromEnv } from "./settings.ts";

const { values } = parseCliArgs({
  options: {
    "path-prefix": { type: "string" },
    "no-search": { type: "boolean", default: false },
    "no-pdf": { type: "boolean", default: false },
    full: { type: "boolean", default: false },
    content: { type: "string" },
    output: { type: "string" },
  },
}, "npm run build [-- --full] [--no-search] [--no-pdf] [--path-prefix /gazette/] [--content DIR] [--output DIR]");
const env = settingsFromEnv();
const result = await buildSite({
  ...(env.asOf ? { asOf: env.asOf } : {}),
  ...(env.shardDocuments ? { shardDocuments: env.shardDocuments } : {}),
  ...(values.content ? { contentDir: values.content } : {}),
  ...(values.output ? { outputDir: values.output } : {}),
  ...(values["path-prefix"] ? { pathPrefix: values["path-prefix"] } : env.pathPrefix ? { pathPrefix: env.pathPrefix } : {}),
  search: !values["no-search"],
  pdfs: !values["no-pdf"],
  ...(env.chromiumPath ? { chromiumPath: env.chromiumPath } : {}),
  reusePages: !values.full,
});
if (!result.ok) {
  console.error(result.error);
  console.error(say({ zh: "\n生成已停止：输出文件夹中的网站没有任何改动。", en: "\nBuild stopped: nothing was changed in the output folder." }));
  process.exit(1);
}
const warnings = formatFindings(result.findings);
if (warnings) console.warn(warnings);
console.log(say({ zh: `网站已生成，用时 ${(result.ms / 1000).toFixed(1)} 秒。`, en: `Built the site in ${(result.ms / 1000).toFixed(1)} s.` }));
