import type { UserConfig } from "@11ty/eleventy";
import path from "node:path";

/**
 * Content is data, never code: Eleventy renders only the pages the plugin registers (virtual
 * templates, see `registerPages`) with the project's own layouts in `_includes/`. Every file of the
 * input folder is ignored as a template, so a `.njk`, `.liquid`, `.11ty.js`, `.html` or `.md` file
 * dropped into `issues/` (or anywhere else in the project) is never rendered or run.
 * Virtual templates are added after Eleventy's file search, so the ignore does not touch them;
 * the file watcher uses its own ignore list, so `npm start` still rebuilds on every change.
 * The content checks (`checkContentFiles`) report such files with a message of their own.
 * Eleventy reads ignore globs from the working folder: `inputDir` (the project folder, Eleventy's
 * input) is ignored by its own path too, for a build started from another folder.
 */
export function renderRegisteredPagesOnly(config: UserConfig, inputDir?: string): void {
  config.ignores.add("**/*");
  const fromHere = inputDir ? path.relative(process.cwd(), inputDir).split(path.sep).join("/") : "";
  if (fromHere) config.ignores.add(`${fromHere}/**/*`);
}
