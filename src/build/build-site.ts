import Eleventy from "@11ty/eleventy";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { formatFindings, loadArchive, type Finding } from "../content/index.ts";
import { explainError } from "./explain-error.ts";
import { removeInBackground } from "./remove-in-background.ts";
import { phaseTimes, resetPhases, timePhase } from "../util/phase-times.ts";
import { searchRecordsDir } from "../search/index.ts";
import { collectGarbage, isProcessRunning, pathExists } from "../util/index.ts";
import { configureGazette, finishSite, type BuildPlan, type GazettePluginOptions } from "../site/index.ts";
import { pageManifestPath, removePageManifest, writePageManifest } from "../site/page-reuse.ts";
import { withBuildLock } from "./build-lock.ts";
import { makeIssuePdfs } from "./build-pdfs.ts";
import { say } from "../i18n/index.ts";

/** Options of {@link buildSite}. Paths are relative to `root`. */
export interface BuildOptions {
  /** Project folder holding `eleventy.config.ts` and `_includes/` (default `process.cwd()`). */
  root?: string;
  /** Content folder (default `issues`). */
  contentDir?: string;
  /** Output folder (default `_site`). */
  outputDir?: string;
  /** URL path the site is served under, e.g. `/gazette/` (default `/`). */
  pathPrefix?: string;
  /** Build the search index (default true). */
  search?: boolean;
  /**
   * Take unchanged document, issue and print pages from the previous output instead of rendering
   * them again (default true; `npm run build -- --full` turns it off). See `planPages`.
   */
  reusePages?: boolean;
  /** Calendar date `YYYY-MM-DD` that 有效性 is computed for (default today in Asia/Shanghai, see `asOfDate`). */
  asOf?: string;
  /** Most documents in one search shard (default `DEFAULT_SHARD_DOCUMENTS` of `src/search/`). */
  shardDocuments?: number;
  /**
   * Make each gazette issue's PDF (`pdf/<YYYY-NN>.pdf`, GB/T 9704-2012) before publishing and link
   * it from the issue and document pages (default false; `npm run build` turns it on, `--no-pdf` off).
   */
  pdfs?: boolean;
  /** Chromium executable for the PDFs (default: see `findChromium`). */
  chromiumPath?: string;
}

/** Outcome of a build: `ok` false means the previous output was left exactly as it was. */
export interface BuildResult {
  ok: boolean;
  /** Every content finding (warnings too). */
  findings: Finding[];
  /** What went wrong, for the editor (no stack trace); "" when ok. */
  error: string;
  /** Wall-clock time in ms. */
  ms: number;
  /**
   * Wall-clock ms of each phase: `checks` (content checks before building), `content`, `site data
   * (Markdown)`, `feeds, data, heads`, `page plan`, `reused pages` (inside Eleventy's data step),
   * `print views` (written from the site model in the data step), `eleventy` (the whole Eleventy
   * run, which includes those), then `pagefind` (the search index, after Eleventy, with `search
   * records hash`) and at the same time `sass`, `print assets` and `client bundle`, then `pdf`
   * (with `pdfs`) and `swap`.
   */
  phases: Record<string, number>;
  /**
   * Document, issue and print pages of this build (`pages`) and how many of them were taken
   * unchanged from the previous output (`reused`); absent when the build stopped before Eleventy.
   */
  pages?: { pages: number; reused: number };
}

