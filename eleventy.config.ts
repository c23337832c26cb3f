import type { UserConfig } from "@11ty/eleventy";
import { gazettePlugin } from "./src/site/index.ts";

/**
 * Eleventy configuration: one plugin from `src/` does the work. Pages are virtual templates
 * rendered by the layouts in `_includes/layouts/`; content is read from `issues/`
 * (or the folder named by GAZETTE_CONTENT). Input and output folders come from the caller (defaults `.` and `_site/`).
 */
export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(gazettePlugin, {});
  return {
    dir: { includes: "_includes", layouts: "_includes/layouts" },
    templateFormats: ["njk"],
  };
}
