/**
 * `npm run search-eval [-- --size 400] [--corpus DIR] [--json report.json] [--update-segmentation]`: builds an
 * evaluation archive from ../shared/corpus/ (generated text where it is missing), runs the query
 * set of test/fixtures/search-eval/queries.json in Chromium and prints recall@1, recall@10,
 * precision@10, stray results, bytes and time to first result per query kind. Exits 1 when a
 * goal is missed: recall@1 100 % on document numbers, recall@10 ≥ 95 % on phrases and topical
 * queries, no stray result, Pagefind's segmentation unchanged.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatReport, runSearchEval } from "../src/search/eval/index.ts";

const { values } = parseArgs({
  options: { size: { type: "string", default: "400" }, corpus: { type: "string", default: "../shared/corpus" }, json: { type: "string" }, "update-segmentation": { type: "boolean", default: false } },
});
const root = process.cwd();
const report = await runSearchEval({
  root,
  corpusDir: path.resolve(root, values.corpus),
  queriesFile: path.join(root, "test/fixtures/search-eval/queries.json"),
  segmentationFile: path.join(root, "test/fixtures/search-eval/segmentation.json"),
  updateSegmentation: values["update-segmentation"],
  size: Number(values.size),
});
console.log(formatReport(report));
if (values.json) await writeFile(values.json, `${JSON.stringify(report, null, 1)}\n`);
const kind = (k: string) => report.kinds.find((s) => s.kind === k);
const missed = [
  (kind("number")?.recallAt1 ?? 100) < 100 && "recall@1 on document numbers is below 100 %",
  (kind("phrase")?.recallAt10 ?? 100) < 95 && "recall@10 on phrases is below 95 %",
  (kind("topical")?.recallAt10 ?? 100) < 95 && "recall@10 on topical queries is below 95 %",
  report.kinds.some((k) => k.stray > 0) && "a query returned a document containing none of its words",
  report.pagefind !== report.pagefindPinned && `Pagefind ${report.pagefind} is installed but ${report.pagefindPinned} is pinned; run npm ci`,
  report.segmentation.changed.length > 0 && "Pagefind's segmentation changed (see above); check the results, then --update-segmentation",
].filter(Boolean);
for (const m of missed) console.log(`GOAL MISSED: ${m}`);
process.exit(missed.length > 0 ? 1 : 0);
