export { citationLinks, type CitationEnv, type FoundCitation } from "./citation-links.ts";
export { findCitations, type CitationMatch } from "./find-citations.ts";
export { documentVersions, HISTORY_LOG_FORMAT, parseGitLog, publicHistory, readGitHistory, type ArchiveHistory, type FileHistory, type HistoryEntry, type LogCommit } from "./git-history.ts";
export { changedPlaces, describeRevision, readVersion, type DocumentVersion } from "./describe-revision.ts";
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
