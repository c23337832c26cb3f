import { formatChineseDate } from "../content/calendar-date.ts";
import { isListed, isTextPublished, type Archive, type GazetteDocument, type GazetteIssue } from "../content/model.ts";
import { PUBLICATION_LABEL, type ArchiveSettings, type Publication } from "../content/schema.ts";
import type { MarkdownIt } from "markdown-it";
import { renderBodies, type OutlineEntry, type RenderedBody } from "../markdown/index.ts";
import { documentType } from "../search/document-type.ts";
import { documentSeries, numberShard } from "../search/normalise-query.ts";
import { parseDocNumber } from "../content/doc-number.ts";
import { asOfDate, LEGAL_FORCE, validityStatus, type ArchiveHistory, type ValidityResult } from "../relations/index.ts";

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
  /** The printed issue as published (original.pdf): its URL and repository-relative source file. */
  original?: { url: string; source: string };
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
  /** 有效性 label (有效, 已修改, 已废止, 已失效) for the search filter; absent when 未标注. */
  validityLabel?: string;
  /** 有效性 computed for the build's as-of date, with its reason and schema.org legal force. */
  validity: ValidityResult & { legalForce: string | null };
  /** Document numbers cited in the text, once each in text order; `url` when in the archive. */
  citations: CitedNumber[];
  /** 依据文件: cited numbers that are not documents of the archive (plain text). */
  basis: string[];
  /** 被引用: archive documents whose text cites this one. */
  citedBy: DocumentLink[];
  /** 废止文件: the document that repealed this one (linked when in the archive). */
  repealedBy?: CitedNumber;
  /** 修改文件: documents that amended this one. */
  amendedBy: CitedNumber[];
  /** Archive documents that this one repealed / amended (the reverse links). */
  repeals: DocumentLink[];
  amends: DocumentLink[];
  /** 收录时间 and 修订记录 from git. */
  history: DocumentHistory;
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
  /** 原件页: page of the issue's original PDF where the document starts. */
  pdfPage?: number;
  issue: IssueLink & { key: string; gazette: string; year: number; number: number; original?: string };
  /** Rendered body HTML; "" when the text is not published. */
  html: string;
  outline: OutlineEntry[];
}

/** A document number and, when the archive has it, the document's page and title. */
export interface CitedNumber {
  docNumber: string;
  url: string | null;
  title?: string;
}

/** A link to another document page of the archive. */
export interface DocumentLink {
  url: string;
  title: string;
  docNumbers: string[];
}

/** One commit that changed a document's file. */
export interface DocumentChange {
  commit: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** `2019年5月1日` */
  dateLabel: string;
  message: string;
}

/** 收录时间 and 修订记录 of a document, from git; `available` false outside a git checkout. */
export interface DocumentHistory {
  available: boolean;
  /** The first commit of the file (收录), when there is one. */
  added?: DocumentChange;
  /** Every commit of the file, oldest first (the first is the one that added it). */
  changes: DocumentChange[];
}

/** One edge of the citation graph (`data/citations.json`). */
export interface CitationEdge {
  /** Site URL of the citing document. */
  fromUrl: string;
  /** Its document numbers. */
  from: string[];
  /** The cited document number, canonical form. */
  to: string;
  /** Site URL of the cited document, or null when it is not in the archive. */
  toUrl: string | null;
  inArchive: boolean;
}

/** Options of {@link buildSiteData}. */
export interface SiteDataOptions {
  /** Calendar date `YYYY-MM-DD` the 有效性 is computed for (default: `asOfDate()`). */
  asOf?: string;
  /** History of the content folder (default: unavailable). */
  history?: ArchiveHistory;
  /** Worker threads rendering Markdown beside this one (default: see `renderBodies`; 0: none). The HTML is the same either way. */
  renderWorkers?: number;
}

