import type { UserConfig } from "@11ty/eleventy";
import { configureGazette } from "./src/site/index.ts";

/**
 * Eleventy configuration for running Eleventy directly (`npx @11ty/eleventy`): one plugin from
 * `src/` does the work, with its defaults (content from `issues/`). `npm run build` and `npm start`
 * do not read this file: they pass the same configuration with typed options (see `buildSite`).
 */
export default function (eleventyConfig: UserConfig) {
  configureGazette(eleventyConfig, {});
}
