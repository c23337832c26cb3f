import { formatChineseDate } from "../content/calendar-date.ts";
import { isListed, isTextPublished, type Archive, type GazetteDocument, type GazetteIssue } from "../content/model.ts";
import { PUBLICATION_LABEL } from "../content/schema.ts";
import type { MarkdownIt } from "markdown-it";
import type { RenderedBody } from "../markdown/index.ts";
import { renderBodiesOrFindings } from "./render-texts.ts";
import { documentType } from "../search/document-type.ts";
import { documentSeries, numberShard } from "../search/normalise-query.ts";
import { parseDocNumber } from "../content/doc-number.ts";
import { asOfDate, LEGAL_FORCE, validityStatus, type ArchiveHistory } from "../relations/index.ts";
import { UNDATED_LABEL, type CitationEdge, type CitedNumber, type DocumentHistory, type DocumentLink, type DocumentView, type IssueView, type NumberShard, type SiteData } from "../model/site-model.ts";

export { UNDATED_LABEL };
export type { CitationEdge, CitedNumber, DocumentHistory, DocumentLink, DocumentView, IssueView, NumberShard, SiteData };
import { footerRows } from "./footer.ts";
import { printTitle, tocTitleLines } from "../print/print-titles.ts";

/** Options of {@link buildSiteData}. */
export interface SiteDataOptions {
  /** Calendar date `YYYY-MM-DD` the 有效性 is computed for (default: `asOfDate()`). */
  asOf?: string;
  /** History of the content folder (default: unavailable). */
  history?: ArchiveHistory;
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
 * Each published body is rendered once (`renderBodiesOrFindings`); pages and print views take its HTML from here.
 * @param archive a validated archive (issues newest first).
 * @param md the Markdown renderer from `createMarkdown()`.
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
  // Every published text, in the order the views take them.
  const texts = archive.issues.flatMap((i) => i.documents).filter((d) => isListed(d) && isTextPublished(d));
  const rendered = renderBodiesOrFindings(md, texts, { listed: new Map([...listed].map(([n, target]) => [n, target.url])), knownPrefixes });
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
    footer: footerRows(archive.settings),
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
  const documents = issue.documents.filter(isListed).map((d) => documentView(d, link, ctx, issue.published));
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
    ...(issue.total ? { total: issue.total } : {}),
    sections,
    documents,
    ...(original && issue.originalPath ? { original: { url: original, source: issue.originalPath } } : {}),
  };
}

function documentView(doc: GazetteDocument, issue: DocumentView["issue"], ctx: ViewContext, published: string | undefined): DocumentView {
  const textPublished = isTextPublished(doc);
  // HTML and outline are flat copies (renderBody): markdown-it's output is a tree of pieces sliced
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
    history: documentHistory(ctx.history, `${doc.issueKey}/${doc.slug}.md`, published),
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
    printTitle: { html: printTitle(doc.title, doc.issuers), tocLines: tocTitleLines(doc.title, doc.issuers) },
  };
}

/** 收录日期 and 修订记录 of one document; `published` is its issue's 出版日期, when known. */
function documentHistory(history: ArchiveHistory, file: string, published: string | undefined): DocumentHistory {
  if (!history.available) return { available: false, changes: [] };
  const found = history.files.get(file);
  const changes = (found?.revisions ?? []).map((e) => ({ ...e, dateLabel: formatChineseDate(e.date) }));
  const added = published ?? found?.added;
  return { available: true, ...(added ? { added: { date: added, dateLabel: formatChineseDate(added) } } : {}), changes };
}
