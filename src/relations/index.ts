export { citationLinks, type CitationEnv, type FoundCitation } from "./citation-links.ts";
export { findCitations, type CitationMatch } from "./find-citations.ts";
export { HISTORY_LOG_FORMAT, parseGitLog, readGitHistory, type ArchiveHistory, type HistoryEntry } from "./git-history.ts";
export {
  ARCHIVE_TIME_ZONE,
  asOfDate,
  LEGAL_FORCE,
  validityStatus,
  VALIDITY_STATUS_LABEL,
  type ValidityFields,
  type ValidityResult,
  type ValidityStatus,
} from "./validity-status.ts";
