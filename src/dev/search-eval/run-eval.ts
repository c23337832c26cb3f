import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium, serveStatic } from "../../browser/index.ts";
import { buildSite } from "../../build/index.ts";
import { toSimplified } from "../../client/to-simplified.ts";
import { createMarkdown } from "../../markdown/create-markdown.ts";
import { queryWords } from "../../search/normalise-query.ts";
import { plainText } from "../../search/plain-text.ts";
import { foldText } from "../../search/tokenise.ts";
import { drawQueries } from "./draw-queries.ts";
import { generateCorpus, readCorpus, type CorpusText } from "./corpus.ts";
import { chooseTexts, writeEvalArchive, type EvalDocument } from "./make-archive.ts";
import { mean, measure, percentile, type QueryMeasures } from "./metrics.ts";
import { expandQueries, namedDocuments, QUERY_KINDS, readQuerySet, type EvalQuery, type QueryKind } from "./queries.ts";

/** Options of {@link runSearchEval}; paths absolute. */
export interface EvalOptions {
  /** Project folder (eleventy.config.ts, _includes/). */
  root: string;
  /** Folder of the real corpus (`../shared/corpus`); generated text is used when it is missing. */
  corpusDir: string;
  /** Query set (`test/fixtures/search-eval/queries.json`). */
  queriesFile: string;
  /** Documents in the evaluation archive (default 400). */
  size?: number;
  /** Queries are drawn from every n-th document (default: about 30 documents). */
  drawEvery?: number;
  /**
   * Build the evaluation archive with another checkout of the project (its `scripts/build.ts`, in
   * a child process), e.g. the main branch, to measure the search before a change; default: this one.
   */
  builderRoot?: string;
}

/** What one query did in the browser. */
export interface QueryRun extends EvalQuery, QueryMeasures {
  results: string[];
  /** Results among the first 10 that do not contain every word of the query (must be 0). */
  stray: string[];
  /** Documents of the archive that contain every word of the query (exact substring, after folding). */
  relevant: number;
  /** The no-result message was shown. */
  noResultShown: boolean;
  /** Bytes received while the query ran (bodies + headers). */
  bytes: number;
  /** From submitting the query to the first result (or the no-result message) on screen. */
  ms: number;
}

/** Figures of one query kind. */
export interface KindSummary {
  kind: QueryKind;
  queries: number;
  recallAt1: number;
  recallAt10: number;
  precisionAt10: number;
  stray: number;
  /** Queries no document contains, and of them those that showed the no-result message. */
  noMatch: number;
  noMatchHonest: number;
  bytesMedian: number;
  bytesP95: number;
  bytesMean: number;
  msMedian: number;
  msP95: number;
  /** Up to 3 queries of the kind opened cold (new browser context, `/search/?q=…`): median bytes and ms from navigation to results. */
  coldBytesMedian: number;
  coldMsMedian: number;
}

export interface EvalReport {
  corpus: "real" | "generated";
  documents: number;
  pagefind: string;
  /** Version pinned in package.json; the evaluation fails when the installed one differs. */
  pagefindPinned: string;
  buildMs: number;
  indexBytes: number;
  cold: { bytes: number; ms: number };
  kinds: KindSummary[];
  runs: QueryRun[];
}

/** Kinds judged by exact substring search over the archive (the others expect named documents). */
const TEXT_KINDS: QueryKind[] = ["title", "fragment", "phrase4", "compound", "phrase", "topical", "single", "traditional", "nomatch"];

/**
 * The search evaluation (`npm run search-eval`): builds an evaluation archive from the corpus
 * (real Eleventy build and Pagefind index), types every query of the query set into the real
 * search page in Chromium, and measures what readers see. Relevance is strict: a document is
 * relevant to a text query when its title, number or text contains every word of the query (after
 * Traditional→Simplified and width folding) by exact substring search over the archive. Reported
 * per kind: top result relevant, recall@10 over min(10, relevant documents), precision@10, stray
 * results (shown but not relevant), no-match queries that showed the no-result message, bytes
 * received and time to first result. Text queries are drawn by rule from the archive
 * (`drawQueries`) besides the hand-written query set.
 * @throws Error when the build fails or the query set names a document the archive lacks.
 */
