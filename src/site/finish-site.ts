import { buildSearchIndex } from "../search/build-index.ts";
import { searchRecordsDir } from "../search/records.ts";
import type { SearchShard } from "../search/shard-plan.ts";
import { timePhase } from "../util/phase-times.ts";
import { writeSiteAssets } from "./site-assets.ts";

/** What {@link finishSite} needs to know about the Eleventy run it follows. */
export interface FinishOptions {
  /** Search shards of this build (`planSearchShards`); omit to build no search index. */
  shards?: readonly SearchShard[];
  /** The published output folder whose shard cache is reused (see `buildSearchIndex`); default the folder being finished. */
  previousDir?: string;
}

/**
 * The steps after Eleventy, in one place for `npm run build` and `npm start`: the site's assets
 * (theme, print stylesheet and fonts, browser code: `writeSiteAssets`) and the Pagefind index
 * (`buildSearchIndex`). The assets are written while Pagefind's own processes index the document
 * pages, which they do not read. (The print views are written from the site model in the data
 * step, `writePrintViews`.)
 * @param outputDir folder Eleventy has just written.
 * @throws the first error of any step (the caller discards the folder).
 */
export async function finishSite(outputDir: string, options: FinishOptions = {}): Promise<void> {
  const alongside = () => writeSiteAssets(outputDir);
  if (!options.shards) return alongside();
  const { shards, previousDir } = options;
  await timePhase("pagefind", () => buildSearchIndex(outputDir, { shards, records: searchRecordsDir(outputDir), ...(previousDir ? { previousDir } : {}), alongside }));
}
