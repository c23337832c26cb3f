import { HtmlBasePlugin, type UserConfig } from "@11ty/eleventy";
import { copyOriginals } from "./originals.ts";
import path from "node:path";
import { loadArchiveOrThrow, type Archive } from "../content/index.ts";
import { createMarkdown } from "../markdown/index.ts";
import { asOfDate, readGitHistory } from "../relations/index.ts";
import { timePhase } from "../util/phase-times.ts";
import { DEFAULT_SHARD_DOCUMENTS, planSearchShards, type SearchShard } from "../search/shard-plan.ts";
// The print modules the build needs, not src/print/index.ts, which also loads the PDF tools
// (playwright-core, pdf-lib) at every build's start (also in site-assets.ts).
import { pdfPath } from "../print/paths.ts";
import { writePrintViews } from "../print/print-views.ts";
import { printTasks, type PrintTask } from "../print/print-jobs.ts";
import { finishSite } from "./finish-site.ts";
import { registerPages } from "./pages.ts";
import { renderRegisteredPagesOnly } from "./registered-pages-only.ts";
import { searchFacetTotals, shardIssuesOf, writeSiteSearchRecords } from "./search-shards.ts";
import { searchRecordsDir } from "../search/records.ts";
import { publishSite } from "./publishing.ts";
import { codeFingerprint, droppedPages, planReuse, printFolders, removePages, reusedPart, type PageManifest, type PageReport, type PagesToRender } from "./page-reuse.ts";
import { buildSiteData } from "./site-data.ts";
import { siteLinks } from "./site-links.ts";

/**
 * Page reuse (see `planReuse`): `staged` (`buildSite`) takes unchanged pages from the previous
 * output folder `from` into Eleventy's output folder (`render: "all"` renders every page but
 * still fingerprints them); `in-place` (`npm start`) rewrites the output folder it serves,
 * starting from the manifest `previous` that `npm run build` left there.
 */
export type PageReuseOption = { kind: "staged"; from: string; render?: "changed" | "all" } | { kind: "in-place"; previous: PageManifest | null };

/** What a build's data step planned, for the steps after Eleventy (see `finishSite`). */
export interface BuildPlan {
  /** Search shards of this build (`planSearchShards`). */
  shards: SearchShard[];
  /** The page report when pages are reused (manifest, counts, print folders rendered), else null. */
  pages: PageReport | null;
  /** The gazette issues' PDFs the pages link to (`printTasks`), when `pdfs` is on; the caller makes them. */
  pdfs: PrintTask[];
}

/** Options of the gazette plugin: every setting of a build, typed (nothing is read from the environment). */
export interface GazettePluginOptions {
  /** Folder holding the gazette issues, absolute or relative to the working folder (default `issues`). */
  contentDir?: string;
  /** Project folder: its code fingerprints the pages for reuse, its theme and client code are watched (default the working folder). */
  root?: string;
  /**
   * The archive of `contentDir`, already loaded and checked (`buildSite` checks before building):
   * used by the first build of this configuration only; later builds (`npm start`) read the folder again.
   */
  archive?: Archive;
  /** Calendar date `YYYY-MM-DD` that 有效性 is computed for (default `asOfDate()`: today in Asia/Shanghai). */
  asOf?: string;
  /** Most documents in one search shard (default `DEFAULT_SHARD_DOCUMENTS`). */
  shardDocuments?: number;
  /** Called at the end of each build's data step with its plan (`buildSite` runs `finishSite` from it). */
  onPlan?: (plan: BuildPlan) => void;
  /** Page reuse (default none: every page is rendered). */
  reuse?: PageReuseOption;
  /**
   * Run the steps after Eleventy (`finishSite`: assets, search index) in
   * `eleventy.after` (default true). `buildSite` turns this off and runs `finishSite` itself once
   * Eleventy has let go of its memory.
   */
  finish?: boolean;
  /** Build the search index in those steps (default true). */
  search?: boolean;
  /**
   * Write the print views into the output folder in the data step (`writePrintViews`, default
   * true); off for a render in memory (`toJSON`), which writes nothing.
   */
  printViews?: boolean;
  /**
   * The pages link each gazette issue's PDF (`pdf/<YYYY-NN>.pdf`, default false). Only a caller that
   * makes those PDFs before publishing sets it (`buildSite` with `pdfs`), so that no page links a
   * file that does not exist; the PDFs to make come with the plan (`BuildPlan.pdfs`).
   */
  pdfs?: boolean;
}

/**
 * The whole site as one Eleventy plugin: reads and validates the content folder into the global
 * `site` data (see `buildSiteData`), registers the generated pages as virtual templates rendered by
 * the layouts in `_includes/layouts/` (with Atom feeds, open-data files, sitemap and robots.txt, see
 * `publishSite`), turns on Nunjucks autoescaping and adds the path prefix to HTML URLs
 * (HtmlBasePlugin). The print views are written from the site model in the data step
 * (`writePrintViews`). After Eleventy, `finishSite` writes the assets and the search
 * index from the search records of the site model (`writeSiteSearchRecords`; unless `finish` is false). Document, issue and print pages whose inputs did not change
 * are not rendered again when `reuse` is given (`planReuse`). Each step is timed (`timePhase`).
 * Markdown bodies are rendered by our markdown-it instance only, never by a template engine, so
 * `{{` and `{%` in a document stay text.
 * @throws ContentError (from the global data) when the content has errors: the build stops.
 */