export async function runSearchEval(options: EvalOptions): Promise<EvalReport> {
  const entries = await readQuerySet(options.queriesFile);
  const real = await readCorpus(options.corpusDir);
  const size = options.size ?? 400;
  let texts: CorpusText[];
  let queries: EvalQuery[];
  const work = await mkdtemp(path.join(tmpdir(), "gazette-search-eval-"));
  try {
    const contentDir = path.join(work, "issues");
    let docs: EvalDocument[];
    if (real) {
      texts = chooseTexts(real, namedDocuments(entries), size);
      docs = await writeEvalArchive(texts, contentDir);
      queries = expandQueries(entries, docs);
    } else {
      texts = generateCorpus(size);
      docs = await writeEvalArchive(texts, contentDir);
      queries = generatedQueries(texts, docs, entries);
    }
    const textOf = new Map(texts.map((t) => [t.id, t]));
    const md = createMarkdown();
    const plain = new Map(docs.map((d) => [d.url, plainText(md, textOf.get(d.id)?.body ?? "")]));
    const haystack = new Map(docs.map((d) => [d.url, foldText(`${d.title}\n${d.docNumber}\n${plain.get(d.url) ?? ""}`)]));
    const containsAll = (text: string, words: string[]) => words.every((w) => text.includes(w));
    const relevantTo = (words: string[]) => docs.filter((d) => containsAll(haystack.get(d.url) ?? "", words)).map((d) => d.url);
    const every = options.drawEvery ?? Math.max(1, Math.floor(docs.length / 30));
    queries = [...drawQueries(docs.map((d) => ({ url: d.url, title: d.title, text: plain.get(d.url) ?? "" })), every, (q) => relevantTo([foldText(q)]).length > 0), ...queries];
    const outputDir = path.join(work, "_site");
    const build = options.builderRoot ? await buildWith(options.builderRoot, contentDir, outputDir) : await buildSite({ root: options.root, contentDir, outputDir });
    if (!build.ok) throw new Error(`the evaluation archive did not build: ${build.error}`);
    const indexBytes = await folderBytes(path.join(outputDir, "pagefind"));
    const pkg = JSON.parse(await readFile(path.join(options.root, "node_modules/pagefind/package.json"), "utf8")) as { version: string };
    const project = JSON.parse(await readFile(path.join(options.root, "package.json"), "utf8")) as { dependencies: Record<string, string> };

    const server = await serveStatic(outputDir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      let sizes: Promise<number>[] = [];
      page.on("requestfinished", (request) => {
        sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
      });
      const received = async () => (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      const coldStart = performance.now();
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(queries[0]!.q)}`);
      await page.waitForFunction((q) => document.getElementById("search-app")?.dataset.searched === q, queries[0]!.q, { timeout: 30_000 });
      const cold = { bytes: 0, ms: Math.round(performance.now() - coldStart) };
      await page.waitForTimeout(200);
      cold.bytes = await received();
      await installClock(page);
      const runs: QueryRun[] = [];
      for (const query of queries) {
        sizes = [];
        const { results, ms, empty } = await typeQuery(page, query.q);
        const bytes = await received();
        const textKind = TEXT_KINDS.includes(query.kind);
        const words = queryWords(toSimplified(query.q)).map(foldText);
        const relevant = textKind ? relevantTo(words) : query.expected;
        const isRelevant = (u: string) => (textKind ? containsAll(haystack.get(u) ?? "", words) : query.expected.includes(u));
        const m = measure(results, relevant, isRelevant);
        const stray = textKind ? results.slice(0, 10).filter((u) => !isRelevant(u)) : [];
        runs.push({ ...query, ...m, results: results.slice(0, 10), stray, relevant: relevant.length, noResultShown: empty, bytes, ms });
      }
      const coldByKind = new Map<QueryKind, { bytes: number; ms: number }[]>();
      for (const kind of QUERY_KINDS) {
        const ofKind = queries.filter((q) => q.kind === kind);
        const sample = [...new Set([ofKind[0], ofKind[Math.floor(ofKind.length / 2)], ofKind.at(-1)])].filter((q): q is EvalQuery => q !== undefined);
        const measured: { bytes: number; ms: number }[] = [];
        for (const q of sample) measured.push(await coldQuery(browser, server.url, q.q));
        coldByKind.set(kind, measured);
      }
      return {
        corpus: real ? "real" : "generated",
        documents: docs.length,
        pagefind: pkg.version,
        buildMs: build.ms,
        indexBytes,
        cold,
        pagefindPinned: project.dependencies.pagefind ?? "",
        kinds: QUERY_KINDS.map((kind) => summarise(kind, runs.filter((r) => r.kind === kind), coldByKind.get(kind) ?? [])).filter((k) => k.queries > 0),
        runs,
      };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Records, in the page, when the results region first changes after a query is submitted. */
async function installClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __t0: number; __t1: number };
    const observer = new MutationObserver(() => {
      if (w.__t1 === 0) w.__t1 = performance.now();
    });
    for (const id of ["search-results", "search-direct", "search-empty"]) {
      const node = document.getElementById(id);
      if (node) observer.observe(node, { childList: true, subtree: true });
    }
  });
}

async function typeQuery(page: Page, q: string): Promise<{ results: string[]; ms: number; empty: boolean }> {
  await page.evaluate((text) => {
    const w = window as unknown as { __t0: number; __t1: number };
    const input = document.getElementById("search-input") as HTMLInputElement;
    const form = document.getElementById("search-form") as HTMLFormElement;
    input.value = text;
    w.__t1 = 0;
    w.__t0 = performance.now();
    form.requestSubmit();
  }, q);
  await page.waitForFunction((text) => document.getElementById("search-app")?.dataset.searched === text, q, { timeout: 30_000 });
  return page.evaluate(() => {
    const w = window as unknown as { __t0: number; __t1: number };
    const links = [...document.querySelectorAll<HTMLAnchorElement>(".direct-hit__link, .result__title a")];
    const end = w.__t1 === 0 ? performance.now() : w.__t1;
    const empty = (document.getElementById("search-empty")?.textContent ?? "").includes("没有找到");
    return { results: links.map((a) => new URL(a.href).pathname), ms: Math.round(end - w.__t0), empty };
  });
}

/** Opens `/search/?q=…` in a new browser context (empty cache): bytes received and ms from navigation to results. */
async function coldQuery(browser: Browser, base: string, q: string): Promise<{ bytes: number; ms: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const sizes: Promise<number>[] = [];
    page.on("requestfinished", (request) => {
      sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    });
    await page.goto(`${base}/search/?q=${encodeURIComponent(q)}`);
    const handle = await page.waitForFunction((text) => document.getElementById("search-app")?.dataset.searched === text && performance.now(), q, { timeout: 30_000 });
    const ms = Math.round(Number(await handle.jsonValue()));
    await page.waitForLoadState("networkidle");
    return { bytes: (await Promise.all(sizes)).reduce((a, b) => a + b, 0), ms };
  } finally {
    await context.close();
  }
}

function summarise(kind: QueryKind, runs: QueryRun[], cold: { bytes: number; ms: number }[]): KindSummary {
  const pct = (xs: number[]) => Math.round(mean(xs) * 1000) / 10;
  return {
    kind,
    queries: runs.length,
    recallAt1: pct(runs.map((r) => r.recallAt1)),
    recallAt10: pct(runs.map((r) => r.recallAt10)),
    precisionAt10: pct(runs.map((r) => r.precisionAt10)),
    stray: runs.reduce((n, r) => n + r.stray.length, 0),
    noMatch: runs.filter((r) => TEXT_KINDS.includes(r.kind) && r.relevant === 0).length,
    noMatchHonest: runs.filter((r) => TEXT_KINDS.includes(r.kind) && r.relevant === 0 && r.noResultShown && r.results.length === 0).length,
    bytesMedian: percentile(runs.map((r) => r.bytes), 0.5),
    bytesP95: percentile(runs.map((r) => r.bytes), 0.95),
    bytesMean: Math.round(mean(runs.map((r) => r.bytes))),
    msMedian: percentile(runs.map((r) => r.ms), 0.5),
    msP95: percentile(runs.map((r) => r.ms), 0.95),
    coldBytesMedian: percentile(cold.map((c) => c.bytes), 0.5),
    coldMsMedian: percentile(cold.map((c) => c.ms), 0.5),
  };
}

/** Queries for the generated text (no real corpus): numbers, issuers and each title's words. */
function generatedQueries(texts: CorpusText[], docs: EvalDocument[], entries: readonly { kind: string; q?: string }[]): EvalQuery[] {
  const fake = docs.filter((_, i) => i % 8 === 0).slice(0, 20).map((d) => ({ kind: "number" as const, doc: d.id }));
  const out = expandQueries([...fake, ...entries.filter((e): e is { kind: "issuer" | "series"; q: string } => e.kind === "issuer" || e.kind === "series")], docs);
  const byId = new Map(docs.map((d) => [d.id, d]));
  for (const t of texts.slice(0, 60)) {
    const url = byId.get(t.id)!.url;
    out.push({ kind: "phrase", form: "", q: t.title, expected: [url] });
  }
  return out;
}

/** Builds with another checkout's `scripts/build.ts` (same options as `npm run build`). */
async function buildWith(root: string, contentDir: string, outputDir: string): Promise<{ ok: boolean; error: string; ms: number }> {
  const { spawnSync } = await import("node:child_process");
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", "scripts/build.ts", "--content", contentDir, "--output", outputDir], { cwd: root, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  return { ok: run.status === 0, error: `${run.stderr ?? ""}`.slice(-2000), ms: Math.round(performance.now() - started) };
}

async function folderBytes(dir: string): Promise<number> {
  const { readdir, stat } = await import("node:fs/promises");
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name))).size;
  return total;
}
