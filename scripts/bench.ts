/**
 * `npm run bench [-- --sizes 1000,5000,20000] [--runs 3 | --runs 3,3,1] [--baseline-max 5000] [--no-browser]
 * [--no-rebuild] [--full-rebuild] [--work DIR] [--results DIR] [--merge a.json,b.json] [--note TEXT]` (with `--merge` and no `--sizes` it only merges earlier reports): generates benchmark archives (real corpus text from
 * ../shared/corpus, generated text without it), measures our cold build (phases, peak RSS of the
 * process tree, output and index size) and the bare tools on the same content (Eleventy with a
 * one-line layout, the `pagefind` command on our HTML), then on the largest archive: search in
 * Chromium (bytes and ms per query), adding one issue (`npm run build`) and fixing one document
 * under `npm start`. Writes scripts/bench/results/latest.json, summary.md and summary.svg
 * (results live under scripts/ because the repository's top level is fixed).
 */
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  benchDocNumber,
  benchQueries,
  buildTimeChart,
  formatSummary,
  measureCommand,
  measureQueries,
  median,
  nextBenchIssue,
  pagefindBinary,
  planBenchArchive,
  writeBareEleventy,
  writeBenchArchive,
  writeBenchIssue,
  type BenchReport,
  type MeasuredRun,
  type SizeResult,
} from "../src/dev/bench/index.ts";
import { generateCorpus, readCorpus } from "../src/dev/search-eval/index.ts";
import { pageManifestPath } from "../src/site/page-reuse.ts";
import { searchCacheDir, shardDocumentsFromEnv, type ShardManifest } from "../src/search/index.ts";

const { values } = parseArgs({
  options: {
    // Default 1000,5000,20000; none with --merge (only merging earlier reports).
    sizes: { type: "string" },
    runs: { type: "string", default: "3" },
    "baseline-max": { type: "string", default: "5000" },
    "no-browser": { type: "boolean", default: false },
    "no-rebuild": { type: "boolean", default: false },
    // The add-one-issue rebuild renders every page (no page reuse), to measure what reuse saves.
    "full-rebuild": { type: "boolean", default: false },
    work: { type: "string", default: path.join(tmpdir(), "gazette-bench") },
    results: { type: "string", default: "scripts/bench/results" },
    corpus: { type: "string", default: "../shared/corpus" },
    merge: { type: "string", default: "" },
    note: { type: "string", multiple: true, default: [] },
  },
});
const root = process.cwd();
const sizes = (values.sizes ?? (values.merge ? "" : "1000,5000,20000")).split(",").filter(Boolean).map(Number);
// --runs 3 or one count per size, e.g. --runs 3,1 (the last applies to the rest).
const runsList = values.runs.split(",").map(Number);
const baselineMax = Number(values["baseline-max"]);
const work = path.resolve(values.work);
const texts = (await readCorpus(path.resolve(root, values.corpus))) ?? null;
const corpus = texts ?? generateCorpus(1000);
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name))).size;
  return total;
}

async function ourBuild(content: string, out: string, full = false): Promise<{ ms: number; peakRssMb: number; phases: Record<string, number>; pages?: { pages: number; reused: number } }> {
  const r = await measureCommand(process.execPath, ["--expose-gc", "--import", "tsx", "scripts/bench/build-once.ts", content, out, ...(full ? ["--full"] : [])], { cwd: root });
  const line = r.stdout.trim().split("\n").at(-1) ?? "";
  if (r.code !== 0) throw new Error(`the benchmark build failed (${content}): ${line} ${r.stderr.slice(-2000)}`);
  const parsed = JSON.parse(line) as { ms: number; phases: Record<string, number>; pages?: { pages: number; reused: number } };
  return { ms: r.ms, peakRssMb: r.peakRssMb, phases: parsed.phases, ...(parsed.pages ? { pages: parsed.pages } : {}) };
}

async function prepare(size: number): Promise<{ content: string; out: string; dir: string }> {
  const dir = path.join(work, String(size));
  const content = path.join(dir, "issues");
  const marker = path.join(dir, "archive.json");
  const wanted = JSON.stringify({ size, corpus: texts ? "real" : "generated", texts: corpus.length, version: 1 });
  const have = await readFile(marker, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return "";
    throw err;
  });
  if (have !== wanted) {
    log(`writing a ${size}-document archive to ${content}`);
    await rm(content, { recursive: true, force: true });
    await writeBenchArchive(content, size, corpus);
    await writeFile(marker, wanted);
  }
  return { content, out: path.join(dir, "_site"), dir };
}

