import Eleventy, { type UserConfig as EleventyConfig } from "@11ty/eleventy";
import path from "node:path";
import { formatFindings, loadArchive, type Finding } from "../content/index.ts";
import { say } from "../i18n/index.ts";
import { devServerLogger, ErrorBanner } from "./error-banner.ts";
import { explainError } from "./explain-error.ts";
import { watch } from "node:fs";
import { stat } from "node:fs/promises";
import { configureGazette } from "../site/index.ts";
import { listenOnHost, safePathMiddleware, servedUrl } from "./local-server.ts";
import { lockOutput } from "./output-lock.ts";
import { BUILD_LOCK_WAIT_MS } from "./build-lock.ts";
import { rebuildOnDelete } from "./rebuild-on-delete.ts";
import { pageManifestPath, readPageManifest, removePageManifest } from "../site/page-reuse.ts";

/** Options of {@link serveSite}. Paths are relative to `root`. */
export interface ServeOptions {
  /** Project folder (default `process.cwd()`). */
  root?: string;
  /** Content folder (default `issues`). */
  contentDir?: string;
  /** Output folder (default `_site`). */
  outputDir?: string;
  /** Port of the local server (default 8080). */
  port?: number;
  /** Calendar date `YYYY-MM-DD` that 有效性 is computed for (default today in Asia/Shanghai, see `asOfDate`). */
  asOf?: string;
  /** Most documents in one search shard (default `DEFAULT_SHARD_DOCUMENTS`). */
  shardDocuments?: number;
  /** Address to listen on (default `127.0.0.1`: this machine only; `0.0.0.0` opens it to the network). */
  host?: string;
}

/** A running development server. */
export interface RunningServer {
  /** Base URL it really listens at, e.g. `http://127.0.0.1:8080/` (the next free port when the one asked for is taken). */
  url: string;
  /**
   * Resolves once the site is built and Eleventy watches the files: at once when the content had
   * no error at start, else after the editor's fix (rejects if that first build cannot start).
   */
  watching: Promise<void>;
  /** Stops watching and closes the server. */
  close(): Promise<void>;
}

/**
 * `npm start`: reports the content checks, builds the site into the output folder and serves
 * it at http://127.0.0.1:<port>/ (this machine only unless `host` is given; every path gets a status
 * code, see `safePathMiddleware`) with live reload, rebuilding (pages, theme and search index) on
 * every change or deletion under the content folder, `_includes/` or `src/theme/` (a rebuild renders only the
 * document, issue and print pages whose inputs changed, see `planPages`). A bad edit prints its
 * findings (Eleventy prints a ContentError without stack) and the server keeps running with the
 * last good pages; fixing the file recovers without a restart. When the content has errors at
 * start, the findings are printed and the server starts all the same: it serves the previous
 * output with the banner, or, when nothing was built yet (a fresh clone), an error page listing
 * them (see `ErrorBanner`); once the content is fixed the site is built and watched
 * (`watching`), and open pages reload. Holds the lock on the output folder (`lockOutput`,
 * `npm start`) until `close()` or the process exits.
 * @throws OutputBusyError when another build or server holds the output folder (after waiting for a build).
 * @returns the running server; the caller may `close()` it (the CLI keeps it until Ctrl-C).
 */
