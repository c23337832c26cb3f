import type { EvalReport } from "./run-eval.ts";

/** The report as Markdown tables (what the script prints). */
export function formatReport(r: EvalReport): string {
  const lines = [
    `Search evaluation — ${r.documents} documents (${r.corpus === "real" ? "real corpus" : "generated text"}), Pagefind ${r.pagefind} (pinned ${r.pagefindPinned})`,
    `Build ${(r.buildMs / 1000).toFixed(1)} s; index ${(r.indexBytes / 1024).toFixed(0)} KiB; first query of the session ${r.cold.ms} ms, ${(r.cold.bytes / 1024).toFixed(0)} KiB received`,
    "",
    "Quality, and cost of each query typed in one session (warm: Pagefind loaded, chunks cached as they were fetched):",
    "",
    "| kind | queries | top result relevant | recall@10 | precision@10 | stray results | no-match honest | bytes/query median | p95 | ms to first result median | p95 |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.kinds.map((k) => `| ${k.kind} | ${k.queries} | ${k.recallAt1} % | ${k.recallAt10} % | ${k.precisionAt10} % | ${k.stray} | ${k.noMatch ? `${k.noMatchHonest}/${k.noMatch}` : "—"} | ${k.bytesMedian} | ${k.bytesP95} | ${k.msMedian} | ${k.msP95} |`),
    "",
    "Cold (a shared link /search/?q=… opened with an empty cache; median of up to 3 queries per kind, page and search included):",
    "",
    "| kind | bytes | ms to results |",
    "| --- | ---: | ---: |",
    ...r.kinds.map((k) => `| ${k.kind} | ${k.coldBytesMedian} | ${k.coldMsMedian} |`),
  ];
  const misses = r.runs.filter((q) => (q.relevant > 0 && (q.recallAt1 < 1 || q.recallAt10 < 1)) || q.stray.length > 0 || (q.relevant === 0 && !q.noResultShown));
  if (misses.length > 0) {
    lines.push("", "Misses (recall@10 < 100 %, number not first, or stray results):");
    for (const q of misses.slice(0, 40)) lines.push(`  [${q.kind}${q.form ? `/${q.form}` : ""}] ${q.q} (${q.relevant} relevant) → top ${q.recallAt1}, r@10 ${q.recallAt10.toFixed(2)}${q.stray.length ? `, stray ${q.stray.join(" ")}` : ""}${q.relevant === 0 && !q.noResultShown ? ", no-result message missing" : ""}; top: ${q.results.slice(0, 3).join(" ")}`);
  }
  return lines.join("\n");
}
