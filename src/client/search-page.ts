// The search page (/search/): Pagefind's JS API with our own interface in Chinese. Every value
// from the index is put into the page as text (textContent), never as HTML. The query goes
// through the same normaliser as the build (src/search/normalise-query.ts).
import { normaliseQuery, numberShard, queryWords } from "../search/normalise-query.ts";
import { findDocuments } from "./find-documents.ts";
import { indexShards, loadPagefind, siteRoot, type FilterCounts, type PagefindApi, type PagefindResult, type PagefindResultData, type PagefindSearchOptions } from "./pagefind-api.ts";
import { el, renderEmpty, renderFacets, resultItem } from "./render.ts";
import { SERIES_FILTER, pagefindSort, readState, writeState, type SearchState, type SortOrder } from "./search-state.ts";

const PAGE_SIZE = 10;
const root = siteRoot(import.meta.url);
const app = document.getElementById("search-app");
const form = document.getElementById("search-form") as HTMLFormElement | null;
const input = document.getElementById("search-input") as HTMLInputElement | null;
const sortSelect = document.getElementById("search-sort") as HTMLSelectElement | null;
const facetsBox = document.getElementById("search-facets");
const statusBox = document.getElementById("search-status");
const directBox = document.getElementById("search-direct");
const resultsList = document.getElementById("search-results");
const moreButton = document.getElementById("search-more") as HTMLButtonElement | null;
const emptyBox = document.getElementById("search-empty");
const mainBox = document.getElementById("search-main");
const filtersBox = document.getElementById("search-filters") as HTMLDetailsElement | null;
// Filters sit beside the results on wide screens; on phones they start folded so the results
// come first, and the reader opens them with the 筛选条件 button.
if (filtersBox && window.matchMedia("(min-width: 44.01rem)").matches) filtersBox.open = true;

/** Marks the results region busy while a search runs, and records which query it last showed. */
function busy(on: boolean, q = ""): void {
  mainBox?.setAttribute("aria-busy", on ? "true" : "false");
  if (!on && app) app.dataset.searched = q;
}

let state: SearchState = readState(window.location.search);
let sequence = 0;
let pending: PagefindResult[] = [];
let words: string[] = [];
const pagefindReady: Promise<PagefindApi> = loadPagefind(root, indexShards(app?.dataset.indexShards), Number(app?.dataset.indexShardBase ?? "1"));
/**
 * Every filter value with its number of documents, written on the page at build time
 * (`searchFacetTotals`); Pagefind's own totals (every filter file of every shard) only without it.
 */
const totalFilters: Promise<FilterCounts> = app?.dataset.facetTotals ? Promise.resolve(JSON.parse(app.dataset.facetTotals) as FilterCounts) : pagefindReady.then((pf) => pf.filters());
/**
 * Pagefind counts filter values among a search's results only with its filter files loaded, which
 * `filters()` does for every shard once; searches wait for it.
 */
const filtersLoaded: Promise<unknown> = pagefindReady.then((pf) => pf.filters());
let simplified: Promise<(t: string) => string> | null = null;
/** Keys of the shards of the direct-hit map that exist (so a number not in the archive costs no failed request). */
let shardKeys: Promise<Set<string>> | null = null;
const shards = new Map<string, Promise<Record<string, { url: string; title: string }>>>();

/** Characters the converter changes (inlined at build time from opencc-js, see `traditionalCharacters`). */
const TRADITIONAL = new Set(__TRADITIONAL_CHARS__);

/** Converts Traditional characters to Simplified, loading opencc-js only for a query holding one. */
async function toSimplified(q: string): Promise<string> {
  if (![...q].some((ch) => TRADITIONAL.has(ch))) return q;
  simplified ??= import("./to-simplified.ts").then((m) => m.toSimplified);
  return (await simplified)(q);
}

/** The document a canonical number names, from its shard of the direct-hit map, or null. */
async function directHit(docNumber: string): Promise<{ url: string; title: string } | null> {
  const key = numberShard(docNumber);
  shardKeys ??= fetch(new URL("search/numbers/index.json", root)).then(async (r) => new Set(r.ok ? ((await r.json()) as string[]) : []));
  if (!key || !(await shardKeys).has(key)) return null;
  let shard = shards.get(key);
  if (!shard) {
    shard = fetch(new URL(`search/numbers/${key}.json`, root)).then((r) => (r.ok ? r.json() : {}));
    shards.set(key, shard);
  }
  return (await shard)[docNumber] ?? null;
}

/** Loads the next `count` results of `pending` (null when a newer search started meanwhile). */
async function takeResults(count: number, seq: number): Promise<PagefindResultData[] | null> {
  const batch = pending.splice(0, count);
  const data = await Promise.all(batch.map((r) => r.data()));
  return seq === sequence ? data : null;
}