export async function serveSite(options: ServeOptions = {}): Promise<RunningServer> {
  const root = path.resolve(options.root ?? process.cwd());
  const contentDir = path.resolve(root, options.contentDir ?? "issues");
  const outputDir = path.resolve(root, options.outputDir ?? "_site");
  const port = options.port ?? 8080;
  // One writer of the output folder at a time (throws OutputBusyError naming the other process).
  const lock = await lockOutput(outputDir, "npm start", { waitMs: BUILD_LOCK_WAIT_MS, onWait: (_, message) => console.warn(message) });
  const { findings } = await loadArchive(contentDir, root);
  if (findings.length > 0) console.warn(formatFindings(findings));
  // While the content has errors, every page served carries a banner listing them.
  const banner = new ErrorBanner();
  banner.showFindings(findings);
  // Rebuilds render only the pages whose inputs changed (see planPages); the output folder is
  // rewritten in place, so the manifest `npm run build` left beside it no longer describes it.
  // The first build still reuses what the last `npm run build` wrote there.
  const previous = await readPageManifest(pageManifestPath(outputDir));
  await removePageManifest(pageManifestPath(outputDir));
  const plugin = {
    root,
    contentDir,
    reuse: { kind: "in-place" as const, previous },
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.shardDocuments ? { shardDocuments: options.shardDocuments } : {}),
  };
  const eleventy: Eleventy = new Eleventy(root, outputDir, {
    configPath: false,
    runMode: "serve",
    quietMode: true,
    config: (config: EleventyConfig) => {
      configureGazette(config, plugin);
      // Eleventy's own line says localhost whatever the host: it names the address really served.
      config.setServerOptions({
        middleware: [safePathMiddleware, banner.middleware(outputDir)],
        logger: devServerLogger(),
        messageOnStart: () => `Server at ${servedUrl(eleventy)}`,
      });
      config.on("eleventy.after", () => {
        banner.clear();
        console.log(say({ zh: `网站已更新（${new Date().toLocaleTimeString("zh-CN", { hour12: false })}）。`, en: `Site updated (${new Date().toLocaleTimeString("en-GB")}).` }));
      });
    },
  });
  await eleventy.init();
  explainBuildErrors(eleventy, banner);
  await listenOnHost(eleventy, options.host);
  let pending: ContentWait | null = null;
  let watching: Promise<void>;
  if (findings.some((f) => f.severity === "error")) {
    // Eleventy's watcher starts only after a first successful build: serve what there is (the
    // previous pages with the banner, or the error page when nothing was built yet) at once, and
    // build and watch in the background once the content is fixed.
    await eleventy.serve(port);
    const previousSite = await stat(path.join(outputDir, "index.html")).then((s) => s.isFile(), () => false);
    console.error(
      previousSite
        ? say({ zh: "\n内容有错误：先显示上次生成的页面（每页顶部列出错误）。改正文件并保存后，网站会自动重新生成。", en: "\nThe content has errors: serving the previous pages (each with the errors on top). Fix the file and save: the site is rebuilt." })
        : say({ zh: "\n内容有错误，网站还没有生成：预览地址先显示错误清单。改正文件并保存后，网站会自动生成。", en: "\nThe content has errors and the site was never built: the preview address shows the list of errors. Fix the file and save: the site is built." }),
    );
    pending = waitForValidContent(contentDir, root, (found) => {
      banner.showFindings(found);
      void eleventy.eleventyServe.reload({});
    });
    watching = pending.valid.then(async () => {
      pending = null;
      await eleventy.watch();
      rebuildOnDelete(eleventy);
      // The first build after the fix reloads the open pages (the error page, or pages with the banner).
      await eleventy.eleventyServe.reload({});
      console.log(say({ zh: "内容已无错误：网站已生成，之后的修改保存后会自动更新。", en: "The content has no error now: the site is built, and later edits are rebuilt when saved." }));
    });
    watching.catch((err: unknown) => {
      console.error(`\n${explainError(err)}`);
      banner.showError(err);
    });
  } else {
    await eleventy.watch();
    rebuildOnDelete(eleventy);
    await eleventy.serve(port);
    watching = Promise.resolve();
  }
  // Eleventy's dev server moves to the next free port when `port` is taken: report the real one.
  await eleventy.eleventyServe.server.ready();
  const url = servedUrl(eleventy);
  if (!url.endsWith(`:${port}/`)) console.warn(say({ zh: `端口 ${port} 已被占用，改用下一个空闲端口（可用 npm start -- --port N 指定）。`, en: `Port ${port} is in use: serving on the next free port instead (choose one with npm start -- --port N).` }));
  return {
    url,
    watching,
    close: async () => {
      pending?.close();
      await eleventy.stopWatch();
      await eleventy.eleventyServe.close();
      await lock.release();
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

/** A wait for the content to be valid: `valid` resolves once it is; `close()` stops watching (then `valid` never settles). */
interface ContentWait {
  valid: Promise<void>;
  close(): void;
}

/** Waits until the content folder has no error any more, re-checking after every change (debounced 300 ms); `onErrors` gets the findings of each failed check. */
function waitForValidContent(contentDir: string, root: string, onErrors: (findings: Finding[]) => void): ContentWait {
  let timer: NodeJS.Timeout | undefined;
  let close = () => {};
  const valid = new Promise<void>((resolve, reject) => {
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
    close = () => {
      clearTimeout(timer);
      watcher.close();
    };
  });
  return { valid, close: () => close() };
}
