import type { SiteData } from "../site/site-data.ts";
import type { SiteLinks } from "../site/site-links.ts";
import { documentRecord, documentsCsv, issueRecord } from "./document-record.ts";
import { OPEN_DATA_SCHEMA } from "./schema.ts";

/** One open-data file: its site path and its exact text. */
export interface DataFile {
  path: string;
  text: string;
}

/**
 * Every open-data file of the archive, as text ready to write: `data/documents.json` (array of
 * document records, newest gazette issue first, table-of-contents order within an issue),
 * `data/documents.csv` (the same rows), `data/issues/<key>.json` (one per gazette issue) and
 * `data/schema.json` (JSON Schema of both shapes). JSON is pretty-printed with two spaces and
 * ends with a newline. Built from the site data, which holds no withheld or draft document.
 */
export function openDataFiles(site: Pick<SiteData, "issues" | "documents">, links: SiteLinks): DataFile[] {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const records = site.documents.map((d) => documentRecord(d, links));
  return [
    { path: "/data/documents.json", text: json(records) },
    { path: "/data/documents.csv", text: documentsCsv(records) },
    { path: "/data/schema.json", text: json(OPEN_DATA_SCHEMA) },
    ...site.issues.map((issue) => ({ path: `/data/issues/${issue.key}.json`, text: json(issueRecord(issue, links)) })),
  ];
}
