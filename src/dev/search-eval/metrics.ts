/**
 * Retrieval measures of one query (standard IR definitions, e.g. Manning et al., *Introduction
 * to Information Retrieval*, ch. 8), over result URLs best first.
 */
export interface QueryMeasures {
  /** 1 when the first result is an expected document, else 0. */
  recallAt1: number;
  /** Expected documents among the first 10, over min(10, number expected). */
  recallAt10: number;
  /** Relevant results among the first 10, over the number of results shown (max 10); 1 when none shown. */
  precisionAt10: number;
}

/**
 * Measures one query. `relevant(url)` decides precision (an expected document, or one that
 * contains every word of the query); recall counts only the expected documents.
 * @example measure(["/a/", "/b/"], ["/b/"], (u) => u === "/b/") // { recallAt1: 0, recallAt10: 1, precisionAt10: 0.5 }
 */
export function measure(results: readonly string[], expected: readonly string[], relevant: (url: string) => boolean): QueryMeasures {
  const top = results.slice(0, 10);
  const want = new Set(expected);
  const found = top.filter((u) => want.has(u)).length;
  return {
    recallAt1: results[0] !== undefined && want.has(results[0]) ? 1 : 0,
    recallAt10: want.size === 0 ? 1 : found / Math.min(10, want.size),
    precisionAt10: top.length === 0 ? 1 : top.filter(relevant).length / top.length,
  };
}

/** Mean of numbers (0 for none). */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Value at fraction `p` (0…1) of the sorted values (nearest rank), 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
