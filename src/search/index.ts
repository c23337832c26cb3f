export { buildSearchIndex, indexInChild, searchJobsFromEnv, shardCacheDir, shardGlob, type IndexOptions, type IndexReport, type ShardManifest } from "./build-index.ts";
export { DEFAULT_SHARD_DOCUMENTS, planSearchShards, shardDocumentsFromEnv, type SearchShard, type ShardIssue } from "./shard-plan.ts";
export { DOCUMENT_TYPES, OTHER_DOCUMENT_TYPE, documentType } from "./document-type.ts";
export { documentSeries, normaliseQuery, numberShard, queryDocNumber, querySeries, queryWords, type NormalisedQuery } from "./normalise-query.ts";
export { containsQueryWords } from "./query-match.ts";
export { traditionalCharacters } from "./traditional-chars.ts";
export { compareCodePoints, fragmentUrl, mergeCodeHash, mergeSearchBundles, readPagefindFile, writePageUrls, CHUNK_BYTES, GZIP_OPTIONS, PAGE_URLS, type MergeOptions, type MergeReport } from "./merge-index.ts";
export { mergedCacheName, mergeWithCache, missingFiles, type CachedMerge } from "./merged-cache.ts";
export { countFacets, FACETS, indexFacets, pageNumberOf, type FacetCounts, type FacetIndex, type SearchFacets } from "./facets.ts";
