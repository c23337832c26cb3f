import Eleventy, { type UserConfig as EleventyConfig } from "@11ty/eleventy";
import path from "node:path";
import { formatFindings, loadArchive, type Finding } from "../content/index.ts";
import { say } from "../i18n/index.ts";
import { devServerLogger, ErrorBanner } from "./error-banner.ts";
import { explainError } from "./explain-error.ts";
import { watch } from "node:fs";
import { handOverServedManifest, pageManifestPath, readPageManifest, removePageManifest } from "../site/page-reuse.ts";

/** Options of {@link serveSite}. Paths are relative to `root`. */
export interface ServeOptions {
  /** Project folder (default `process.cwd()`). */
  root?: string;
  /** Content folder (default `issues`, or `GAZETTE_CONTENT` from the environment). */
  contentDir?: string;
  /** Output folder (default `_site`). */
  outputDir?: string;
  /** Port of the local server (default 8080). */
  port?: number;
}

/** A running development server. */
export interface RunningServer {
  /** Base URL it really listens at, e.g. `http://localhost:8080/` (the next free port when the one asked for is taken). */
  url: string;
  /** Stops watching and closes the server. */
  close(): Promise<void>;
}

/**
 * `npm start`: reports the content checks, builds the site into the output folder and serves
 * it at http://localhost:<port>/ with live reload, rebuilding (pages, theme and search index) on
 * every change under the content folder, `_includes/` or `src/theme/` (a rebuild renders only the
 * document, issue and print pages whose inputs changed, see `planPages`). A bad edit prints its
 * findings (Eleventy prints a ContentError without stack) and the server keeps running with the
 * last good pages; fixing the file recovers without a restart. When the content has errors at
 * start, the findings are printed and the previous output is served; the promise resolves once
 * the content is fixed and the watcher runs.
 * @returns the running server; the caller may `close()` it (the CLI keeps it until Ctrl-C).
 */
export async function serveSite(options: ServeOptions = {}): Promise<RunningServer> {
  const root = path.resolve(options.root ?? process.cwd());
  const contentDir = path.resolve(root, options.contentDir ?? process.env.GAZETTE_CONTENT ?? "issues");
  const outputDir = path.resolve(root, options.outputDir ?? "_site");
  const port = options.port ?? 8080;
  const { findings } = await loadArchive(contentDir, root);
  if (findings.length > 0) console.warn(formatFindings(findings));
  // While the content has errors, every page served carries a banner listing them.
  const banner = new ErrorBanner();
  banner.showFindings(findings);
  process.env.GAZETTE_CONTENT = contentDir;
  // Rebuilds render only the pages whose inputs changed (see planPages); the output folder is
  // rewritten in place, so the manifest `npm run build` left beside it no longer describes it.
  process.env.GAZETTE_REUSE_IN_PLACE = outputDir;
  // The first build still reuses what the last `npm run build` wrote there.
  handOverServedManifest(await readPageManifest(pageManifestPath(outputDir)));
  await removePageManifest(pageManifestPath(outputDir));
  process.chdir(root);
  const eleventy = new Eleventy(".", path.relative(root, outputDir) || outputDir, {
    configPath: path.join(root, "eleventy.config.ts"),
    runMode: "serve",
    quietMode: true,
    config: (config: EleventyConfig) => {
      config.setServerOptions({ middleware: [banner.middleware(outputDir)], logger: devServerLogger() });
      config.on("eleventy.after", () => {
        banner.clear();
        console.log(say({ zh: `网站已更新（${new Date().toLocaleTimeString("zh-CN", { hour12: false })}）。`, en: `Site updated (${new Date().toLocaleTimeString("en-GB")}).` }));
      });
    },
  });
  await eleventy.init();
  explainBuildErrors(eleventy, banner);
  if (findings.some((f) => f.severity === "error")) {
    // Eleventy's watcher starts only after a first successful build: serve the previous pages
    // and wait for the content to be fixed before building and watching.
    await eleventy.serve(port);
    console.error(say({ zh: "\n内容有错误：先显示上次生成的页面（每页顶部列出错误）。改正文件并保存后，网站会自动重新生成。", en: "\nThe content has errors: serving the previous pages (each with the errors on top). Fix the file and save: the site is rebuilt." }));
    await waitForValidContent(contentDir, root, (found) => {
      banner.showFindings(found);
      void eleventy.eleventyServe.reload({});
    });
    await eleventy.watch();
  } else {
    await eleventy.watch();
    await eleventy.serve(port);
  }
  // Eleventy's dev server moves to the next free port when `port` is taken: report the real one.
  await eleventy.eleventyServe.server.ready();
  const url = eleventy.eleventyServe.server.getServerUrl("localhost");
  if (!url.startsWith(`http://localhost:${port}/`)) console.warn(say({ zh: `端口 ${port} 已被占用，改用下一个空闲端口（可用 npm start -- --port N 指定）。`, en: `Port ${port} is in use: serving on the next free port instead (choose one with npm start -- --port N).` }));
  return {
    url,
    close: async () => {
      await eleventy.stopWatch();
      await eleventy.eleventyServe.close();
    },
  };
}

/**
 * Eleventy's own log of a failed build (English, with stack traces) is replaced by our explained
 * message, and the failure is shown in the error banner of every page (the browsers reload).
 */
function explainBuildErrors(eleventy: Eleventy, banner: ErrorBanner): void {
  eleventy.disableLogger();
  const report = (err: unknown) => {
    console.error(`\n${explainError(err)}`);
    banner.showError(err);
  };
  eleventy.errorHandler.once = (_type: string, err: unknown) => report(err);
  eleventy.errorHandler.error = (err: unknown) => report(err);
  eleventy.errorHandler.fatal = (err: unknown) => report(err);
  eleventy.errorHandler.warn = (err: unknown) => report(err);
  eleventy.eleventyServe.sendError = () => void eleventy.eleventyServe.reload({});
}

/** Resolves when the content folder has no error any more, re-checking after every change (debounced 300 ms); `onErrors` gets the findings of each failed check. */
async function waitForValidContent(contentDir: string, root: string, onErrors: (findings: Finding[]) => void): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(contentDir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        loadArchive(contentDir, root).then(({ archive, findings }) => {
          if (archive) {
            watcher.close();
            resolve();
          } else {
            console.error(`\n${formatFindings(findings)}`);
            onErrors(findings);
          }
        }, reject);
      }, 300);
    });
  });
}
