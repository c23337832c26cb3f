export { generateCorpus, readCorpus, type CorpusText } from "./corpus.ts";
export { drawQueries, DRAWN_KINDS, type DrawSource } from "./draw-queries.ts";
export { chooseTexts, EVAL_ISSUERS, EVAL_SECTIONS, writeEvalArchive, type EvalDocument, type EvalIssuer } from "./make-archive.ts";
export { mean, measure, percentile, type QueryMeasures } from "./metrics.ts";
export { expandQueries, namedDocuments, NUMBER_FORMS, QUERY_KINDS, readQuerySet, type EvalQuery, type QueryEntry, type QueryKind } from "./queries.ts";
export { formatReport } from "./format-report.ts";
export { runSearchEval, type EvalOptions, type EvalReport, type KindSummary, type QueryRun } from "./run-eval.ts";
