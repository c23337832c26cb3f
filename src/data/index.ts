export { CSV_COLUMNS, documentRecord, documentsCsv, issueRecord, type DocumentRecord, type IssueRecord } from "./document-record.ts";
export { dublinCoreMeta, jsonLdScriptText, legislationJsonLd, type MetaTag } from "./linked-data.ts";
export { citationsFile, historyFile, openDataFiles, type DataFile } from "./open-data.ts";
export { citationsFileSchema, historyFileSchema, documentRecordSchema, documentsFileSchema, issueRecordSchema, OPEN_DATA_SCHEMA } from "./schema.ts";
