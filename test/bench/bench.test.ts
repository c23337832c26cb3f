import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { benchDocNumber, buildTimeChart, formatSummary, measureCommand, median, nextBenchIssue, planBenchArchive, treeRss, writeBenchArchive, type BenchReport } from "../../src/dev/bench/index.ts";
import { loadArchive } from "../../src/content/index.ts";
import { generateCorpus } from "../../src/dev/search-eval/index.ts";

test("a benchmark archive has the size asked, 10 to 25 documents an issue, about 30 years", () => {
  for (const size of [1000, 5000, 20000]) {
    const layout = planBenchArchive(size);
    const sizes = layout.issues.map((i) => i.documents);
    assert.is(sizes.reduce((a, b) => a + b, 0), size);
    assert.ok(sizes.slice(0, -1).every((n) => n >= 10 && n <= 25), String(size));
    const years = new Set(layout.issues.map((i) => i.year));
    assert.ok(years.size >= 10 && years.size <= 40, `${size}: ${years.size} years`);
    assert.is(layout.issues.at(-1)!.year, 2025);
  }
  assert.equal(planBenchArchive(1000), planBenchArchive(1000), "deterministic");
  assert.throws(() => planBenchArchive(0), /whole number/);
});

test("the next issue follows the last one, into the next year when the year is full", () => {
  const layout = planBenchArchive(1000);
  const last = layout.issues.at(-1)!;
  const next = nextBenchIssue(layout);
  assert.is(next.key > last.key, true);
  assert.is(nextBenchIssue({ ...layout, issues: [{ key: "2025-04", year: 2025, number: 4, documents: 12 }] }, 12).key, layout.perYear === 4 ? "2026-01" : "2025-05");
});

test("a written benchmark archive is valid content; withheld documents are among them", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-bench-"));
  try {
    const layout = await writeBenchArchive(dir, 240, generateCorpus(50));
    const { archive, findings } = await loadArchive(dir, dir);
    assert.ok(archive, findings.map((f) => f.message).join("\n"));
    assert.is(findings.filter((f) => f.severity === "error").length, 0);
    const docs = archive!.issues.flatMap((i) => i.documents);
    assert.is(docs.length, 240);
    assert.ok(docs.some((d) => d.publication === "withheld") && docs.some((d) => d.publication === "on-request"));
    const first = layout.issues[0]!;
    const text = await readFile(path.join(dir, first.key, "wj-01.md"), "utf8");
    assert.ok(text.includes(`docNumber: "${benchDocNumber(layout, 0)}"`), text.slice(0, 300));
    assert.is((await readdir(path.join(dir, first.key))).filter((f) => f.endsWith(".md")).length, first.documents);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("the memory of a process tree is summed over its children", async () => {
  assert.ok((await treeRss(process.pid)) > 10 * 2 ** 20);
  const run = await measureCommand(process.execPath, ["-e", "const a = Buffer.alloc(200 * 2 ** 20, 1); setTimeout(() => process.stdout.write(String(a.length)), 600)"], { intervalMs: 50 });
  assert.is(run.code, 0);
  assert.is(run.stdout.trim(), String(200 * 2 ** 20));
  assert.ok(run.peakRssMb >= 200, `peak ${run.peakRssMb} MB`);
});

test("median of odd and even counts", () => {
  assert.is(median([3, 1, 2]), 2);
  assert.is(median([4, 1, 2, 3]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

test("the summary lists every size and the chart draws both lines", () => {
  const report: BenchReport = {
    date: "2026-01-01T00:00:00.000Z",
    machine: { cpus: 2, memoryGb: 24, node: "20", loadAverage: [1, 1, 1] },
    settings: { shardDocuments: 500, pagefindJobs: 1, corpus: "generated" },
    sizes: [
      { documents: 1000, runs: 3, buildSeconds: 30, buildRuns: [29, 30, 31], phases: { pagefind: 14 }, peakRssMb: 900, outputBytes: 1e8, indexBytes: 1e7, shards: 2, baseline: { eleventySeconds: 5, eleventyPeakRssMb: 200, pagefindSeconds: 20, pagefindPeakRssMb: 1500 }, ratio: 1.2 },
      { documents: 20000, runs: 1, buildSeconds: 600, buildRuns: [600], phases: { pagefind: 500 }, peakRssMb: 3000, outputBytes: 2e9, indexBytes: 2e8, shards: 40, baseline: null, baselineSkipped: "too large", ratio: null },
    ],
    queries: { documents: 20000, results: [{ kind: "common", q: "管理", coldBytes: 1, coldIndexBytes: 1, coldGzipBytes: 1, coldMs: 1, typedMs: 1, typedBytes: 1, results: 10 }] },
    rebuild: { documents: 20000, addIssueSeconds: 12, addIssueShardsIndexed: 1, editUnderStartSeconds: 30, notes: ["n"] },
  };
  const md = formatSummary(report);
  assert.match(md, /\| 1000 \| 3 \| 30 \| 5 \| 20 \| 1\.2 \|/);
  assert.match(md, /\| 20000 \| 1 \| 600 \| — \|/);
  assert.match(md, /Baselines at 20000 documents not run: too large/);
  assert.match(md, /\| common \| 管理 \|/);
  const svg = buildTimeChart(report.sizes);
  assert.is(svg.match(/<polyline/g)?.length, 2);
  assert.ok(svg.startsWith("<svg") && svg.includes("</svg>"));
});

test.run();
