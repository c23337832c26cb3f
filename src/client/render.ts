// DOM pieces of the search page. Values from the index become text nodes and attributes, never HTML.
import type { FilterCounts, PagefindResultData } from "./pagefind-api.ts";
import { FACETS } from "./search-state.ts";
import { bodyText, excerptParts } from "./excerpt.ts";

/** A DOM element with text content and attributes (no HTML parsing anywhere). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/**
 * The link of a result: the document page with the query's words as `highlight` parameters (the
 * document page marks them, see highlight.ts), instead of Pagefind's, which are our index tokens.
 */
export function resultUrl(url: string, words: readonly string[]): string {
  const base = url.split("?")[0] ?? url;
  const params = new URLSearchParams(words.map((w) => ["highlight", w]));
  return words.length > 0 ? `${base}?${params}` : base;
}

/**
 * One result: title (link), a validity badge for a document not in force (已失效, 已废止,
 * 已修改), 发文字号, 发文机关, 成文日期, 所属期次, and an excerpt of the body around the first match
 * with the query's words marked (`excerptParts`; never the title or number again).
 * @param words the query's words ([] for a listing: the excerpt is the beginning of the text).
 */
export function resultItem(data: PagefindResultData, words: readonly string[] = []): HTMLLIElement {
  const meta = el("p", { class: "result__meta" });
  const fields: [string, string | undefined][] = [["发文字号", data.meta.docNumber], ["发文机关", data.meta.issuer], ["成文日期", data.meta.date], ["所属期次", data.meta.issue]];
  for (const [label, value] of fields) if (value && value !== "无") meta.append(el("span", { class: "result__field" }, el("span", { class: "visually-hidden" }, `${label}：`), value));
  const title = el("h3", { class: "result__title" }, el("a", { href: resultUrl(data.url, words) }, data.meta.title ?? data.url));
  if (data.meta.validity) title.append(" ", el("span", { class: "result__validity" }, data.meta.validity));
  const text = bodyText(data.content, Number(data.meta.bodyAt ?? 0));
  const excerpt = el("p", { class: "result__excerpt" }, ...excerptParts(text, words).map((p) => (p.mark ? el("mark", {}, p.text) : p.text)));
  return el("li", { class: "result" }, title, meta, ...(text ? [excerpt] : []));
}

/**
 * Renders the filters (FACETS) with their counts as checkboxes in `box`, selected values first
 * kept even at count 0; keeps keyboard focus on the same checkbox across renders.
 */
export function renderFacets(box: HTMLElement | null, counts: FilterCounts, selected: Record<string, string[]>): void {
  if (!box) return;
  const focused = (document.activeElement as HTMLElement | null)?.dataset.facet;
  const boxes: HTMLElement[] = [];
  for (const name of FACETS) {
    const values = { ...(counts[name] ?? {}) };
    for (const v of selected[name] ?? []) values[v] ??= 0;
    const entries = Object.entries(values).filter(([v, n]) => n > 0 || (selected[name] ?? []).includes(v));
    if (entries.length === 0) continue;
    entries.sort(([a, na], [b, nb]) => (name === "年份" || name === "期次" ? b.localeCompare(a, "zh-CN", { numeric: true }) : nb - na || a.localeCompare(b, "zh-CN")));
    const list = el("ul", { class: "facet__values" });
    for (const [value, n] of entries) {
      const id = `${name}\u0000${value}`;
      const box = el("input", { type: "checkbox", name, value, "data-facet": id });
      box.checked = (selected[name] ?? []).includes(value);
      list.append(el("li", {}, el("label", {}, box, ` ${value}`, el("span", { class: "facet__count" }, `（${n}）`))));
    }
    boxes.push(el("fieldset", { class: "facet" }, el("legend", {}, name), list));
  }
  box.replaceChildren(...boxes);
  if (focused) for (const b of box.querySelectorAll<HTMLInputElement>("input[data-facet]")) if (b.dataset.facet === focused) b.focus();
}

/** The no-result message with suggestions; `home` is the archive index URL. */
export function renderEmpty(q: string, hasFilters: boolean, home: string): HTMLElement {
  const tips = el("ul", {}, el("li", {}, "检查用字是否正确，或换用较短、较常用的词语；"), el("li", {}, "发文字号可以写作“乳政发〔2019〕2号”“乳政发[2019]2号”或“乳政发2019年2号”；"), el("li", {}, "多个词语之间用空格分开时，结果须包含全部词语，可以减少词语再试；"));
  if (hasFilters) tips.append(el("li", {}, "取消部分筛选条件；"));
  tips.append(el("li", {}, "也可以", el("a", { href: home }, "浏览往期公报目录"), "。"));
  return el("div", { class: "search-empty" }, el("p", {}, q ? `没有找到与“${q}”相关的文件。` : "没有符合筛选条件的文件。"), el("p", {}, "建议："), tips);
}
