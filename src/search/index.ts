export { buildSearchIndex, indexedUrls, pagefindVersion, searchCacheDir, type IndexOptions, type IndexReport, type ShardManifest } from "./build-index.ts";
export { DEFAULT_SHARD_DOCUMENTS, planSearchShards, shardDocumentsFromEnv, type SearchShard, type ShardIssue } from "./shard-plan.ts";
export { DOCUMENT_TYPES, OTHER_DOCUMENT_TYPE, documentType } from "./document-type.ts";
export { documentSeries, normaliseQuery, numberShard, queryDocNumber, querySeries, queryWords, type NormalisedQuery } from "./normalise-query.ts";
export { traditionalCharacters } from "./traditional-chars.ts";
export { INDEX_LANGUAGE, encodeChar, decodeChar, foldText, indexContent, pagefindTerm, queryTokens, untokenise, type QueryTokens } from "./tokenise.ts";
export { plainText } from "./plain-text.ts";
export { MAX_TEXT_CHARS, recordContent } from "./record-content.ts";
export { NOT_IN_FORCE, searchRecord, searchRecordsDir, shardRecordsFile, writeShardRecords, type RecordSource, type SearchRecord } from "./records.ts";
