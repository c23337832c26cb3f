import type { UserConfig } from "@11ty/eleventy";
import { gazettePlugin, type GazettePluginOptions } from "./plugin.ts";

/**
 * The project's Eleventy configuration: the gazette plugin with `options`, layouts in
 * `_includes/layouts/` (relative to Eleventy's input folder, the project folder) and Nunjucks as
 * the only template format, so that nothing but the plugin's virtual templates is rendered.
 * Used by `eleventy.config.ts` and, through Eleventy's programmatic `config` callback, by
 * `buildSite` and `serveSite`, which pass their settings as typed options.
 */
export function configureGazette(config: UserConfig, options: GazettePluginOptions = {}): void {
  config.setIncludesDirectory("_includes");
  config.setLayoutsDirectory("_includes/layouts");
  config.setTemplateFormats(["njk"]);
  config.addPlugin(gazettePlugin, options);
}
