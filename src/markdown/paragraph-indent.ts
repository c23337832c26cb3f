import type { MarkdownIt, Token } from "markdown-it";

/**
 * Indentation typed at the start of a line: ideographic spaces (U+3000, 全角空格), no-break
 * spaces (U+00A0), ASCII spaces and tabs. Text pasted from Word or a PDF starts each paragraph
 * with two ideographic spaces.
 */
export const LEADING_INDENT = /^[\u3000\u00A0 \t]+/u;

/**
 * Drops the indentation typed at the start of a body paragraph (`LEADING_INDENT`): the layouts
 * indent every paragraph by two characters themselves (GB/T 9704-2012 §7.3.3: 每个自然段左空二字，
 * 回行顶格), so a typed `　　` would show a double indent. It is
 * layout, not text of the document: no other character is changed, and whitespace inside a line
 * is kept. Runs on markdown-it's parse (a core rule after `inline`), so the pages, the print views
 * and the search records (`plainText`) all get the same text.
 * @example md.render("　　现将有关事项通知如下。") // "<p>现将有关事项通知如下。</p>\n"
 */
export function paragraphIndent(md: MarkdownIt): void {
  md.core.ruler.after("inline", "gazette_paragraph_indent", (state) => {
    const tokens = state.tokens;
    for (let i = 1; i < tokens.length; i++) {
      if (tokens[i]!.type === "inline" && tokens[i - 1]!.type === "paragraph_open") stripLineIndent(tokens[i]!, 0);
    }
  });
}

/**
 * Strips `LEADING_INDENT` from the text child at `index` of an inline token (the start of the
 * paragraph, or of a line after a break), and from the token's `content` when it is the start.
 */
export function stripLineIndent(inline: Token, index: number): void {
  const child = inline.children?.[index];
  if (child?.type === "text") child.content = child.content.replace(LEADING_INDENT, "");
  if (index === 0) inline.content = inline.content.replace(LEADING_INDENT, "");
}
