import { formatChineseDate } from "../content/calendar-date.ts";
import { isListed, isTextPublished, type Archive, type GazetteDocument, type GazetteIssue } from "../content/model.ts";
import { PUBLICATION_LABEL, VALIDITY_LABEL, type ArchiveSettings, type Publication } from "../content/schema.ts";
import type { MarkdownIt } from "markdown-it";
import type { OutlineEntry } from "../markdown/index.ts";
import { documentType } from "../search/document-type.ts";
import { documentSeries, numberShard } from "../search/normalise-query.ts";

/** What a document without 成文日期 shows in its place. */
export const UNDATED_LABEL = "未注明";

/** A gazette issue as the templates see it: only listed documents, grouped by section. */
export interface IssueView {
  key: string;
  url: string;
  label: string;
  gazette: string;
  year: number;
  number: number;
  frequency: string;
  publisher: string;
  /** 出版日期 as `YYYY-MM-DD`, when known. */
  published?: string;
  /** 出版日期 as `2019年6月30日`, when known. */
  publishedLabel?: string;
  /** Sections in printed order with their listed documents; empty sections are left out. */
  sections: { name: string; documents: DocumentView[] }[];
  /** All listed documents in table-of-contents order. */
  documents: DocumentView[];
  /** Older and newer neighbours in the archive, by year and number. */
  previous?: IssueLink;
  next?: IssueLink;
}

export interface IssueLink {
  url: string;
  label: string;
}

/** A document as the templates see it, with every derived value computed once. */
export interface DocumentView {
  slug: string;
  url: string;
  title: string;
  docNumbers: string[];
  issuers: string[];
  /** 成文日期 `YYYY-MM-DD`; undefined when the source gives none. */
  date?: string;
  /** 成文日期 as `2019年4月10日`, or `未注明` when there is no date. */
  dateLabel: string;
  /**
   * Pagefind sort keys: `newest` is the date, or `0000-00-00` when undated (sorted descending it
   * comes last); `oldest` is the date, or `9999-12-31` when undated (sorted ascending it comes
   * last). Pagefind drops pages without the sort key, so every document has both.
   */
  sortKeys: { newest: string; oldest: string };
  /** 有效性 label (有效, 已修改, 已废止, 已失效), when known. */
  validityLabel?: string;
  /** 文种 derived from the title (see `documentType`). */
  docType: string;
  /** 文号系列: 机关代字 and 机关代字〔年份〕 of each document number (hidden search filter). */
  series: string[];
  /** Year of the gazette issue that carries the document (the archive's year pages and filter). */
  year: number;
  publication: Publication;
  publicationLabel: string;
  /** False for `on-request` documents: the page shows metadata and a notice, not the text. */
  textPublished: boolean;
  section: string;
  page?: number;
  issue: IssueLink & { key: string; gazette: string; year: number; number: number };
  /** Rendered body HTML; "" when the text is not published. */
  html: string;
  outline: OutlineEntry[];
}

/** What the templates get as the global `site`. Never holds withheld or draft documents. */
export interface SiteData {
  settings: ArchiveSettings;
  issues: IssueView[];
  years: { year: number; url: string; issues: IssueView[] }[];
  documents: DocumentView[];
  /** The direct-hit map (文号直达) in shards, written to `/search/numbers/<key>.json`. */
  numberShards: NumberShard[];
}

/** One shard of the direct-hit map: canonical document number → the document it names. */
export interface NumberShard {
  /** `numberShard()` of every number in the shard (8 hex digits). */
  key: string;
  entries: Record<string, { url: string; title: string }>;
}

/**
 * Groups the document numbers of listed documents (withheld and draft never reach here) into
 * shards by series and year (`numberShard`). The first document wins when two share a number.
 */
export function numberShards(documents: readonly Pick<DocumentView, "docNumbers" | "url" | "title">[]): NumberShard[] {
  const shards = new Map<string, NumberShard>();
  for (const doc of documents) {
    for (const n of doc.docNumbers) {
      const key = numberShard(n);
      if (!key) continue;
      const shard = shards.get(key) ?? { key, entries: {} };
      shards.set(key, shard);
      shard.entries[n] ??= { url: doc.url, title: doc.title };
    }
  }
  return [...shards.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Derives everything the templates show from a validated archive. Documents whose publication
 * status is `withheld` or `draft` are dropped here, so nothing downstream (pages, search index,
 * feeds) can reach them; `on-request` documents keep their metadata but not their text.
 * @param archive a validated archive (issues newest first).
 * @param md the Markdown renderer from `createMarkdown()`.
 */
export function buildSiteData(archive: Archive, md: MarkdownIt): SiteData {
  const views = archive.issues.map((issue) => issueView(issue, md));
  views.forEach((v, i) => {
    const newer = views[i - 1];
    const older = views[i + 1];
    if (older) v.previous = { url: older.url, label: older.label };
    if (newer) v.next = { url: newer.url, label: newer.label };
  });
  const years: SiteData["years"] = [];
  for (const v of views) {
    const last = years.at(-1);
    if (last && last.year === v.year) last.issues.push(v);
    else years.push({ year: v.year, url: `/${v.year}/`, issues: [v] });
  }
  const documents = views.flatMap((v) => v.documents);
  return { settings: archive.settings, issues: views, years, documents, numberShards: numberShards(documents) };
}

function issueView(issue: GazetteIssue, md: MarkdownIt): IssueView {
  const link = { key: issue.key, url: issue.url, label: issue.label, gazette: issue.gazette, year: issue.year, number: issue.number };
  const documents = issue.documents.filter(isListed).map((d) => documentView(d, link, md));
  const sections = issue.sections
    .map((name) => ({ name, documents: documents.filter((d) => d.section === name) }))
    .filter((s) => s.documents.length > 0);
  return {
    key: issue.key,
    url: issue.url,
    label: issue.label,
    gazette: issue.gazette,
    year: issue.year,
    number: issue.number,
    frequency: issue.frequency,
    publisher: issue.publisher,
    ...(issue.published ? { published: issue.published, publishedLabel: formatChineseDate(issue.published) } : {}),
    sections,
    documents,
  };
}

function documentView(doc: GazetteDocument, issue: DocumentView["issue"], md: MarkdownIt): DocumentView {
  const textPublished = isTextPublished(doc);
  const env = { outline: [] as OutlineEntry[] };
  const html = textPublished ? md.render(doc.body, env) : "";
  return {
    slug: doc.slug,
    url: doc.url,
    title: doc.title,
    docNumbers: doc.docNumbers,
    issuers: doc.issuers,
    ...(doc.date === undefined ? {} : { date: doc.date }),
    dateLabel: doc.date === undefined ? UNDATED_LABEL : formatChineseDate(doc.date),
    sortKeys: { newest: doc.date ?? "0000-00-00", oldest: doc.date ?? "9999-12-31" },
    docType: documentType(doc.title),
    ...(doc.validity === undefined ? {} : { validityLabel: VALIDITY_LABEL[doc.validity] }),
    series: [...new Set(doc.docNumbers.flatMap(documentSeries))],
    year: issue.year,
    publication: doc.publication,
    publicationLabel: PUBLICATION_LABEL[doc.publication],
    textPublished,
    section: doc.section,
    ...(doc.page === undefined ? {} : { page: doc.page }),
    issue,
    html,
    outline: env.outline,
  };
}