const results: SizeResult[] = [];
for (const [i, size] of sizes.entries()) {
  const runs = runsList[Math.min(i, runsList.length - 1)]!;
  const { content, out, dir } = await prepare(size);
  const builds: Awaited<ReturnType<typeof ourBuild>>[] = [];
  for (let r = 0; r < runs; r++) {
    // A cold build: no output, no page manifest and no cached search shards.
    await rm(out, { recursive: true, force: true });
    await rm(pageManifestPath(out), { force: true });
    await rm(searchCacheDir(out), { recursive: true, force: true });
    log(`${size}: our build, run ${r + 1}/${runs}`);
    builds.push(await ourBuild(content, out));
    log(`  ${(builds.at(-1)!.ms / 1000).toFixed(1)} s, peak ${builds.at(-1)!.peakRssMb} MB`);
  }
  const phaseNames = [...new Set(builds.flatMap((b) => Object.keys(b.phases)))];
  const phases = Object.fromEntries(phaseNames.map((n) => [n, median(builds.map((b) => (b.phases[n] ?? 0) / 1000))]));
  const manifest = JSON.parse(await readFile(path.join(out, "pagefind/shards.json"), "utf8")) as ShardManifest;
  const result: SizeResult = {
    documents: size,
    runs,
    buildSeconds: median(builds.map((b) => b.ms / 1000)),
    buildRuns: builds.map((b) => b.ms / 1000),
    phases,
    peakRssMb: median(builds.map((b) => b.peakRssMb)),
    outputBytes: await folderBytes(out),
    indexBytes: await folderBytes(path.join(out, "pagefind")),
    shards: manifest.shards.length,
    baseline: null,
    ratio: null,
  };
  if (size <= baselineMax) {
    const config = await writeBareEleventy(path.join(dir, "bare"), content);
    const eleventy: MeasuredRun[] = [];
    const pagefind: MeasuredRun[] = [];
    for (let r = 0; r < runs; r++) {
      const bareOut = path.join(dir, "bare-site");
      await rm(bareOut, { recursive: true, force: true });
      log(`${size}: bare Eleventy, run ${r + 1}/${runs}`);
      const e = await measureCommand(process.execPath, [path.join(root, "node_modules/@11ty/eleventy/cmd.cjs"), `--config=${config}`, `--output=${bareOut}`, "--quiet"], { cwd: path.join(dir, "bare") });
      if (e.code !== 0) throw new Error(`bare Eleventy failed: ${e.stderr.slice(-2000)}`);
      eleventy.push(e);
      const index = path.join(dir, "bare-pagefind");
      await rm(index, { recursive: true, force: true });
      log(`${size}: bare pagefind on our HTML, run ${r + 1}/${runs}`);
      const p = await measureCommand(pagefindBinary(process.env.PAGEFIND_EXTENDED_BINARY_PATH), ["--site", out, "--output-path", index, "--quiet"]);
      if (p.code !== 0) throw new Error(`bare pagefind failed: ${p.stdout.slice(-1000)} ${p.stderr.slice(-1000)}`);
      pagefind.push(p);
      log(`  Eleventy ${(e.ms / 1000).toFixed(1)} s / ${e.peakRssMb} MB, Pagefind ${(p.ms / 1000).toFixed(1)} s / ${p.peakRssMb} MB`);
    }
    result.baseline = {
      eleventySeconds: median(eleventy.map((e) => e.ms / 1000)),
      eleventyPeakRssMb: median(eleventy.map((e) => e.peakRssMb)),
      pagefindSeconds: median(pagefind.map((p) => p.ms / 1000)),
      pagefindPeakRssMb: median(pagefind.map((p) => p.peakRssMb)),
    };
    result.ratio = result.buildSeconds / (result.baseline.eleventySeconds + result.baseline.pagefindSeconds);
  } else {
    result.baselineSkipped = `above --baseline-max ${baselineMax}: one Pagefind index of ${size} documents with Chinese segmentation needs more memory than this machine has (about 1.4 GB per 1,000 documents, see the task).`;
  }
  results.push(result);
}

const largest = sizes.length > 0 ? Math.max(...sizes) : 0;
const layout = planBenchArchive(Math.max(1, largest));
const total = layout.issues.reduce((n, i) => n + i.documents, 0);
const { content, out } = largest > 0 ? await prepare(largest) : { content: "", out: "" };
let queries: BenchReport["queries"] = null;
if (!values["no-browser"] && largest > 0) {
  log(`${largest}: search in Chromium`);
  queries = { documents: largest, results: await measureQueries(out, benchQueries([benchDocNumber(layout, 0), benchDocNumber(layout, Math.floor(total / 2)), benchDocNumber(layout, total - 3)]), process.env.CHROMIUM_PATH) };
}
let rebuild: BenchReport["rebuild"] = null;
if (!values["no-rebuild"] && largest > 0) {
  const notes: string[] = [];
  const added = nextBenchIssue(layout);
  const before = JSON.parse(await readFile(path.join(out, "pagefind/shards.json"), "utf8")) as ShardManifest;
  await writeBenchIssue(content, added, layout, corpus, total);
  log(`${largest}: rebuild after adding issue ${added.key}`);
  const add = await ourBuild(content, out, values["full-rebuild"]);
  const after = JSON.parse(await readFile(path.join(out, "pagefind/shards.json"), "utf8")) as ShardManifest;
  const indexed = after.shards.filter((s) => before.shards.find((b) => b.path === s.path)?.hash !== s.hash).length;
  const reusedPages = add.pages ? `, ${add.pages.reused} of ${add.pages.pages} document, issue and print pages reused` : "";
  notes.push(`adding issue ${added.key} (${added.documents} documents)${values["full-rebuild"] ? " with --full-rebuild (no page reuse)" : ""}: phases ${JSON.stringify(add.phases)}, peak ${add.peakRssMb} MB${reusedPages}`);
  log(`${largest}: fixing one document under npm start`);
  const edit = await editUnderStart(content, out, added);
  notes.push(...edit.notes);
  await rm(path.join(content, added.key), { recursive: true, force: true });
  rebuild = { documents: largest, addIssueSeconds: add.ms / 1000, addIssueShardsIndexed: indexed, editUnderStartSeconds: edit.seconds, notes };
}

