import { isListed, type Archive } from "../content/model.ts";
import { searchRecord, writeShardRecords } from "../search/records.ts";
import type { SearchShard, ShardIssue } from "../search/shard-plan.ts";
import type { DocumentView } from "./site-data.ts";

/**
 * The issues of an archive as the search-shard plan sees them (`planSearchShards`): key, URL and
 * the number of listed documents (withheld and draft documents are not indexed). The Eleventy
 * plugin (the search page's shard list, the index under `npm start`) and `buildSite` (which
 * indexes after Eleventy) both plan from this, so they agree.
 */
export function shardIssuesOf(archive: Pick<Archive, "issues">): ShardIssue[] {
  return archive.issues.map((i) => ({ key: i.key, url: i.url, documents: i.documents.filter(isListed).length }));
}

/**
 * Writes the search records of the site's documents (views of listed documents only, so
 * withheld and draft text never reaches the index) into `dir`, one file per shard, with each
 * published document's Markdown body from the archive.
 * @returns documents written per shard.
 */
export function writeSiteSearchRecords(dir: string, documents: readonly DocumentView[], archive: Pick<Archive, "issues">, shards: readonly SearchShard[]): number[] {
  const bodies = new Map<string, string>();
  for (const issue of archive.issues) for (const d of issue.documents) if (isListed(d)) bodies.set(d.url, d.body);
  return writeShardRecords(dir, shards, (function* () {
    for (const doc of documents) yield searchRecord(doc, bodies.get(doc.url) ?? "");
  })());
}

/**
 * Every search filter value with its number of documents, from the same records the index gets
 * (`searchRecord`), for the search page: the filters shown before any search, and the issuers
 * and document-number series a query may name. Put on the search page itself
 * (`data-facet-totals`), so the page need not load every filter file of every index shard.
 * @returns filter name → value → documents, as JSON.
 */
export function searchFacetTotals(documents: readonly DocumentView[]): string {
  const totals: Record<string, Record<string, number>> = {};
  for (const doc of documents) {
    for (const [name, values] of Object.entries(searchRecord(doc, "").filters)) {
      const byValue = (totals[name] ??= {});
      for (const v of new Set(values)) byValue[v] = (byValue[v] ?? 0) + 1;
    }
  }
  return JSON.stringify(totals);
}
