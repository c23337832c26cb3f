export { compileTheme, THEME_ENTRY } from "./compile-theme.ts";
export { gazettePlugin, type GazettePluginOptions, type PageReuseOption } from "./plugin.ts";
export { configureGazette } from "./eleventy-config.ts";
export { finishSite, type FinishOptions } from "./finish-site.ts";
export { shardIssuesOf } from "./search-shards.ts";
export { buildSiteData, type DocumentView, type IssueView, type SiteData } from "./site-data.ts";
export { CLIENT_DIR, copyClientFiles } from "./copy-client-files.ts";
export { codeFingerprint, linkPages, pageManifestPath, planPages, planReuse, type PageManifest, type PagePlan, type PageReport, type PagesToRender, type ReuseSource } from "./page-reuse.ts";
export { writeSiteAssets } from "./site-assets.ts";
