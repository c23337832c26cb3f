import Eleventy from "@11ty/eleventy";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { formatFindings, handOverCheckedArchive, loadArchive, type Finding } from "../content/index.ts";
import { explainError } from "./explain-error.ts";
import { removeInBackground } from "./remove-in-background.ts";
import { phaseTimes, resetPhases, timePhase } from "./phase-times.ts";
import { buildSearchIndex, planSearchShards, searchRecordsDir, shardDocumentsFromEnv, type ShardIssue } from "../search/index.ts";
import { shardIssuesOf } from "../site/search-shards.ts";
import { pathExists } from "../util/index.ts";
import { pageManifestPath, removePageManifest, stampPages, takePageManifest, writePageManifest, type PageReport } from "../site/page-reuse.ts";
import { assemblePrintViews } from "../print/assemble-print-views.ts";
import { writeSiteAssets } from "../site/site-assets.ts";

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
   * `eleventy` (the whole Eleventy run, which includes those), then `pagefind` (the search index,
   * after Eleventy, with `search records hash`) and at the same time `sass`,
   * `print assets`, `client bundle` and `print views`, then `swap`.
   */
  phases: Record<string, number>;
  /**
   * Document, issue and print pages of this build (`pages`) and how many of them were taken
   * unchanged from the previous output (`reused`); absent when the build stopped before Eleventy.
   */
  pages?: { pages: number; reused: number };
}

/**
 * Builds the site safely: checks the content first, builds into a staging folder beside the
 * output (Eleventy pages and Sass theme, then the Pagefind index), and only when all of that
 * succeeded swaps the staging folder into place (the replaced output is removed by a background
 * process, `removeInBackground`). A failed build (content, templates or search index) removes its
 * staging folder and leaves the previous output untouched. Document, issue and print pages whose
 * inputs did not change are hard-linked from the previous output instead of rendered
 * (`planPages`; `reusePages: false` renders all); the page manifest beside the output
 * (`pageManifestPath`) is replaced with the output.
 *
 * Memory (20,000 documents: see README, "Large archives"): the search index is built after
 * Eleventy has finished and been let go, not inside Eleventy's `eleventy.after` event, because
 * Eleventy keeps every rendered page until it is dropped and Pagefind's service is a separate
 * process whose memory would add to it. Unchanged shards are reused from the shard cache beside
 * the output folder (`buildSearchIndex` with `previousDir` = the output folder). When Node runs with `--expose-gc`
 * (as `npm run build` does) the garbage is collected before Pagefind starts. What Pagefind does not
 * read is done while the shards are indexed (Pagefind's child processes keep about 1.3 of 2 cores
 * busy): the theme, print stylesheet and browser code (`writeSiteAssets`) and the print views
 * (`assemblePrintViews`, only those rendered by this build).
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  resetPhases();
  const root = path.resolve(options.root ?? process.cwd());
  const contentDir = path.resolve(root, options.contentDir ?? "issues");
  const outputDir = path.resolve(root, options.outputDir ?? "_site");
  const elapsed = () => Math.round(performance.now() - started);
  takePageManifest(); // a failed build's manifest must not outlive it
  const checked = await checkAndHandOver(contentDir, root);
  const { findings, shardIssues } = checked;
  if (!checked.ok) return { ok: false, findings, error: formatFindings(findings), ms: elapsed(), phases: phaseTimes() };

  const staging = `${outputDir}.staging-${process.pid}`;
  const previous = `${outputDir}.previous-${process.pid}`;
  await removeLeftovers(outputDir);
  let report: PageReport | null = null;
  try {
    await runEleventy(root, contentDir, staging, options.pathPrefix, outputDir, options.reusePages !== false);
    report = takePageManifest();
    const printIssues = report?.printIssues;
    collectGarbage();
    // What Pagefind does not read (site assets, print views) is done while it indexes the document pages.
    const finish = async () => {
      await writeSiteAssets(staging);
      await timePhase("print views", () => assemblePrintViews(staging, printIssues ? { issues: printIssues } : {}));
    };
    if (options.search !== false) {
      // The plan of the plugin's data step (same issues, same shard size), for the index.
      const shards = planSearchShards(shardIssues, shardDocumentsFromEnv(process.env.GAZETTE_SEARCH_SHARD_DOCUMENTS));
      await timePhase("pagefind", () => buildSearchIndex(staging, { shards, records: searchRecordsDir(staging), previousDir: outputDir, alongside: finish }));
    } else await finish();
    await rm(searchRecordsDir(staging), { recursive: true, force: true });
  } catch (err) {
    await rm(searchRecordsDir(staging), { recursive: true, force: true });
    const leftover = await discardStaging(staging);
    return { ok: false, findings, error: explainError(err) + leftover, ms: elapsed(), phases: phaseTimes() };
  }
  await timePhase("swap", async () => {
    // The manifest describes the output it was written with: gone before the output is replaced,
    // written once the new output is in place (an interrupted swap leaves none: the next build renders all).
    const manifestFile = pageManifestPath(outputDir);
    await removePageManifest(manifestFile);
    const hadOutput = await pathExists(outputDir);
    if (hadOutput) await rename(outputDir, previous);
    await rename(staging, outputDir);
    if (report) await writePageManifest(manifestFile, stampPages(outputDir, report.manifest));
    if (hadOutput) await removeInBackground(previous);
  });
  return { ok: true, findings, error: "", ms: elapsed(), phases: phaseTimes(), ...(report ? { pages: { pages: report.pages, reused: report.reused } } : {}) };
}

/**
 * Checks the content and hands the checked archive over to the Eleventy plugin (read once per
 * build). Returns only the findings and what the search-shard plan needs, so that no reference
 * to the archive (every Markdown body) outlives the plugin's data step.
 */
