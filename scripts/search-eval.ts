/**
 * `npm run search-eval [-- --sizes 400,1155] [--corpus DIR] [--json report.json]`: for each
 * size, builds an evaluation archive from ../shared/corpus/ (generated text where it is missing),
 * types the queries (drawn by rule from the archive, plus test/fixtures/search-eval/queries.json)
 * into the search page in Chromium and prints, per query kind, top result relevant, recall@10,
 * precision@10, stray results and no-match honesty (relevance: exact substring search over the
 * archive), bytes and time to first result. `--builder DIR` builds the archive with another
 * checkout (e.g. main) to measure the search before a change with the same queries and judge. Exits 1 when a goal is missed: recall@10 ≥ 98 % and
 * precision@10 ≥ 95 % on titles, fragments, phrases and compounds; top result ≥ 98 %; no stray
 * result; every no-match query shows the no-result message; document numbers 100 %.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { formatReport, runSearchEval, type EvalReport } from "../src/dev/search-eval/index.ts";
import { parseCliArgs } from "../src/util/index.ts";

const { values } = parseCliArgs({
  options: { sizes: { type: "string", default: "400" }, corpus: { type: "string", default: "../shared/corpus" }, json: { type: "string" }, builder: { type: "string" } },
}, "npm run search-eval [-- --sizes 400,1155] [--corpus DIR] [--json report.json] [--builder OTHER-CHECKOUT]");
const root = process.cwd();
const reports: EvalReport[] = [];
const missed: string[] = [];
for (const size of values.sizes.split(",").map(Number)) {
  const report = await runSearchEval({ root, corpusDir: path.resolve(root, values.corpus), queriesFile: path.join(root, "test/fixtures/search-eval/queries.json"), size, ...(values.builder ? { builderRoot: path.resolve(values.builder) } : {}) });
  reports.push(report);
  console.log(formatReport(report), "\n");
  const kind = (k: string) => report.kinds.find((s) => s.kind === k);
  const at = `${report.documents} documents`;
  for (const k of ["title", "fragment", "phrase4", "compound"]) {
    if ((kind(k)?.recallAt10 ?? 100) < 98) missed.push(`${at}: recall@10 on ${k} is below 98 %`);
    if ((kind(k)?.precisionAt10 ?? 100) < 95) missed.push(`${at}: precision@10 on ${k} is below 95 %`);
  }
  if (report.kinds.some((k) => k.kind !== "nomatch" && k.kind !== "series" && k.kind !== "issuer" && k.recallAt1 < 98)) missed.push(`${at}: the top result is relevant in fewer than 98 % of a kind's queries`);
  if ((kind("number")?.recallAt1 ?? 100) < 100) missed.push(`${at}: a document number form does not find its document first`);
  if (report.kinds.some((k) => k.stray > 0)) missed.push(`${at}: a query showed a document that does not contain it`);
  if (report.kinds.some((k) => k.noMatchHonest < k.noMatch)) missed.push(`${at}: a query no document contains did not show the no-result message`);
  if (report.pagefind !== report.pagefindPinned) missed.push(`Pagefind ${report.pagefind} is installed but ${report.pagefindPinned} is pinned; run npm ci`);
}
if (values.json) await writeFile(values.json, `${JSON.stringify(reports, null, 1)}\n`);
for (const m of missed) console.log(`GOAL MISSED: ${m}`);
process.exit(missed.length > 0 ? 1 : 0);