export function gazettePlugin(config: UserConfig, options: GazettePluginOptions = {}): void {
  const root = path.resolve(options.root ?? ".");
  const contentDir = path.resolve(options.contentDir ?? "issues");
  const md = createMarkdown();
  config.addPlugin(HtmlBasePlugin);
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  config.addWatchTarget(path.join(contentDir, "**/*.{md,yml}"));
  config.addWatchTarget(path.join(root, "src/theme/**/*.scss"));
  config.addWatchTarget(path.join(root, "src/client/**/*.ts"));
  let given = options.archive;
  let shards: SearchShard[] = [];
  let orphans: string[] = [];
  let planned: PageManifest | null = null;
  // npm start: the manifest of what the output folder holds, first the one `npm run build` left there.
  let served = options.reuse?.kind === "in-place" ? options.reuse.previous : null;
  let originals: { url: string; source: string }[] = [];
  config.addGlobalData("site", async () => {
    const archive = given ?? (await timePhase("content", () => loadArchiveOrThrow(contentDir, root)));
    given = undefined;
    const history = await timePhase("git history", () => readGitHistory(contentDir));
    const site = await timePhase("site data (Markdown)", () => buildSiteData(archive, md, { asOf: asOfDate(options.asOf), history }));
    shards = planSearchShards(shardIssuesOf(archive), options.shardDocuments ?? DEFAULT_SHARD_DOCUMENTS);
    // The index is built from these records after Eleventy (finishSite), in a folder beside the output.
    if (options.search !== false) await timePhase("search records", () => writeSiteSearchRecords(searchRecordsDir(config.directories.output), site.documents, archive, shards));
    originals = site.issues.flatMap((i) => (i.original ? [i.original] : []));
    const published = await timePhase("feeds, data, heads", () => publishSite(site, siteLinks(site.settings.url, config.pathPrefix)));
    let pages: PagesToRender = { documents: published.documents, printDocuments: published.documents, issues: published.issues, printIssues: published.issues };
    orphans = [];
    planned = null;
    const reuse = options.reuse;
    let report: PageReport | null = null;
    if (reuse) {
      const context = { code: await codeFingerprint(root), pathPrefix: config.pathPrefix ?? "/", pdfs: options.pdfs === true };
      const source = reuse.kind === "staged" ? { kind: "staged" as const, from: reuse.from, into: path.resolve(config.directories.output) } : { kind: "in-place" as const, dir: path.resolve(config.directories.output), previous: served };
      const plan = await planReuse(published, context, source, reuse.kind === "in-place" || reuse.render !== "all");
      pages = plan.render;
      report = { manifest: plan.manifest, pages: Object.keys(plan.manifest.pages).length, reused: plan.reuse.length, printIssues: printFolders(pages) };
      if (reuse.kind === "in-place") {
        // Pages of the folder that this build no longer has (a document withheld or removed) go.
        orphans = droppedPages(served, plan);
        served = reusedPart(plan);
        planned = plan.manifest;
      }
    }
    // Print views come from the model by their own templates, written now: Eleventy would hold every one it rendered.
    if (options.printViews !== false) {
      const views = { printIssues: pages.printIssues, printDocuments: pages.printDocuments };
      const settings = { includesDir: path.join(root, "_includes"), settings: site.settings, pathPrefix: config.pathPrefix ?? "/" };
      await timePhase("print views", () => writePrintViews(path.resolve(config.directories.output), views, settings));
    }
    options.onPlan?.({ shards, pages: report, pdfs: options.pdfs ? printTasks(site, {}) : [] });
    // The search page adds the other shards with Pagefind's mergeIndex; `base` exceeds any shard's size (see shardSortWeights).
    return { ...published, pages, searchShards: { paths: shards.slice(1).map((s) => s.path), base: Math.max(0, ...shards.map((s) => s.documents)) + 1 }, searchFacets: searchFacetTotals(site.documents), pdfs: options.pdfs === true };
  });
  config.addFilter("pdfUrl", (item: Parameters<typeof pdfPath>[0]) => `/${pdfPath(item)}`);
  config.addFilter("pdfPath", pdfPath);
  renderRegisteredPagesOnly(config, root);
  registerPages(config);
  config.on("eleventy.after", async ({ directories }) => {
    if (orphans.length > 0) await removePages(directories.output, orphans);
    // The printed issues as published (original.pdf), copied beside their issue pages.
    await copyOriginals(directories.output, originals);
    if (options.finish === false) return;
    await finishSite(directories.output, options.search === false ? {} : { shards });
    // npm start: every page of this build is now in the output folder as planned.
    if (planned) served = planned;
  });
}
