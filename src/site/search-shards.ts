import { isListed, type Archive } from "../content/model.ts";
import type { ShardIssue } from "../search/shard-plan.ts";

/**
 * The issues of an archive as the search-shard plan sees them (`planSearchShards`): key, URL and
 * the number of listed documents (withheld and draft documents have no page, so Pagefind never
 * sees them). The Eleventy plugin (the search page's shard list, the index under `npm start`) and
 * `buildSite` (which indexes after Eleventy) both plan from this, so they agree.
 */
export function shardIssuesOf(archive: Pick<Archive, "issues">): ShardIssue[] {
  return archive.issues.map((i) => ({ key: i.key, url: i.url, documents: i.documents.filter(isListed).length }));
}