/**
 * Builds the site safely: checks the content first (the checked archive is handed to the plugin
 * as an option, so the content is read once), runs Eleventy into a staging folder beside the
 * output, then the steps after Eleventy (`finishSite`: assets, print views, search index), and only
 * when all of that succeeded swaps the staging folder into place (the replaced output is removed
 * by a background process, `removeInBackground`). A failed build (content, templates or search
 * index) removes its staging folder and leaves the previous output untouched. Document, issue and
 * print pages whose inputs did not change are hard-linked from the previous output instead of
 * rendered (`planReuse`; `reusePages: false` renders all); the page manifest beside the output
 * (`pageManifestPath`) is replaced with the output.
 *
 * Memory (see README, "Large archives"): `finishSite` runs after Eleventy has finished and been
 * let go, not inside Eleventy's `eleventy.after` event, because Eleventy keeps every rendered page
 * until it is dropped and Pagefind's service is a separate process whose memory would add to it.
 * When Node runs with `--expose-gc` (as `npm run build` does) the garbage is collected first.
 * Unchanged search shards are reused from the shard cache beside the output folder.
 * One build at a time: the output folder is locked (`withBuildLock`); a second build waits for
 * the first, and stops with a message naming the other process when that is `npm start`.
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  return await withBuildLock(path.resolve(options.root ?? process.cwd(), options.outputDir ?? "_site"), () => buildUnlocked(options));
}

async function buildUnlocked(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  resetPhases();
  const root = path.resolve(options.root ?? process.cwd());
  const contentDir = path.resolve(root, options.contentDir ?? "issues");
  const outputDir = path.resolve(root, options.outputDir ?? "_site");
  const elapsed = () => Math.round(performance.now() - started);
  const loaded = await timePhase("checks", () => loadArchive(contentDir, root));
  const { findings } = loaded;
  if (!loaded.archive) return { ok: false, findings, error: formatFindings(findings), ms: elapsed(), phases: phaseTimes() };
  const staging = `${outputDir}.staging-${process.pid}`;
  const previous = `${outputDir}.previous-${process.pid}`;
  await removeLeftovers(outputDir);
  let plan: BuildPlan | null = null;
  try {
    const plugin: GazettePluginOptions = {
      root,
      contentDir,
      archive: loaded.archive,
      finish: false,
      onPlan: (p) => (plan = p),
      reuse: { kind: "staged", from: outputDir, render: options.reusePages === false ? "all" : "changed" },
      ...(options.asOf ? { asOf: options.asOf } : {}),
      ...(options.shardDocuments ? { shardDocuments: options.shardDocuments } : {}),
      ...(options.pdfs ? { pdfs: true } : {}),
    };
    // Memory: no reference to the archive (every Markdown body) outlives Eleventy's data step.
    loaded.archive = null;
    await runEleventy(root, staging, options.pathPrefix, plugin);
    delete plugin.archive;
    collectGarbage();
    const planned = plan as BuildPlan | null;
    if (!planned) throw new Error("Eleventy finished without the site data step (no plan from the gazette plugin)");
    const printIssues = planned.pages?.printIssues;
    await finishSite(staging, { ...(options.search === false ? {} : { shards: planned.shards }), previousDir: outputDir });
    await rm(searchRecordsDir(staging), { recursive: true, force: true });
    if (planned.pdfs.length > 0) {
      await timePhase("pdf", () => makeIssuePdfs(staging, planned.pdfs, { previousDir: outputDir, ...(printIssues ? { printIssues } : {}), ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}), ...(options.chromiumPath ? { chromiumPath: options.chromiumPath } : {}) }));
    }
  } catch (err) {
    await rm(searchRecordsDir(staging), { recursive: true, force: true });
    const leftover = await discardStaging(staging);
    return { ok: false, findings, error: explainError(err) + leftover, ms: elapsed(), phases: phaseTimes() };
  }
  const done = (plan as BuildPlan | null)?.pages ?? null;
  try {
    await timePhase("swap", async () => {
      // The manifest describes the output it was written with: gone before the output is replaced,
      // written once the new output is in place (an interrupted swap leaves none: the next build renders all).
      // The output is moved aside first: when that fails (a folder that cannot be written), nothing has changed.
      const manifestFile = pageManifestPath(outputDir);
      const hadOutput = await pathExists(outputDir);
      if (hadOutput) await rename(outputDir, previous);
      await removePageManifest(manifestFile);
      await rename(staging, outputDir).catch(async (err: unknown) => {
        if (hadOutput) await rename(previous, outputDir);
        throw err;
      });
      if (done) await writePageManifest(manifestFile, done.manifest);
      if (hadOutput) await removeInBackground(previous);
    });
  } catch (err) {
    const leftover = await discardStaging(staging);
    return { ok: false, findings, error: explainError(err) + leftover, ms: elapsed(), phases: phaseTimes() };
  }
  return { ok: true, findings, error: "", ms: elapsed(), phases: phaseTimes(), ...(done ? { pages: { pages: done.pages, reused: done.reused } } : {}) };
}

/**
 * Runs Eleventy once into `staging` with the gazette configuration and `plugin`'s options (through
 * Eleventy's programmatic `config` callback: no config file, no environment, no change of the
 * working folder; the project folder `root` is Eleventy's input folder). The Eleventy instance,
 * which holds every rendered page, is unreachable once this returns.
 * @throws whatever Eleventy throws (a ContentError, a template error).
 */
async function runEleventy(root: string, staging: string, pathPrefix: string | undefined, plugin: GazettePluginOptions): Promise<void> {
  const eleventy = new Eleventy(root, staging, {
    configPath: false,
    config: (config) => configureGazette(config, plugin),
    quietMode: true,
    ...(pathPrefix ? { pathPrefix } : {}),
  });
  // Our own message (explainError) replaces Eleventy's log, which prints stack traces.
  eleventy.disableLogger();
  await timePhase("eleventy", () => eleventy.write());
}

/**
 * Removes the staging folder of a failed build. When Eleventy rejects, writes and passthrough
 * copies of other pages may still be in flight: removing the folder under them would make them
 * fail later, outside any handler. So the folder is first renamed away (late writes then recreate
 * an almost empty `<output>.staging-<pid>`, which the next build removes, see removeLeftovers) and
 * the renamed folder is removed, with Node's retries for files still landing in it. Never throws:
 * a folder that cannot be removed is reported in the returned text ("" when all went well).
 */
async function discardStaging(staging: string): Promise<string> {
  const discarded = `${staging}-discarded`;
  try {
    if (await pathExists(staging)) await rename(staging, discarded);
    await rm(discarded, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    return "";
  } catch (err) {
    return say({ zh: `\n（未完成的生成文件夹没能删除：${explainError(err)}；下次生成时会删除）`, en: `\n(the unfinished build folder could not be removed: ${explainError(err)}; the next build removes it)` });
  }
}

/**
 * Removes the `<output>.staging-<pid>` and `<output>.previous-<pid>` folders of builds that were
 * interrupted (Ctrl-C, killed): those whose process no longer runs, and this process's own.
 * Folders of a build still running in another process are kept.
 */
async function removeLeftovers(outputDir: string): Promise<void> {
  const dir = path.dirname(outputDir);
  const pattern = new RegExp(`^${path.basename(outputDir).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(staging|previous)-(\\d+)(?:-discarded)?$`);
  const hasOutput = await pathExists(outputDir);
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const m = pattern.exec(name);
    const pid = Number(m?.[2]);
    // A previous-<pid> folder without an output folder is the last good site of a build killed mid-swap: keep it.
    if (m && (m[1] === "staging" || hasOutput) && (pid === process.pid || !isProcessRunning(pid))) await rm(path.join(dir, name), { recursive: true, force: true });
  }
}
