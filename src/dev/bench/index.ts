export { writeBareEleventy } from "./bare-eleventy.ts";
export { BENCH_LAST_YEAR, benchDocNumber, nextBenchIssue, planBenchArchive, writeBenchArchive, writeBenchIssue, type BenchIssue, type BenchLayout } from "./make-archive.ts";
export { measureCommand, median, treeRss, type MeasuredRun } from "./process-tree.ts";
export { buildTimeChart, formatSummary, type BenchReport, type SizeResult } from "./report.ts";
export { benchQueries, measureQueries, type BenchQuery, type QueryCost } from "./search-queries.ts";
export { pagefindBinary } from "./pagefind-binary.ts";
