import type { MarkdownIt } from "markdown-it";

/**
 * Drops the empty text tokens markdown-it 14 leaves beside emphasis (`**重点**` gives `""`,
 * `strong_open`, `"重点"`, `strong_close`, `""`). They render nothing, but markdown-it-cjk-breaks
 * 2.0.0 reads the last character of the text before a line break and throws ("Expected a code
 * point") when that text is empty, so a bold phrase at the end of a line stopped the build.
 * A core rule placed right before `cjk_breaks`; use it after `markdown-it-cjk-breaks`.
 * @example md.render("**重点**\n续行") // "<p><strong>重点</strong>续行</p>\n"
 */
export function dropEmptyText(md: MarkdownIt): void {
  md.core.ruler.before("cjk_breaks", "gazette_drop_empty_text", (state) => {
    for (const token of state.tokens) {
      if (token.type === "inline" && token.children) token.children = token.children.filter((c) => c.type !== "text" || c.content !== "");
    }
  });
}
