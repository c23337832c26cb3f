import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { launchChromium, serveStatic } from "../../browser/index.ts";

/** A benchmark query and what kind of query it stands for. */
export interface BenchQuery {
  kind: "common" | "rare" | "number";
  q: string;
}

/** What one query cost in Chromium. */
export interface QueryCost {
  kind: BenchQuery["kind"];
  q: string;
  /** Cold first query (empty cache, `/search/?q=`): bytes of every response (headers + body). */
  coldBytes: number;
  /** Of those, bytes under `/pagefind/` (the search index and Pagefind's scripts). */
  coldIndexBytes: number;
  /** `coldBytes` as a server compressing text, JS and wasm with gzip would send them (Pagefind's index files are gzip already). */
  coldGzipBytes: number;
  /** ms from navigation to the first results on the page. */
  coldMs: number;
  /** Typed on a search page already open (index entry loaded): ms from submitting to results shown. */
  typedMs: number;
  /** Bytes received for the typed query. */
  typedBytes: number;
  /** Results shown (first page). */
  results: number;
}

/**
 * The fixed query set of `npm run bench`: common words, rare words, and the given document
 * numbers of the benchmark archive (see `benchDocNumber`).
 */
export function benchQueries(docNumbers: readonly string[]): BenchQuery[] {
  return [...WORD_QUERIES, ...docNumbers.map((q) => ({ kind: "number" as const, q }))];
}

const WORD_QUERIES: BenchQuery[] = [
  { kind: "common", q: "管理" },
  { kind: "common", q: "人民政府" },
  { kind: "common", q: "安全生产" },
  { kind: "rare", q: "渔业" },
  { kind: "rare", q: "气象灾害" },
  { kind: "rare", q: "港口" },
];

/**
 * Runs each query against a built site in real Chromium (served by sirv on localhost, no
 * compression beyond Pagefind's own gzip of its index files): once cold in a fresh browser context,
 * once typed into an open search page.
 */
export async function measureQueries(siteDir: string, queries: readonly BenchQuery[], chromiumPath?: string): Promise<QueryCost[]> {
  const server = await serveStatic(siteDir);
  const browser = await launchChromium(chromiumPath ? { executablePath: chromiumPath } : {});
  try {
    const out: QueryCost[] = [];
    for (const query of queries) {
      const cold = await coldQuery(browser, server.url, query.q);
      const typed = await typedQuery(browser, server.url, query.q);
      out.push({ kind: query.kind, q: query.q, coldBytes: cold.bytes, coldIndexBytes: cold.indexBytes, coldGzipBytes: cold.gzipBytes, coldMs: cold.ms, typedMs: typed.ms, typedBytes: typed.bytes, results: typed.results });
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Types a web server compresses on the fly (our static files; Pagefind's .pf_* files are gzip already). */
const COMPRESSIBLE = /\.(?:html?|js|css|json|svg|xml|pagefind)$|\/$/u;

function sizeCollector(page: Page): { total: () => Promise<{ all: number; index: number; gzip: number }>; reset: () => void } {
  let sizes: Promise<{ url: string; n: number; gz: number }>[] = [];
  page.on("requestfinished", (request) => {
    sizes.push(
      (async () => {
        const s = await request.sizes();
        const response = await request.response();
        const url = new URL(request.url());
        const body = response && COMPRESSIBLE.test(url.pathname) ? await response.body() : null;
        const gz = body ? s.responseHeadersSize + gzipSync(body).length : s.responseBodySize + s.responseHeadersSize;
        return { url: request.url(), n: s.responseBodySize + s.responseHeadersSize, gz };
      })(),
    );
  });
  return {
    reset: () => (sizes = []),
    total: async () => {
      const all = await Promise.all(sizes);
      return {
        all: all.reduce((a, b) => a + b.n, 0),
        index: all.filter((s) => new URL(s.url).pathname.includes("/pagefind/")).reduce((a, b) => a + b.n, 0),
        gzip: all.reduce((a, b) => a + Math.min(b.n, b.gz), 0),
      };
    },
  };
}

async function coldQuery(browser: Browser, base: string, q: string): Promise<{ bytes: number; indexBytes: number; gzipBytes: number; ms: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const sizes = sizeCollector(page);
    await page.goto(`${base}/search/?q=${encodeURIComponent(q)}`);
    const handle = await page.waitForFunction((text) => document.getElementById("search-app")?.dataset.searched === text && performance.now(), q, { timeout: 60_000 });
    const ms = Math.round(Number(await handle.jsonValue()));
    await page.waitForLoadState("networkidle");
    const t = await sizes.total();
    return { bytes: t.all, indexBytes: t.index, gzipBytes: t.gzip, ms };
  } finally {
    await context.close();
  }
}

async function typedQuery(browser: Browser, base: string, q: string): Promise<{ bytes: number; ms: number; results: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const sizes = sizeCollector(page);
    await page.goto(`${base}/search/`);
    await page.waitForFunction(() => document.getElementById("search-app")?.dataset.searched === "", undefined, { timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    sizes.reset();
    const started = await page.evaluate((text) => {
      const input = document.getElementById("search-input") as HTMLInputElement;
      const form = document.getElementById("search-form") as HTMLFormElement;
      input.value = text;
      const t0 = performance.now();
      form.requestSubmit();
      return t0;
    }, q);
    const handle = await page.waitForFunction((text) => document.getElementById("search-app")?.dataset.searched === text && performance.now(), q, { timeout: 60_000 });
    const ms = Math.round(Number(await handle.jsonValue()) - started);
    const results = await page.evaluate(() => document.querySelectorAll(".result, .direct-hit").length);
    await page.waitForLoadState("networkidle");
    return { bytes: (await sizes.total()).all, ms, results };
  } finally {
    await context.close();
  }
}
