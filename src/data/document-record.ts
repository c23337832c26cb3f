import type { DocumentView, IssueView, SiteLinks } from "../model/site-model.ts";
import type { DocumentRecord, IssueRecord } from "./schema.ts";

export type { DocumentRecord, IssueRecord };

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
    date: doc.date ?? null,
    publication: doc.publication,
    textPublished: doc.textPublished,
    section: doc.section,
    page: doc.page ?? null,
    issue: doc.issue.key,
    gazette: doc.issue.gazette,
    issueLabel: doc.issue.label,
    url: links.best(doc.url),
    validity: doc.validity.status,
  };
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
  "validity",
] as const satisfies readonly (keyof DocumentRecord)[];

/**
 * One CSV field. A text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return) gets a leading `'` (OWASP, "CSV Injection"), so that
 * `=HYPERLINK(…)` in a title is shown as text, never run; numbers are written as they are.
 */
function csvCell(value: DocumentRecord[keyof DocumentRecord]): string {
  let text = Array.isArray(value) ? value.join(";") : value === null ? "" : String(value);
  if (typeof value !== "number" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
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
