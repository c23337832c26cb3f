import type { ArchiveSettings, Publication } from "../content/schema.ts";
import type { OutlineEntry } from "../markdown/index.ts";
import type { ValidityResult } from "../relations/index.ts";

/** One item of the site footer: a text, optionally a link. */
export interface FooterItem {
  label: string;
  text: string;
  href?: string;
}

/**
 * The site model: the gazette as pages, feeds, data files, search records and print views see it
 * (built by `buildSiteData`). Never holds withheld or draft documents.
 */

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
  /** 总第N期: the running issue number, when known. */
  total?: number;
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
  /**
   * The title as the print views set it (GB/T 9704-2012 §7.3.1), broken between words once here,
   * before the pages are rendered: `html` for the document (balanced lines joined by `<br>`,
   * escaped), `tocLines` for the contents (plain text lines).
   */
  printTitle: { html: string; tocLines: string[] };
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

/** One public revision of a document (see `publicHistory`). */
export interface DocumentChange {
  /** `YYYY-MM-DD` */
  date: string;
  /** `2019年5月1日` */
  dateLabel: string;
  /** What changed, in Chinese, from the change itself (`更正发文字号；正文修改3处`). */
  description: string;
}

/** 收录时间 and 修订记录 of a document, from git; `available` false outside a git checkout. */
export interface DocumentHistory {
  available: boolean;
  /** 收录日期: the issue's publication date when known, else the date the document was first published in git. */
  added?: { date: string; dateLabel: string };
  /** Its public revisions (content changes while published), oldest first. */
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
  /** The footer's official-site lines (`footerRows`). */
  footer: FooterItem[][];
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
 * How the site's URLs are written in each output: HTML pages use root-relative paths (Eleventy's
 * HtmlBasePlugin adds the path prefix there), while feeds, data exports and the sitemap are not
 * HTML, so they get the prefix (and, when the archive's `url` is set, the host) from here.
 */
export interface SiteLinks {
  /** URL path the site is served under, always starting and ending with `/`, e.g. `/gazette/`. */
  pathPrefix: string;
  /** Public base URL from `issues/archive.yml` (`url`), ending with `/`; undefined when not set. */
  baseUrl?: string;
  /** A site path (`/2019/2/`) as the host serves it: `/gazette/2019/2/`. */
  href(sitePath: string): string;
  /** A site path as an absolute URL (`https://…/2019/2/`), or undefined without a base URL. */
  absolute(sitePath: string): string | undefined;
  /** The absolute URL when the base URL is known, else the prefixed root-relative path. */
  best(sitePath: string): string;
}
