/**
 * The level of a structural heading in an official document, by its ordinal, per GB/T 9704-2012
 * §7.3.3: 文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注；一般第一层用黑体字、第二层用
 * 楷体字、第三层和第四层用仿宋体字标注. `chapter` is a 第X章/节 heading of rules (centred);
 * `subtitle` any other heading, e.g. the title of rules issued with a notice (centred, title face).
 */
export type HeadingLevel = "l1" | "l2" | "l3" | "l4" | "chapter" | "subtitle";

const CN = "[一二三四五六七八九十百零〇]+";
const RULES: [RegExp, HeadingLevel][] = [
  [new RegExp(`^${CN}、`), "l1"],
  [new RegExp(`^[（(]${CN}[）)]`), "l2"],
  [/^\d+[.．]/, "l3"],
  [/^[（(]\d+[）)]/, "l4"],
  [new RegExp(`^第${CN}[编章节]`), "chapter"],
];

/**
 * Classifies a heading by its leading ordinal (whitespace trimmed).
 * @example headingLevel("一、工作目标") // "l1"
 * @example headingLevel("（二）强化责任落实") // "l2"
 * @example headingLevel("第一章 总则") // "chapter"
 */
export function headingLevel(text: string): HeadingLevel {
  const t = text.trim();
  return RULES.find(([re]) => re.test(t))?.[1] ?? "subtitle";
}

/**
 * Marks up rendered document HTML for the GB/T 9704-2012 print layout, without changing any
 * text: every `<h2>`–`<h6>` gets the class `gbt-<level>` from {@link headingLevel}, and a
 * paragraph that opens with a `一、` or `（一）` heading run ending in `。` (at most 60
 * characters, no markup inside) gets that run wrapped in `<span class="gbt-l1|gbt-l2">`, so the
 * run is set in Hei or Kai as §7.3.3 asks.
 * @param html body HTML from `createMarkdown().render()`.
 */
export function markHeadingLevels(html: string): string {
  const headings = html.replace(/<h([2-6])([^>]*)>([\s\S]*?)<\/h\1>/g, (_m, n: string, attrs: string, inner: string) => {
    const level = headingLevel(inner.replace(/<[^>]*>/g, ""));
    const withClass = /\sclass="/.test(attrs) ? attrs.replace(/\sclass="/, ` class="gbt-${level} `) : `${attrs} class="gbt-${level}"`;
    return `<h${n}${withClass}>${inner}</h${n}>`;
  });
  return headings.replace(new RegExp(`<p>((?:${CN}、|（${CN}）)[^<。]{0,58}。)`, "g"), (_m, run: string) => {
    const level = headingLevel(run);
    return `<p><span class="gbt-${level}">${run}</span>`;
  });
}
