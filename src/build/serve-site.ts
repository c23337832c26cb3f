import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { formatFindings, loadArchive } from "../content/index.ts";

/** Options of {@link serveSite}. */
export interface ServeOptions {
  /** Project folder (default `process.cwd()`). */
  root?: string;
  /** Port of the local server (default 8080). */
  port?: number;
}

/**
 * `npm start`: reports the content checks, builds the site into `_site/` and serves it at
 * http://localhost:<port>/ with live reload, rebuilding (pages, theme and search index) on every
 * change under `issues/`, `_includes/` or `src/theme/`. A bad edit prints its findings and the
 * server keeps running with the last good pages; fixing the file recovers without a restart.
 */
export async function serveSite(options: ServeOptions = {}): Promise<void> {
  const root = path.resolve(options.root ?? process.cwd());
  const { findings } = await loadArchive(path.join(root, process.env.GAZETTE_CONTENT ?? "issues"), root);
  if (findings.length > 0) console.warn(formatFindings(findings));
  process.chdir(root);
  const eleventy = new Eleventy(".", "_site", { configPath: path.join(root, "eleventy.config.ts"), runMode: "serve" });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(options.port ?? 8080);
}
