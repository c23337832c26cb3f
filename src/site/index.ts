export { compileTheme, THEME_ENTRY } from "./compile-theme.ts";
export { gazettePlugin, type GazettePluginOptions } from "./plugin.ts";
export { searchFacetTotals, shardIssuesOf, writeSiteSearchRecords } from "./search-shards.ts";
export { buildSiteData, type DocumentView, type IssueView, type SiteData } from "./site-data.ts";
export { CLIENT_DIR, copyClientFiles } from "./copy-client-files.ts";
export { codeFingerprint, linkPages, pageManifestPath, planPages, planReuse, type PageManifest, type PagePlan, type PagesToRender, type ReuseSource } from "./page-reuse.ts";
export { writeSiteAssets } from "./site-assets.ts";