async function checkAndHandOver(contentDir: string, root: string): Promise<{ ok: boolean; findings: Finding[]; shardIssues: ShardIssue[] }> {
  const { archive, findings } = await timePhase("checks", () => loadArchive(contentDir, root));
  if (!archive) return { ok: false, findings, shardIssues: [] };
  handOverCheckedArchive(contentDir, archive);
  return { ok: true, findings, shardIssues: shardIssuesOf(archive) };
}

/**
 * Runs Eleventy once into `staging` with the plugin's own search index off. The Eleventy
 * instance, which holds every rendered page, is unreachable once this returns. The plugin takes
 * unchanged pages from `outputDir` (`GAZETTE_REUSE_FROM`; with `reusePages` false,
 * `GAZETTE_REUSE=off` makes it render every page but still fingerprint them for the next build).
 * @throws whatever Eleventy throws (a ContentError, a template error).
 */
async function runEleventy(root: string, contentDir: string, staging: string, pathPrefix: string | undefined, outputDir: string, reusePages: boolean): Promise<void> {
  // What the plugin reads from the environment for this run (see gazettePlugin), restored after it.
  const env: Record<string, string | undefined> = {
    GAZETTE_CONTENT: contentDir,
    GAZETTE_SEARCH: "off",
    GAZETTE_REUSE_FROM: outputDir,
    GAZETTE_DEFERRED: "on",
    GAZETTE_REUSE: reusePages ? process.env.GAZETTE_REUSE : "off",
  };
  const savedEnv = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const savedCwd = process.cwd();
  try {
    for (const [name, value] of Object.entries(env)) setEnv(name, value);
    process.chdir(root);
    const eleventy = new Eleventy(".", staging, {
      configPath: path.join(root, "eleventy.config.ts"),
      quietMode: true,
      ...(pathPrefix ? { pathPrefix } : {}),
    });
    // Our own message (explainError) replaces Eleventy's log, which prints stack traces.
    eleventy.disableLogger();
    await timePhase("eleventy", () => eleventy.write());
  } finally {
    process.chdir(savedCwd);
    for (const [name, value] of Object.entries(savedEnv)) setEnv(name, value);
  }
}

/** Runs a full garbage collection when Node exposes it (`--expose-gc`); otherwise V8 decides when. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
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
    return `\n(the unfinished build folder could not be removed: ${explainError(err)}; the next build removes it)`;
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
    if (m && (m[1] === "staging" || hasOutput) && (pid === process.pid || !isRunning(pid))) await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Sets an environment variable, or removes it when `value` is undefined. */
function setEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