/** What the templates get as the global `site`. Never holds withheld or draft documents. */
export interface SiteData {
  /** As-of date of the 有效性 statuses, `YYYY-MM-DD`, and as `2026年11月29日`. */
  asOf: string;
  asOfLabel: string;
  /** Whether the git history was available to the build, and why not. */
  history: { available: true } | { available: false; reason: string };
  /** Every citation found in a published text, in document order. */
  citations: CitationEdge[];
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
 * Bodies are rendered on every core (`renderBodies`: worker threads, the same HTML byte for byte).
 * @param archive a validated archive (issues newest first).
 * @param md the Markdown renderer from `createMarkdown()`.
 * @throws Error when a render worker fails.
 */
export function buildSiteData(archive: Archive, md: MarkdownIt, options: SiteDataOptions = {}): SiteData {
  const asOf = options.asOf ?? asOfDate();
  const history = options.history ?? { available: false, reason: "no history given" };
  const listed = new Map<string, { url: string; title: string }>();
  const prefixes = new Set<string>();
  for (const doc of archive.issues.flatMap((i) => i.documents).filter(isListed)) {
    for (const n of doc.docNumbers) {
      listed.set(n, { url: doc.url, title: doc.title });
      const parts = parseDocNumber(n);
      if (parts) prefixes.add(parts.prefix);
    }
  }
  const knownPrefixes = [...prefixes];
  // Every published text at once, so they can be rendered in parallel; views take them in the same order.
  const texts = archive.issues.flatMap((i) => i.documents).filter((d) => isListed(d) && isTextPublished(d));
  const rendered = renderBodies(
    md,
    texts.map((d) => ({ body: d.body, self: d.docNumbers })),
    { listed: new Map([...listed].map(([n, target]) => [n, target.url])), knownPrefixes },
    options.renderWorkers === undefined ? {} : { workers: options.renderWorkers },
  );
  const bodies = new Map(texts.map((d, i) => [d, rendered[i]!]));
  const ctx: ViewContext = { bodies, asOf, history, listed };
  const views = archive.issues.map((issue) => issueView(issue, ctx));
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
  return {
    asOf,
    asOfLabel: formatChineseDate(asOf),
    history: history.available ? { available: true } : { available: false, reason: history.reason },
    citations: linkRelations(documents),
    settings: archive.settings,
    issues: views,
    years,
    documents,
    numberShards: numberShards(documents),
  };
}

/**
 * Fills the reverse links of every document view (被引用, and the documents it repealed or
 * amended) and returns the citation graph. Views are new objects made by this build, so filling
 * them here mutates nothing shared.
 */
function linkRelations(documents: DocumentView[]): CitationEdge[] {
  const byUrl = new Map(documents.map((d) => [d.url, d]));
  const link = (d: DocumentView): DocumentLink => ({ url: d.url, title: d.title, docNumbers: d.docNumbers });
  const edges: CitationEdge[] = [];
  for (const doc of documents) {
    for (const c of doc.citations) {
      edges.push({ fromUrl: doc.url, from: doc.docNumbers, to: c.docNumber, toUrl: c.url, inArchive: c.url !== null });
      const target = c.url === null ? undefined : byUrl.get(c.url);
      if (target && !target.citedBy.some((l) => l.url === doc.url)) target.citedBy.push(link(doc));
    }
    const repealed = doc.repealedBy?.url ? byUrl.get(doc.repealedBy.url) : undefined;
    if (repealed) repealed.repeals.push(link(doc));
    for (const a of doc.amendedBy) {
      const amending = a.url ? byUrl.get(a.url) : undefined;
      if (amending) amending.amends.push(link(doc));
    }
  }
  return edges;
}

/** What every document view is derived with. */
interface ViewContext {
  /** The rendered body of every document whose text is published. */
  bodies: Map<GazetteDocument, RenderedBody>;
  asOf: string;
  history: ArchiveHistory;
  /** Canonical number → page of a listed document. */
  listed: Map<string, { url: string; title: string }>;
}

function issueView(issue: GazetteIssue, ctx: ViewContext): IssueView {
  const original = issue.originalPath ? `${issue.url}original.pdf` : undefined;
  const link = { key: issue.key, url: issue.url, label: issue.label, gazette: issue.gazette, year: issue.year, number: issue.number, ...(original ? { original } : {}) };
  const documents = issue.documents.filter(isListed).map((d) => documentView(d, link, ctx));
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
    ...(original && issue.originalPath ? { original: { url: original, source: issue.originalPath } } : {}),
  };
}

function documentView(doc: GazetteDocument, issue: DocumentView["issue"], ctx: ViewContext): DocumentView {
  const textPublished = isTextPublished(doc);
  // HTML and outline are flat copies (renderBodies): markdown-it's output is a tree of pieces sliced
  // from the source, which would keep every Markdown body in memory as long as Eleventy keeps the site data.
  const body = ctx.bodies.get(doc);
  const html = body?.html ?? "";
  const cite = (docNumber: string): CitedNumber => {
    const target = ctx.listed.get(docNumber);
    return target ? { docNumber, url: target.url, title: target.title } : { docNumber, url: null };
  };
  const citations = [...new Set((body?.citations ?? []).map((c) => c.docNumber))].map(cite);
  const validity = validityStatus(doc, ctx.asOf);
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
    ...(validity.status === "unknown" ? {} : { validityLabel: validity.label }),
    validity: { ...validity, legalForce: LEGAL_FORCE[validity.status] },
    citations,
    basis: citations.filter((c) => c.url === null).map((c) => c.docNumber),
    citedBy: [],
    ...(doc.repealedBy ? { repealedBy: cite(doc.repealedBy) } : {}),
    amendedBy: (doc.amendedBy ?? []).map(cite),
    repeals: [],
    amends: [],
    history: documentHistory(ctx.history, `${doc.issueKey}/${doc.slug}.md`),
    series: [...new Set(doc.docNumbers.flatMap(documentSeries))],
    year: issue.year,
    publication: doc.publication,
    publicationLabel: PUBLICATION_LABEL[doc.publication],
    textPublished,
    section: doc.section,
    ...(doc.page === undefined ? {} : { page: doc.page }),
    ...(doc.pdfPage === undefined ? {} : { pdfPage: doc.pdfPage }),
    issue,
    html,
    outline: body?.outline ?? [],
  };
}

function documentHistory(history: ArchiveHistory, file: string): DocumentHistory {
  if (!history.available) return { available: false, changes: [] };
  const changes = (history.files.get(file) ?? []).map((e) => ({ ...e, dateLabel: formatChineseDate(e.date) }));
  return { available: true, ...(changes[0] ? { added: changes[0] } : {}), changes };
}