/** Runs the search the state describes and renders it; stale runs give way to newer ones. */
async function run(): Promise<void> {
  const seq = ++sequence;
  const current = state;
  busy(true);
  const hasFilters = Object.keys(current.filters).length > 0;
  const pf = await pagefindReady;
  const q = (await toSimplified(current.q)).trim();
  const nq = normaliseQuery(q);
  const filters: NonNullable<PagefindSearchOptions["filters"]> = {};
  for (const [name, values] of Object.entries(current.filters)) filters[name] = { any: values };
  let sortOrder: SortOrder = current.sort;
  let term: string | null = nq.text || null;
  let seriesLabel = "";
  let issuerLabel = "";
  if (nq.seriesCandidates.length > 0) {
    const series = (await totalFilters)[SERIES_FILTER] ?? {};
    const key = nq.seriesCandidates.find((c) => c in series);
    if (key) {
      filters[SERIES_FILTER] = key;
      term = null;
      seriesLabel = key;
      if (sortOrder === "relevance") sortOrder = "newest";
    }
  }
  if (!seriesLabel && term && !nq.docNumber && !current.filters["发文机关"]) {
    const issuers = (await totalFilters)["发文机关"] ?? {};
    if (nq.text in issuers) {
      filters["发文机关"] = { any: [nq.text] };
      term = null;
      issuerLabel = nq.text;
      if (sortOrder === "relevance") sortOrder = "newest";
    }
  }
  const sort = pagefindSort(sortOrder);
  if (!term && !hasFilters && !seriesLabel && !issuerLabel) {
    if (seq !== sequence) return;
    renderFacets(facetsBox, await totalFilters, current.filters);
    statusBox?.replaceChildren();
    directBox?.replaceChildren();
    resultsList?.replaceChildren();
    emptyBox?.replaceChildren();
    if (moreButton) moreButton.hidden = true;
    busy(false, current.q);
    return;
  }
  const options = { filters, ...(sort ? { sort } : {}) };
  words = term ? queryWords(q) : [];
  await filtersLoaded;
  const [found, hit] = await Promise.all([
    term ? findDocuments(pf, words, options) : pf.search(null, options),
    nq.docNumber ? directHit(nq.docNumber) : Promise.resolve(null),
  ]);
  if (seq !== sequence) return;
  const directUrl = hit ? new URL(`.${hit.url}`, root).pathname : "";
  const all = found?.results ?? [];
  const withoutHit = hit ? await dropDirectHit(all, directUrl) : all;
  if (seq !== sequence) return;
  pending = withoutHit.slice();
  const loaded = await takeResults(PAGE_SIZE, seq);
  if (!loaded) return;
  // Everything is ready: replace the old view in one go (no flicker).
  renderFacets(facetsBox, found?.filters ?? {}, current.filters);
  directBox?.replaceChildren(
    ...(hit && nq.docNumber
      ? [el("section", { class: "direct-hit", "aria-label": "文号直达" }, el("p", { class: "direct-hit__label" }, `文号直达：${nq.docNumber}`), el("a", { href: directUrl, class: "direct-hit__link" }, hit.title))]
      : []),
  );
  resultsList?.replaceChildren(...loaded.map((d) => resultItem(d, words)));
  const count = withoutHit.length + (hit ? 1 : 0);
  const what = seriesLabel ? `文号系列“${seriesLabel}”` : issuerLabel ? `发文机关“${issuerLabel}”` : current.q ? `“${current.q}”` : "筛选条件";
  statusBox?.replaceChildren(count > 0 ? `${what}：共 ${count} 个文件` : "");
  emptyBox?.replaceChildren(...(count === 0 ? [renderEmpty(current.q, hasFilters, new URL("./", root).pathname)] : []));
  if (moreButton) moreButton.hidden = pending.length === 0;
  busy(false, current.q);
}

/**
 * The results without the document the direct hit already shows. Only the first results are
 * looked at (a document number's own document ranks first among the few that contain it).
 */
async function dropDirectHit(results: PagefindResult[], directUrl: string): Promise<PagefindResult[]> {
  const head = results.slice(0, PAGE_SIZE);
  const urls = await Promise.all(head.map(async (r) => (await r.data()).url.split("?")[0]));
  const i = urls.indexOf(directUrl);
  return i < 0 ? results : results.filter((_, k) => k !== i);
}

async function more(): Promise<void> {
  const seq = sequence;
  const next = await takeResults(PAGE_SIZE, seq);
  if (!next || !resultsList) return;
  resultsList.append(...next.map((d) => resultItem(d, words)));
  if (moreButton) moreButton.hidden = pending.length === 0;
}

function commit(push: boolean): void {
  const url = `${window.location.pathname}${writeState(state)}`;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
  void run().catch(report);
}

function report(err: unknown): void {
  statusBox?.replaceChildren(`检索出错：${err instanceof Error ? err.message : String(err)}`);
  throw err;
}

function readFilters(): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const box of facetsBox?.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked") ?? []) (filters[box.name] ??= []).push(box.value);
  return filters;
}

if (app && input && form) {
  app.hidden = false;
  input.value = state.q;
  if (sortSelect) sortSelect.value = state.sort;
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state = { ...state, q: input.value };
      commit(false);
    }, 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    state = { ...state, q: input.value };
    commit(true);
  });
  sortSelect?.addEventListener("change", () => {
    state = { ...state, sort: readState(`?sort=${sortSelect.value}`).sort };
    commit(true);
  });
  facetsBox?.addEventListener("change", () => {
    state = { ...state, filters: readFilters() };
    commit(true);
  });
  moreButton?.addEventListener("click", () => void more().catch(report));
  window.addEventListener("popstate", () => {
    state = readState(window.location.search);
    input.value = state.q;
    if (sortSelect) sortSelect.value = state.sort;
    void run().catch(report);
  });
  void run().catch(report);
}
