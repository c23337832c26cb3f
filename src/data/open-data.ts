import type { SiteData, SiteLinks } from "../model/site-model.ts";
import { documentRecord, documentsCsv, issueRecord } from "./document-record.ts";
import { OPEN_DATA_SCHEMA, type CitationsFile, type HistoryFile } from "./schema.ts";

/** One open-data file: its site path and its exact text. */
export interface DataFile {
  path: string;
  text: string;
}

/**
 * Every open-data file of the archive, as text ready to write: `data/documents.json` (array of
 * document records, newest gazette issue first, table-of-contents order within an issue),
 * `data/documents.csv` (the same rows), `data/issues/<key>.json` (one per gazette issue) and
 * `data/citations.json` (the citation graph), `data/history.json` (收录时间 and 修订记录 of each
 * document, from git) and `data/schema.json` (JSON Schema of every shape). JSON is pretty-printed with two spaces and
 * ends with a newline. Built from the site data, which holds no withheld or draft document.
 */
export function openDataFiles(site: Pick<SiteData, "issues" | "documents" | "citations" | "asOf" | "history">, links: SiteLinks): DataFile[] {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const records = site.documents.map((d) => documentRecord(d, links));
  return [
    { path: "/data/documents.json", text: json(records) },
    { path: "/data/documents.csv", text: documentsCsv(records) },
    { path: "/data/citations.json", text: json(citationsFile(site, links)) },
    { path: "/data/history.json", text: json(historyFile(site, links)) },
    { path: "/data/schema.json", text: json(OPEN_DATA_SCHEMA) },
    ...site.issues.map((issue) => ({ path: `/data/issues/${issue.key}.json`, text: json(issueRecord(issue, links)) })),
  ];
}

/** `data/citations.json`: every citation edge, URLs made absolute when the archive has a base URL. */
export function citationsFile(site: Pick<SiteData, "citations" | "asOf">, links: SiteLinks): CitationsFile {
  return {
    asOf: site.asOf,
    citations: site.citations.map((c) => ({ from: [...c.from], fromUrl: links.best(c.fromUrl), to: c.to, toUrl: c.toUrl === null ? null : links.best(c.toUrl), inArchive: c.inArchive })),
  };
}

/** `data/history.json`: 收录时间 and 修订记录 of each published document (empty outside git). */
export function historyFile(site: Pick<SiteData, "documents" | "history">, links: SiteLinks): HistoryFile {
  if (!site.history.available) return { available: false, reason: site.history.reason, documents: [] };
  return {
    available: true,
    reason: null,
    documents: site.documents.map((d) => ({
      url: links.best(d.url),
      docNumbers: [...d.docNumbers],
      added: d.history.added?.date ?? null,
      changes: d.history.changes.map(({ date, description }) => ({ date, description })),
    })),
  };
}
