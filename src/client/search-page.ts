// The search page (/search/): Pagefind's JS API with our own interface in Chinese. Every value
// from the index is put into the page as text (textContent), never as HTML. The query goes
// through the same normaliser as the build (src/search/normalise-query.ts).
import { normaliseQuery, numberShard, queryWords } from "../search/normalise-query.ts";
import { containsQueryWords } from "../search/query-match.ts";
import { countFacets, indexFacets, pageNumberOf, type FacetIndex, type SearchFacets } from "../search/facets.ts";
import { loadPagefind, siteRoot, type FilterCounts, type PagefindApi, type PagefindResponse, type PagefindResult, type PagefindResultData, type PagefindSearchOptions } from "./pagefind-api.ts";
import { countFilters, rankWholeWordsFirst, resultText } from "./rank-results.ts";
import { el, renderEmpty, renderFacets, resultItem } from "./render.ts";
import { SERIES_FILTER, pagefindSort, readState, writeState, type SearchState, type SortOrder } from "./search-state.ts";

const PAGE_SIZE = 10;
/** Pages of results checked for the query's words per page shown. */
const MAX_CHECKED = 3;
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
let dropped = 0;
let numberQuery = false;
/** True when the results are a listing (series, issuer, filters only): no words to highlight. */
let listing = false;
const pagefindReady: Promise<PagefindApi> = loadPagefind(root);
/**
 * Filter values and their pages from `pagefind/facets.json` (counted here in linear time, see
 * src/search/facets.ts); without that file, Pagefind's own counts.
 */
const facetsReady: Promise<FacetIndex | null> = fetch(new URL("pagefind/facets.json", root))
  .then(async (r) => (r.ok ? indexFacets((await r.json()) as SearchFacets) : null))
  .catch(() => null);
let totalFilters: Promise<FilterCounts> = facetsReady.then(async (f) => f?.totals ?? (await pagefindReady).filters());

/** Filter counts among a search's results. */
async function resultCounts(response: PagefindResponse): Promise<FilterCounts> {
  const facets = await facetsReady;
  return facets ? countFacets(facets, response.results.map((r) => pageNumberOf(r.id))) : response.filters;
}
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

/** The terms Pagefind searched for (the `highlight` parameters it put on the result URL). */
function pagefindTerms(url: string): string[] {
  return new URL(url, root).searchParams.getAll("highlight");
}

/** Document-number queries must find the number itself, not documents sharing its parts. */
function containsAWord(data: PagefindResultData, queryWordList: string[]): boolean {
  return containsQueryWords(resultText(data), queryWordList, numberQuery ? [] : pagefindTerms(data.url));
}

/** Loads results from `pending` until `count` pass the word check (or none are left). */
async function takeResults(count: number, seq: number): Promise<PagefindResultData[] | null> {
  const kept: PagefindResultData[] = [];
  let checked = 0;
  // At most 3 pages' worth of fragments per call (1 for a document number, whose segments 乳, 政,
  // 发, 2019 … match much of the archive), so a query cannot make the page download it all.
  const limit = (numberQuery ? 1 : MAX_CHECKED) * count;
  while (kept.length < count && pending.length > 0 && checked < limit) {
    const batch = pending.splice(0, count - kept.length);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (seq !== sequence) return null;
    checked += data.length;
    const passing = data.filter((d) => containsAWord(d, words));
    dropped += data.length - passing.length;
    kept.push(...passing);
  }
  return kept;
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
  const [response, hit] = await Promise.all([pf.search(term, options), nq.docNumber ? directHit(nq.docNumber) : Promise.resolve(null)]);
  if (seq !== sequence || !response) return;
  words = term ? queryWords(q) : [];
  pending = response.results.slice();
  dropped = 0;
  numberQuery = nq.docNumber !== null;
  const loaded = await takeResults(PAGE_SIZE, seq);
  if (!loaded) return;
  const counts = numberQuery ? countFilters(loaded) : await resultCounts(response);
  if (seq !== sequence) return;
  const shown = rankWholeWordsFirst(loaded, words);
  const directUrl = hit ? new URL(`.${hit.url}`, root).pathname : "";
  const kept = shown.filter((d) => d.url.split("?")[0] !== directUrl);
  // Everything is ready: replace the old view in one go (no flicker).
  renderFacets(facetsBox, counts, current.filters);
  directBox?.replaceChildren(
    ...(hit && nq.docNumber
      ? [el("section", { class: "direct-hit", "aria-label": "文号直达" }, el("p", { class: "direct-hit__label" }, `文号直达：${nq.docNumber}`), el("a", { href: directUrl, class: "direct-hit__link" }, hit.title))]
      : []),
  );
  listing = !term;
  if (listing) for (const d of kept) d.url = d.url.split("?")[0] ?? d.url;
  resultsList?.replaceChildren(...kept.map(resultItem));
  const exact = pending.length === 0;
  const count = response.results.length - dropped + (hit && kept.length === shown.length ? 1 : 0);
  const what = seriesLabel ? `文号系列“${seriesLabel}”` : issuerLabel ? `发文机关“${issuerLabel}”` : current.q ? `“${current.q}”` : "筛选条件";
  statusBox?.replaceChildren(count > 0 ? `${what}：${exact ? "共" : "约"} ${count} 个文件` : "");
  emptyBox?.replaceChildren(...(count === 0 ? [renderEmpty(current.q, hasFilters, new URL("./", root).pathname)] : []));
  if (moreButton) moreButton.hidden = pending.length === 0;
  busy(false, current.q);
}

async function more(): Promise<void> {
  const seq = sequence;
  const next = await takeResults(PAGE_SIZE, seq);
  if (!next || !resultsList) return;
  if (listing) for (const d of next) d.url = d.url.split("?")[0] ?? d.url;
  resultsList.append(...next.map(resultItem));
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