/** Starts `npm start` on the archive, fixes a title in the added issue and waits until the page and the search index show it. */
async function editUnderStart(contentDir: string, outputDir: string, issue: { key: string; year: number; number: number }): Promise<{ seconds: number | null; notes: string[] }> {
  const port = 8700 + Math.floor(Math.random() * 200);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--content", contentDir, "--output", outputDir, "--port", String(port), "--lang", "en"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const base = `http://localhost:${port}`;
  const file = path.join(contentDir, issue.key, "wj-01.md");
  const original = await readFile(file, "utf8");
  try {
    const startedAt = performance.now();
    // English messages (`--lang en`): npm start says `Serving <url>` once it serves.
    await waitFor(async () => output.includes("Serving "), 1_800_000);
    const startSeconds = (performance.now() - startedAt) / 1000;
    // The manifest is written last, after every re-indexed shard: a new one means the search is updated.
    const manifest = async () => {
      const r = await fetch(`${base}/pagefind/shards.json`);
      return r.ok ? await r.text() : null;
    };
    const beforeIndex = await manifest();
    const marker = "（更正）";
    await writeFile(file, original.replace(/^title: "(.*)"$/mu, `title: "$1${marker}"`));
    const t0 = performance.now();
    const pageUrl = `${base}/${issue.year}/${issue.number}/wj-01/`;
    await waitFor(async () => {
      if (!(await (await fetch(pageUrl)).text()).includes(marker)) return false;
      const now = await manifest();
      return now !== null && now !== beforeIndex && JSON.parse(now) !== null;
    }, 1_800_000);
    return { seconds: (performance.now() - t0) / 1000, notes: [`npm start needed ${startSeconds.toFixed(1)} s to build and serve before the edit`] };
  } finally {
    await writeFile(file, original);
    if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch (err) {
      // The server is not up yet (connection refused) or a file is being written: try again.
      if (!(err instanceof TypeError || err instanceof SyntaxError)) throw err;
    }
    if (performance.now() > until) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// --merge a.json,b.json: add the sizes (and search or rebuild figures) of earlier runs' reports;
// a size measured again in a later file replaces the earlier row.
for (const file of values.merge.split(",").filter(Boolean)) {
  const other = JSON.parse(await readFile(file, "utf8")) as BenchReport;
  for (const row of other.sizes) {
    const at = results.findIndex((r) => r.documents === row.documents);
    if (at >= 0) results.splice(at, 1);
    results.push(row);
  }
  queries ??= other.queries;
  rebuild ??= other.rebuild;
}
results.sort((a, b) => a.documents - b.documents);
// A report made only of merged files describes the machine and settings of the first of them.
const first = sizes.length === 0 && values.merge ? (JSON.parse(await readFile(values.merge.split(",")[0]!, "utf8")) as BenchReport) : null;

const report: BenchReport = {
  date: new Date().toISOString(),
  machine: first?.machine ?? { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.versions.node, loadAverage: loadavg() },
  settings: first?.settings ?? { shardDocuments: shardDocumentsFromEnv(process.env.GAZETTE_SEARCH_SHARD_DOCUMENTS) === Infinity ? "all" : shardDocumentsFromEnv(process.env.GAZETTE_SEARCH_SHARD_DOCUMENTS), pagefindJobs: 1, corpus: texts ? "real" : "generated" },
  sizes: results,
  queries,
  rebuild,
  ...(values.note.length > 0 ? { notes: values.note } : {}),
};
const resultsDir = path.resolve(root, values.results);
await mkdir(resultsDir, { recursive: true });
await writeFile(path.join(resultsDir, "latest.json"), `${JSON.stringify(report, null, 1)}\n`);
await writeFile(path.join(resultsDir, "summary.md"), formatSummary(report));
await writeFile(path.join(resultsDir, "summary.svg"), buildTimeChart(results));
log(`wrote ${path.relative(root, resultsDir)}/latest.json, summary.md, summary.svg`);
