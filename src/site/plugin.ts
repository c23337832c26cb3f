import { HtmlBasePlugin, type UserConfig } from "@11ty/eleventy";
import { copyOriginals } from "./originals.ts";
import path from "node:path";
import { loadArchiveOrThrow, takeCheckedArchive } from "../content/index.ts";
import { createMarkdown } from "../markdown/index.ts";
import { asOfDate, readGitHistory } from "../relations/index.ts";
import { timePhase } from "../build/phase-times.ts";
import { buildSearchIndex } from "../search/build-index.ts";
import { planSearchShards, shardDocumentsFromEnv, type SearchShard } from "../search/shard-plan.ts";
// The print modules the build needs, not src/print/index.ts, which also loads the PDF tools
// (playwright-core, pdf-lib): about 0.5 s of every build's start (also in site-assets.ts).
import { assemblePrintViews, documentBodyMarker, printDocumentMarker } from "../print/assemble-print-views.ts";
import { pdfPath, printUrl } from "../print/paths.ts";
import { writeSiteAssets } from "./site-assets.ts";
import { registerPages } from "./pages.ts";
import { shardIssuesOf } from "./search-shards.ts";
import { publishSite } from "./publishing.ts";
import { codeFingerprint, droppedPages, handOverPageManifest, planReuse, printFolders, removePages, reusedPart, stampPages, takeServedManifest, type PageManifest, type PagesToRender, type ReuseSource } from "./page-reuse.ts";
import { buildSiteData } from "./site-data.ts";
import { siteLinks } from "./site-links.ts";

/** Options of the gazette plugin. */
export interface GazettePluginOptions {
  /** Folder holding the gazette issues (default `issues`, or `GAZETTE_CONTENT` from the environment). */
  contentDir?: string;
  /**
   * Build the Pagefind index after writing pages (default true; also off when `GAZETTE_SEARCH=off`,
   * which `buildSite` sets because it builds the index itself once Eleventy has let go of its memory).
   */
  search?: boolean;
}

/**
 * The whole site as one Eleventy plugin: reads and validates `issues/` into the global `site`
 * data (see `buildSiteData`), registers the generated pages as virtual templates rendered by the
 * layouts in `_includes/layouts/` (with Atom feeds, open-data files, sitemap and robots.txt, see
 * `publishSite`), turns on Nunjucks autoescaping, adds the path prefix to HTML URLs
 * (HtmlBasePlugin; Pagefind finds its own base from its script URL), compiles the Sass theme (and the
 * GB/T 9704-2012 print stylesheet with its bundled fonts, see `src/print/`; the print views take
 * the documents' texts from the document pages after Eleventy, see `assemblePrintViews`), bundles the browser
 * code (`bundleClient`; `copyClientFiles` copies the other files of `src/client/` to `/assets/`) and
 * builds the Pagefind index in shards merged into one index after each build under `--serve`
 * (`npm start`; see `planSearchShards` and `buildSearchIndex`: unchanged shards are reused from
 * the shard cache beside the output folder).
 * `buildSite` turns the plugin's index off (`GAZETTE_SEARCH=off`) and indexes after Eleventy
 * instead, so that Pagefind's memory does not add to Eleventy's; it also writes the assets
 * (`writeSiteAssets`) and completes the print views itself while Pagefind indexes
 * (`GAZETTE_DEFERRED=on`). Document, issue and print pages whose inputs did not change are not
 * rendered again (`planReuse`). Each step is timed (`timePhase`).
 * 有效性 is computed for `asOfDate()` (GAZETTE_AS_OF, else today in Asia/Shanghai) and each
 * document's history is read from git in one `git log` run (`readGitHistory`). Markdown bodies are
 * rendered by our markdown-it instance only, never by a template engine, so `{{` and `{%` in a
 * document stay text.
 * @throws ContentError (from the global data) when the content has errors: the build stops.
 */
