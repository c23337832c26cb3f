import type { DocumentView, IssueView } from "../site/site-data.ts";
import type { SiteLinks } from "../site/site-links.ts";

/**
 * One published document as open data (`data/documents.json`, `data/documents.csv`, and the
 * `documents` of each `data/issues/<key>.json`). Only `public` and `on-request` documents exist
 * here: the site data has already dropped withheld and drafts. Field names follow
 * `DOCUMENT_RECORD_SCHEMA` (documented in README.md and written to `data/schema.json`).
 */
export interface DocumentRecord {
  /** 标题 */
  title: string;
  /** 发文字号, canonical 〔〕 form; empty list when the document has none. */
  docNumbers: string[];
  /** 发文机关 */
  issuers: string[];
  /** 成文日期 `YYYY-MM-DD`. */
  date: string;
  /** 公开方式: `public` (主动公开) or `on-request` (依申请公开, text not on the site). */
  publication: "public" | "on-request";
  /** True when the full text is on the document page. */
  textPublished: boolean;
  /** 栏目 */
  section: string;
  /** 原刊页码, or null when not known. */
  page: number | null;
  /** Key of the gazette issue, `YYYY-NN`. */
  issue: string;
  /** 刊名 */
  gazette: string;
  /** 期次 label, e.g. `2019年第2期`. */
  issueLabel: string;
  /** Document page: absolute when the archive's `url` is set, else a root-relative path. */
  url: string;
}

/**
 * The open-data record of one document page.
 * @throws Error when the document's publication status is not listed (cannot happen for site data).
 */
export function documentRecord(doc: DocumentView, links: SiteLinks): DocumentRecord {
  if (doc.publication !== "public" && doc.publication !== "on-request") {
    throw new Error(`document ${doc.url} is ${doc.publication} and must not be exported`);
  }
  return {
    title: doc.title,
    docNumbers: [...doc.docNumbers],
    issuers: [...doc.issuers],
    date: doc.date,
    publication: doc.publication,
    textPublished: doc.textPublished,
    section: doc.section,
    page: doc.page ?? null,
    issue: doc.issue.key,
    gazette: doc.issue.gazette,
    issueLabel: doc.issue.label,
    url: links.best(doc.url),
  };
}

/** One gazette issue as open data (`data/issues/<key>.json`). */
export interface IssueRecord {
  key: string;
  gazette: string;
  year: number;
  number: number;
  label: string;
  frequency: string;
  publisher: string;
  /** 出版日期 `YYYY-MM-DD`, or null when not known. */
  published: string | null;
  /** Sections in printed order (only those with published documents). */
  sections: string[];
  url: string;
  documents: DocumentRecord[];
}

/** The open-data record of one gazette issue with its listed documents in table-of-contents order. */
export function issueRecord(issue: IssueView, links: SiteLinks): IssueRecord {
  return {
    key: issue.key,
    gazette: issue.gazette,
    year: issue.year,
    number: issue.number,
    label: issue.label,
    frequency: issue.frequency,
    publisher: issue.publisher,
    published: issue.published ?? null,
    sections: issue.sections.map((s) => s.name),
    url: links.best(issue.url),
    documents: issue.documents.map((d) => documentRecord(d, links)),
  };
}

/** Columns of `data/documents.csv`, in order; list fields are joined with `;`. */
export const CSV_COLUMNS = [
  "title",
  "docNumbers",
  "issuers",
  "date",
  "publication",
  "textPublished",
  "section",
  "page",
  "issue",
  "gazette",
  "issueLabel",
  "url",
] as const satisfies readonly (keyof DocumentRecord)[];

function csvCell(value: DocumentRecord[keyof DocumentRecord]): string {
  const text = Array.isArray(value) ? value.join(";") : value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes records as CSV (RFC 4180: comma-separated, CRLF line ends, fields with `"`, `,` or line
 * breaks quoted with `"` doubled), with a header row of {@link CSV_COLUMNS} and a UTF-8 byte
 * order mark so spreadsheet programs read the Chinese text correctly. Lists are joined with `;`.
 */
export function documentsCsv(records: DocumentRecord[]): string {
  const rows = [CSV_COLUMNS.join(","), ...records.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(","))];
  return `\uFEFF${rows.join("\r\n")}\r\n`;
}
