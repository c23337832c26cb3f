export { formatChineseDate, parseCalendarDate } from "./calendar-date.ts";
export { canonicalDocNumber, foldDocNumber, parseDocNumber, type DocNumberParts } from "./doc-number.ts";
export { ContentError, findingText, formatFindings, sortFindings, summarizeFindings, type Finding } from "./finding.ts";
export { loadArchive, loadArchiveOrThrow, splitFrontMatter, type LoadResult } from "./load-archive.ts";
export { publicationSummary } from "./publication-summary.ts";
export { isListed, isTextPublished, type Archive, type GazetteDocument, type GazetteIssue } from "./model.ts";
export { PUBLICATION, PUBLICATION_LABEL, VALIDITY, VALIDITY_LABEL, type Publication, type Validity } from "./schema.ts";
