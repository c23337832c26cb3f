import { closeSync, mkdirSync, openSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { SearchShard } from "./shard-plan.ts";

/**
 * One document as the search index receives it: taken from the site model (the checked archive
 * and its derived values), never from built pages. Only listed documents have records (withheld
 * and draft documents never reach the index); a document whose text is not published
 * (`on-request`) has an empty body, so only its title and metadata are searchable.
 */
export interface SearchRecord {
  /** Site URL of the document page, `/<year>/<number>/<slug>/` (without the path prefix). */
  url: string;
  /** The document's file in the content folder, `YYYY-NN/slug.md` (for messages). */
  source: string;
  title: string;
  docNumbers: string[];
  /** Markdown body (turned into plain text when indexed, `plainText` in `indexRecords`); "" when not published. */
  body: string;
  /** Shown with each result: `title`, `docNumber`, `issuer`, `date`, `issue`, and `validity` when not in force. */
  meta: Record<string, string>;
  /** Search filters (the facets of the search page and the hidden `文号系列`). */
  filters: Record<string, string[]>;
  /** Sort keys `newest` and `oldest` (see `DocumentView.sortKeys`). */
  sort: Record<string, string>;
}

/** The part of a document view (`DocumentView` in src/site/site-data.ts) a record is made from. */
export interface RecordSource {
  url: string;
  slug: string;
  title: string;
  docNumbers: string[];
  issuers: string[];
  dateLabel: string;
  issue: { key: string; gazette: string; label: string };
  year: number;
  section: string;
  docType: string;
  series: string[];
  validityLabel?: string;
  sortKeys: { newest: string; oldest: string };
  textPublished: boolean;
}

/** Validity labels that put a badge on a result (the document is not, or not wholly, in force). */
export const NOT_IN_FORCE = new Set(["已失效", "已废止", "已修改"]);

/**
 * The search record of a document view.
 * @param body the document's Markdown body (ignored when its text is not published).
 */
export function searchRecord(doc: RecordSource, body: string): SearchRecord {
  const meta: Record<string, string> = {
    title: doc.title,
    docNumber: doc.docNumbers.length > 0 ? doc.docNumbers.join("、") : "无",
    issuer: doc.issuers.join("、"),
    date: doc.dateLabel,
    issue: `${doc.issue.gazette}${doc.issue.label}`,
  };
  if (doc.validityLabel && NOT_IN_FORCE.has(doc.validityLabel)) meta.validity = doc.validityLabel;
  const filters: Record<string, string[]> = {
    年份: [String(doc.year)],
    期次: [doc.issue.label],
    发文机关: doc.issuers,
    栏目: [doc.section],
    文种: [doc.docType],
  };
  if (doc.validityLabel) filters["有效性"] = [doc.validityLabel];
  if (doc.series.length > 0) filters["文号系列"] = doc.series;
  return { url: doc.url, source: `${doc.issue.key}/${doc.slug}.md`, title: doc.title, docNumbers: doc.docNumbers, body: doc.textPublished ? body : "", meta, filters, sort: { ...doc.sortKeys } };
}

/**
 * Where a build's search records are written for `indexRecords`: `.<name>-search-records/`
 * beside the output folder (a dot-folder, outside the published site), one file per shard.
 */
export function searchRecordsDir(outputDir: string): string {
  const resolved = path.resolve(outputDir);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}-search-records`);
}

/** The records file of shard `index` (0 = the first) in a records folder. */
export function shardRecordsFile(dir: string, index: number): string {
  return path.join(dir, `${index}.jsonl`);
}

/**
 * Writes records as JSON Lines into one file per shard (`shardRecordsFile`), replacing the
 * folder: a record goes to the shard whose issue URLs hold its URL. Written as they come, so a
 * large archive's bodies are not held twice.
 * @param shards the shard plan (`planSearchShards`).
 * @returns the number of records written per shard.
 * @throws Error when a record belongs to no shard (the plan and the records disagree).
 */
export function writeShardRecords(dir: string, shards: readonly Pick<SearchShard, "urls">[], records: Iterable<SearchRecord>): number[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const shardOfIssue = new Map(shards.flatMap((s, i) => s.urls.map((u) => [u, i] as const)));
  const fds = shards.map((_, i) => openSync(shardRecordsFile(dir, i), "w"));
  const counts = shards.map(() => 0);
  try {
    for (const r of records) {
      const issueUrl = r.url.replace(/[^/]+\/$/u, "");
      const i = shardOfIssue.get(issueUrl);
      if (i === undefined) throw new Error(`search record ${r.url} belongs to no search shard`);
      writeSync(fds[i]!, `${JSON.stringify(r)}\n`);
      counts[i]!++;
    }
  } finally {
    for (const fd of fds) closeSync(fd);
  }
  return counts;
}
