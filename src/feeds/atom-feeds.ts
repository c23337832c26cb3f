import { createHash } from "node:crypto";
import { dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import type { ArchiveSettings } from "../content/schema.ts";
import type { DocumentView, IssueView, SiteLinks } from "../model/site-model.ts";
import { xmlSafe } from "./xml-text.ts";

/** Most entries one feed carries (newest first); older ones stay in the archive and data exports. */
export const FEED_LIMIT = 50;

/** One Atom entry, every value ready to write (RFC 4287). */
export interface FeedEntry {
  id: string;
  title: string;
  /** Link to the page: absolute with a base URL, else a prefixed root-relative path. */
  href: string;
  /** RFC 3339 date-time from the content's calendar date (never the build time). */
  updated: string;
  summary: string;
  authors: string[];
  category?: string;
}

/** One Atom feed and the site path it is written to. */
export interface AtomFeed {
  /** Site path of the feed file, e.g. `/feeds/documents.xml`. */
  path: string;
  /** What the feed follows, for the open-data page, e.g. `新发布文件`. */
  kind: string;
  title: string;
  id: string;
  /** The feed's own URL (rel="self"). */
  self: string;
  /** The HTML page the feed follows (rel="alternate"). */
  alternate: string;
  updated: string;
  author: string;
  entries: FeedEntry[];
}

/**
 * A permanent Atom id for a page of the archive: a name-based UUID (RFC 9562 version 5, URL
 * namespace) of the archive's title and the page's site path, so ids stay the same when the
 * archive moves to another host or sub-path and differ between archives.
 * @example atomId("乳山市人民政府公报", "/2019/2/") // "urn:uuid:…"
 */
export function atomId(archiveTitle: string, sitePath: string): string {
  const namespace = Buffer.from("6ba7b8119dad11d180b400c04fd430c8", "hex");
  const hash = createHash("sha1").update(namespace).update(`gazette-archive:${archiveTitle}:${sitePath}`, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString("hex");
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The ASCII file name of an issuer's feed: the first 12 hex digits of the SHA-1 of the issuer's
 * name (URLs stay ASCII and never depend on a romanisation). Same name → same feed URL forever.
 */
export function issuerFeedSlug(issuer: string): string {
  return createHash("sha1").update(issuer, "utf8").digest("hex").slice(0, 12);
}

/** A calendar date `YYYY-MM-DD` as an Atom date-time at midnight UTC, the same in every time zone. */
export function calendarDateToAtom(date: string): string {
  return dateToRfc3339(new Date(`${date}T00:00:00Z`));
}

/** Newest first: by date (undated last), then issue key, then URL, so ties are ordered the same in every build. */
function byDateDesc(a: DocumentView, b: DocumentView): number {
  return (b.date ?? "").localeCompare(a.date ?? "") || b.issue.key.localeCompare(a.issue.key) || a.url.localeCompare(b.url);
}

/** The date an issue appeared: its 出版日期, else its newest document's date, else 1 January of its year. */
export function issueDate(issue: IssueView): string {
  if (issue.published) return issue.published;
  const newest = issue.documents.flatMap((d) => (d.date ? [d.date] : [])).sort().at(-1);
  return newest ?? `${issue.year}-01-01`;
}

/** A feed entry of a document; an undated document is dated by its gazette issue (`issueDate`). */
function documentEntry(doc: DocumentView, settings: ArchiveSettings, links: SiteLinks, issueDates: Map<string, string>): FeedEntry {
  const facts = [doc.docNumbers.join("、"), doc.issuers.join("、"), doc.dateLabel, `${doc.issue.gazette}${doc.issue.label}`, doc.publicationLabel];
  return {
    id: atomId(settings.title, doc.url),
    title: doc.title,
    href: links.best(doc.url),
    updated: calendarDateToAtom(doc.date ?? issueDates.get(doc.issue.key) ?? `${doc.issue.year}-01-01`),
    summary: facts.filter(Boolean).join("　"),
    authors: doc.issuers,
    category: doc.section,
  };
}

function feedOf(
  settings: ArchiveSettings,
  links: SiteLinks,
  path: string,
  kind: string,
  title: string,
  entries: FeedEntry[],
  fallbackDate: string,
): AtomFeed {
  const updated = entries.map((e) => e.updated).sort().at(-1) ?? calendarDateToAtom(fallbackDate);
  return {
    path,
    kind,
    title,
    id: atomId(settings.title, path),
    self: links.best(path),
    alternate: links.best("/"),
    updated,
    author: settings.publisher,
    entries,
  };
}

/**
 * The archive's Atom feeds: new gazette issues (`/feeds/issues.xml`), new documents
 * (`/feeds/documents.xml`) and one per issuer (`/feeds/issuers/<slug>.xml`, see
 * {@link issuerFeedSlug}; a joint document is in each of its issuers' feeds). Entries are
 * newest first, at most {@link FEED_LIMIT}; every date comes from the content (出版日期,
 * 成文日期), so two builds of the same content give the same bytes. Only listed documents
 * (public, on-request) are in the site data, so withheld and drafts never reach a feed.
 * @throws Error when two issuers' names give the same feed slug (would overwrite a feed).
 */
export function atomFeeds(settings: ArchiveSettings, issues: IssueView[], documents: DocumentView[], links: SiteLinks): AtomFeed[] {
  const epoch = issues.at(-1) ? `${issues.at(-1)!.year}-01-01` : "2000-01-01";
  const issueEntries: FeedEntry[] = issues
    .map((issue) => ({ issue, date: issueDate(issue) }))
    .sort((a, b) => b.date.localeCompare(a.date) || b.issue.key.localeCompare(a.issue.key))
    .slice(0, FEED_LIMIT)
    .map(({ issue, date }) => ({
      id: atomId(settings.title, issue.url),
      title: `${issue.gazette}${issue.label}`,
      href: links.best(issue.url),
      updated: calendarDateToAtom(date),
      summary: `共${issue.documents.length}件：${issue.documents.map((d) => d.title).join("；")}`,
      authors: [issue.publisher],
    }));
  const sorted = [...documents].sort(byDateDesc);
  const issueDates = new Map(issues.map((issue) => [issue.key, issueDate(issue)]));
  const feeds = [
    feedOf(settings, links, "/feeds/issues.xml", "新出版的公报期次", `${settings.title} — 最新期次`, issueEntries, epoch),
    feedOf(settings, links, "/feeds/documents.xml", "新发布的文件", `${settings.title} — 最新文件`, sorted.slice(0, FEED_LIMIT).map((d) => documentEntry(d, settings, links, issueDates)), epoch),
  ];
  const issuers = [...new Set(sorted.flatMap((d) => d.issuers))].sort((a, b) => a.localeCompare(b, "zh-CN"));
  const slugs = new Map<string, string>();
  for (const issuer of issuers) {
    const slug = issuerFeedSlug(issuer);
    const clash = slugs.get(slug);
    if (clash) throw new Error(`issuers "${clash}" and "${issuer}" give the same feed name ${slug}; rename one of them in the documents' front matter`);
    slugs.set(slug, issuer);
    const entries = sorted.filter((d) => d.issuers.includes(issuer)).slice(0, FEED_LIMIT).map((d) => documentEntry(d, settings, links, issueDates));
    feeds.push(feedOf(settings, links, `/feeds/issuers/${slug}.xml`, `发文机关：${issuer}`, `${settings.title} — ${issuer}`, entries, epoch));
  }
  // Never a malformed feed: characters XML does not allow are dropped (the checks refuse them in metadata).
  return feeds.map((feed) => xmlSafe(feed));
}
