/**
 * The state of the search page, kept in its URL so that a search can be shared and the back
 * button works: `?q=…&sort=newest&发文机关=…&年份=2019` (a filter may repeat; values may contain
 * commas and colons, URLSearchParams escapes them).
 */

/** Filters shown on the search page, in order, with their Chinese labels (the filter names). */
export const FACETS = ["年份", "期次", "发文机关", "栏目", "文种", "有效性"] as const;
/** Hidden filter holding each document's series keys (`乳政办发`, `乳政办发〔2019〕`). */
export const SERIES_FILTER = "文号系列";

export type SortOrder = "relevance" | "newest" | "oldest";

export interface SearchState {
  q: string;
  sort: SortOrder;
  /** Selected values per filter; a document matches any value of a filter, and every filter. */
  filters: Record<string, string[]>;
}

/** Reads the state from a query string. Unknown parameters are ignored. */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const sortParam = params.get("sort");
  const sort: SortOrder = sortParam === "newest" || sortParam === "oldest" ? sortParam : "relevance";
  const filters: Record<string, string[]> = {};
  for (const name of FACETS) {
    const values = params.getAll(name).filter((v) => v !== "");
    if (values.length > 0) filters[name] = values;
  }
  return { q: params.get("q") ?? "", sort, filters };
}

/** Writes the state as a query string (`?q=…`), or "" when empty. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  for (const name of FACETS) for (const v of state.filters[name] ?? []) params.append(name, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Pagefind's sort option for an order: our two sort keys keep undated documents last both ways. */
export function pagefindSort(sort: SortOrder): Record<string, "asc" | "desc"> | undefined {
  if (sort === "newest") return { newest: "desc" };
  if (sort === "oldest") return { oldest: "asc" };
  return undefined;
}
