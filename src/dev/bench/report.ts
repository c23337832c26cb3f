import type { QueryCost } from "./search-queries.ts";

/** Figures of one archive size (medians over the runs). */
export interface SizeResult {
  documents: number;
  runs: number;
  /** Our full cold build (`buildSite`: checks, Eleventy, Sass, Pagefind…), seconds, median. */
  buildSeconds: number;
  /** Every run's seconds. */
  buildRuns: number[];
  /** Per-phase seconds (median of each phase over the runs). */
  phases: Record<string, number>;
  /** Peak resident memory of the whole process tree (Node and Pagefind), MB, median. */
  peakRssMb: number;
  outputBytes: number;
  indexBytes: number;
  shards: number;
  /** Baselines on the same content, seconds (median), or null when not run (and why). */
  baseline: { eleventySeconds: number; eleventyPeakRssMb: number; pagefindSeconds: number; pagefindPeakRssMb: number } | null;
  baselineSkipped?: string;
  /** Our build over (bare Eleventy + bare Pagefind). */
  ratio: number | null;
}

/** The machine-readable benchmark report (`scripts/bench/results/latest.json`). */
export interface BenchReport {
  date: string;
  machine: { cpus: number; memoryGb: number; node: string; loadAverage: number[] };
  settings: { shardDocuments: number | "all"; pagefindJobs: number; corpus: "real" | "generated" };
  sizes: SizeResult[];
  queries: { documents: number; results: QueryCost[] } | null;
  /** How the figures were taken when it matters (e.g. runs that overlapped other work). */
  notes?: string[];
  rebuild: {
    documents: number;
    /** Seconds until site and search show a newly added issue (`npm run build` with the previous output). */
    addIssueSeconds: number | null;
    addIssueShardsIndexed: number | null;
    /** Seconds until `npm start` serves a fixed document, on its page and in the search index. */
    editUnderStartSeconds: number | null;
    notes: string[];
  } | null;
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** The Markdown summary of a report (tables of every figure, goals against the measured values). */
export function formatSummary(report: BenchReport): string {
  const lines = [
    "# Benchmark summary",
    "",
    `Run ${report.date} on ${report.machine.cpus} cores, ${report.machine.memoryGb} GiB, Node ${report.machine.node} (load average at the start ${report.machine.loadAverage.map((l) => round(l, 2)).join(", ")}; the machine is shared, so times vary between runs). Search index: shards of at most ${report.settings.shardDocuments} documents, ${report.settings.pagefindJobs} Pagefind run(s) at a time. Text: ${report.settings.corpus === "real" ? "the real corpus (../shared/corpus)" : "generated Chinese text"}.`,
    "",
    "![Build time against archive size](summary.svg)",
    "",
    "| documents | runs | our build s (median) | bare Eleventy s | bare Pagefind s | ratio | peak RSS MB (tree) | bare Pagefind peak MB | output MB | index MB | shards |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const s of report.sizes) {
    lines.push(
      `| ${s.documents} | ${s.runs} | ${round(s.buildSeconds)} | ${s.baseline ? round(s.baseline.eleventySeconds) : "—"} | ${s.baseline ? round(s.baseline.pagefindSeconds) : "—"} | ${s.ratio === null ? "—" : round(s.ratio, 2)} | ${s.peakRssMb} | ${s.baseline ? s.baseline.pagefindPeakRssMb : "—"} | ${round(s.outputBytes / 2 ** 20)} | ${round(s.indexBytes / 2 ** 20)} | ${s.shards} |`,
    );
  }
  for (const s of report.sizes) if (s.baselineSkipped) lines.push("", `Baselines at ${s.documents} documents not run: ${s.baselineSkipped}`);
  if (report.notes?.length) lines.push("", ...report.notes.map((n) => `- ${n}`));
  lines.push("", "## Phases (seconds, median)", "", `| phase | ${report.sizes.map((s) => s.documents).join(" | ")} |`, `|---|${report.sizes.map(() => "---:").join("|")}|`);
  const names = [...new Set(report.sizes.flatMap((s) => Object.keys(s.phases)))];
  for (const n of names) lines.push(`| ${n} | ${report.sizes.map((s) => (n in s.phases ? round(s.phases[n]!) : "—")).join(" | ")} |`);
  lines.push(
    "",
    "`checks` is the content check before Eleventy. `eleventy` is the whole Eleventy run with its data step (`site data (Markdown)`, `feeds, data, heads`, `page plan`: fingerprints of the pages, `reused pages`: unchanged pages linked from the previous output, `print views`: written from the site model). `pagefind` follows Eleventy and includes `search shard hashes` and `search merge`; `sass`, `print assets` and `client bundle` run while Pagefind's service indexes, so they overlap `pagefind`. `swap` puts the new output in place (the old one is removed in the background).",
  );
  if (report.queries) {
    lines.push("", `## Search in Chromium (${report.queries.documents} documents)`, "", "| kind | query | cold bytes (all, as served) | cold bytes (/pagefind/) | cold bytes gzip-served | cold ms to results | typed ms | typed bytes | results |", "|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const q of report.queries.results) lines.push(`| ${q.kind} | ${q.q} | ${q.coldBytes} | ${q.coldIndexBytes} | ${q.coldGzipBytes} | ${q.coldMs} | ${q.typedMs} | ${q.typedBytes} | ${q.results} |`);
  }
  if (report.rebuild) {
    const r = report.rebuild;
    lines.push("", `## Rebuilds (${r.documents} documents)`, "", `- Add one gazette issue, \`npm run build\`: ${r.addIssueSeconds === null ? "not measured" : `${round(r.addIssueSeconds)} s`} (${r.addIssueShardsIndexed ?? "?"} shard(s) re-indexed, the others reused).`, `- Fix one document under \`npm start\`: ${r.editUnderStartSeconds === null ? "not measured" : `${round(r.editUnderStartSeconds)} s`} until the page and the search index show it.`);
    for (const n of r.notes) lines.push(`- ${n}`);
  }
  return `${lines.join("\n")}\n`;
}

/** An SVG line chart (no script, no external font) of build seconds against documents: ours and the bare tools' sum. */
export function buildTimeChart(sizes: readonly SizeResult[]): string {
  const W = 640;
  const H = 360;
  const pad = { l: 60, r: 20, t: 30, b: 50 };
  const maxX = Math.max(1, ...sizes.map((s) => s.documents));
  const maxY = Math.max(1, ...sizes.flatMap((s) => [s.buildSeconds, s.baseline ? s.baseline.eleventySeconds + s.baseline.pagefindSeconds : 0]));
  const x = (v: number) => pad.l + (v / maxX) * (W - pad.l - pad.r);
  const y = (v: number) => H - pad.b - (v / maxY) * (H - pad.t - pad.b);
  const line = (pts: [number, number][], color: string, label: string, dy: number) =>
    pts.length === 0
      ? ""
      : `<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map(([a, b]) => `${round(x(a))},${round(y(b))}`).join(" ")}"/>` +
        pts.map(([a, b]) => `<circle cx="${round(x(a))}" cy="${round(y(b))}" r="3" fill="${color}"/>`).join("") +
        `<text x="${pad.l + 10}" y="${pad.t + dy}" fill="${color}" font-size="13">${label}</text>`;
  const ours = sizes.map((s) => [s.documents, s.buildSeconds] as [number, number]);
  const bare = sizes.filter((s) => s.baseline).map((s) => [s.documents, s.baseline!.eleventySeconds + s.baseline!.pagefindSeconds] as [number, number]);
  const ticks = sizes.map((s) => `<text x="${round(x(s.documents))}" y="${H - pad.b + 18}" font-size="12" text-anchor="middle">${s.documents}</text>`).join("");
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => `<text x="${pad.l - 8}" y="${round(y(f * maxY)) + 4}" font-size="12" text-anchor="end">${Math.round(f * maxY)}</text><line x1="${pad.l}" x2="${W - pad.r}" y1="${round(y(f * maxY))}" y2="${round(y(f * maxY))}" stroke="#ddd"/>`).join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<title>Build time (s) against archive size (documents)</title>`,
    yTicks,
    `<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#333"/><line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="#333"/>`,
    ticks,
    `<text x="${W / 2}" y="${H - 10}" font-size="13" text-anchor="middle">documents</text>`,
    `<text x="16" y="${H / 2}" font-size="13" text-anchor="middle" transform="rotate(-90 16 ${H / 2})">seconds</text>`,
    line(ours, "#b00020", "our full build (median)", 0),
    line(bare, "#1a5fb4", "bare Eleventy + bare Pagefind", 18),
    "</svg>",
    "",
  ].join("\n");
}