export function gazettePlugin(config: UserConfig, options: GazettePluginOptions = {}): void {
  const contentDir = options.contentDir ?? process.env.GAZETTE_CONTENT ?? "issues";
  const md = createMarkdown();
  config.addPlugin(HtmlBasePlugin);
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  config.addWatchTarget(path.join(contentDir, "**/*.{md,yml}"));
  config.addWatchTarget("src/theme/**/*.scss");
  config.addWatchTarget("src/client/**/*.ts");
  const shardDocuments = shardDocumentsFromEnv(process.env.GAZETTE_SEARCH_SHARD_DOCUMENTS);
  let shards: SearchShard[] = [];
  let reuse: { printIssues: Set<string>; manifest: PageManifest; orphans: string[] } | null = null;
  let served: PageManifest | null = null;
  let originals: { url: string; source: string }[] = [];
  // buildSite (GAZETTE_REUSE_FROM): pages linked from the previous output into Eleventy's output
  // folder. npm start (GAZETTE_REUSE_IN_PLACE): the output folder is rewritten in place; `served`
  // is the manifest of what it holds, first the one `npm run build` left there.
  const reuseSource = (): ReuseSource | null => {
    const from = process.env.GAZETTE_REUSE_FROM;
    if (from) return { kind: "staged", from, into: path.resolve(config.directories.output) };
    const dir = process.env.GAZETTE_REUSE_IN_PLACE;
    served ??= dir ? takeServedManifest() : null;
    return dir ? { kind: "in-place", dir, previous: served } : null;
  };
  config.addGlobalData("site", async () => {
    const archive = takeCheckedArchive(contentDir) ?? (await timePhase("content", () => loadArchiveOrThrow(contentDir)));
    const history = await timePhase("git history", () => readGitHistory(contentDir));
    const site = await timePhase("site data (Markdown)", () => buildSiteData(archive, md, { asOf: asOfDate(), history }));
    shards = planSearchShards(shardIssuesOf(archive), shardDocuments);
    originals = site.issues.flatMap((i) => (i.original ? [i.original] : []));
    const published = await timePhase("feeds, data, heads", () => publishSite(site, siteLinks(site.settings.url, config.pathPrefix)));
    reuse = null;
    let pages: PagesToRender = { documents: published.documents, printDocuments: published.documents, issues: published.issues, printIssues: published.issues };
    const source = reuseSource();
    if (source) {
      const context = { code: await codeFingerprint(process.cwd()), pathPrefix: config.pathPrefix ?? "/" };
      const plan = await planReuse(published, context, source, process.env.GAZETTE_REUSE !== "off");
      if (source.kind === "in-place") served = reusedPart(plan, source.previous);
      handOverPageManifest(plan);
      pages = plan.render;
      // npm start: pages of the folder that this build no longer has (a document withheld or removed) go.
      const orphans = source.kind === "in-place" ? droppedPages(source.previous, plan) : [];
      reuse = { printIssues: printFolders(pages), manifest: plan.manifest, orphans };
    }
    return { ...published, pages };
  });
  config.addFilter("printUrl", printUrl);
  config.addFilter("pdfUrl", (item: Parameters<typeof pdfPath>[0]) => `/${pdfPath(item)}`);
  config.addFilter("pdfPath", pdfPath);
  config.addFilter("printDocumentMarker", printDocumentMarker);
  config.addFilter("documentBodyMarker", documentBodyMarker);
  registerPages(config);
  config.on("eleventy.after", async ({ directories }) => {
    const reused = reuse;
    // buildSite (GAZETTE_DEFERRED=on) writes the assets and completes the print views itself, while Pagefind indexes.
    if (process.env.GAZETTE_DEFERRED !== "on") {
      await writeSiteAssets(directories.output);
      await timePhase("print views", () => assemblePrintViews(directories.output, reused ? { issues: reused.printIssues } : {}));
    }
    if (reused && reused.orphans.length > 0) await removePages(directories.output, reused.orphans);
    await copyOriginals(directories.output, originals);
    if (options.search !== false && process.env.GAZETTE_SEARCH !== "off") {
      await timePhase("pagefind", () => buildSearchIndex(directories.output, { shards }));
    }
    // npm start: every page of this build is now in the output folder as planned.
    if (reused && process.env.GAZETTE_REUSE_IN_PLACE) served = stampPages(directories.output, reused.manifest);
  });
}
