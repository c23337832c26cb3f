import type { MarkdownIt, Token } from "markdown-it";

/**
 * Indentation typed at the start of a line: ideographic spaces (U+3000, 全角空格), no-break
 * spaces (U+00A0), ASCII spaces and tabs. Text pasted from Word or a PDF starts each paragraph
 * with two ideographic spaces.
 */
export const LEADING_INDENT = /^[\u3000\u00A0 \t]+/u;

/**
 * Starts a new paragraph at each line typed with a paragraph indent, as pasted from Word (see
 * `splitAtIndentedLines`), and drops the indentation typed at the start of a body paragraph (`LEADING_INDENT`): the layouts
 * indent every paragraph by two characters themselves (GB/T 9704-2012 §7.3.3: 每个自然段左空二字，
 * 回行顶格), so a typed `　　` would show a double indent. It is
 * layout, not text of the document: no other character is changed, and whitespace inside a line
 * is kept. Runs on markdown-it's parse (a core rule after `inline`), so the pages, the print views
 * and the search records (`plainText`) all get the same text.
 * @example md.render("　　现将有关事项通知如下。") // "<p>现将有关事项通知如下。</p>\n"
 * @example md.render("　　第一段。\n　　第二段。") // "<p>第一段。</p>\n<p>第二段。</p>\n"
 */
export function paragraphIndent(md: MarkdownIt): void {
  md.core.ruler.after("inline", "gazette_paragraph_indent", (state) => {
    const tokens = state.tokens;
    for (let i = 1; i < tokens.length; i++) {
      if (tokens[i]!.type !== "inline" || tokens[i - 1]!.type !== "paragraph_open") continue;
      const parts = splitAtIndentedLines(tokens[i - 1]!, tokens[i]!, tokens[i + 1]!, state.Token);
      if (parts.length > 3) tokens.splice(i - 1, 3, ...parts);
      for (let j = i; j < i + parts.length - 1; j += 3) stripLineIndent(tokens[j]!, 0);
      i += parts.length - 3;
    }
  });
}

/**
 * A source line of a paragraph typed with a paragraph indent: an ideographic space (U+3000), a
 * no-break space, a tab or two ASCII spaces, as Word and PDF copies indent each paragraph.
 */
const INDENTED_LINE = /^(?:[\u3000\u00A0\t]| {2})/u;

/**
 * Splits a visible paragraph where one of its lines starts with a paragraph indent (`INDENTED_LINE`):
 * text pasted from Word puts each paragraph on one line, indented with `　　` (or no-break spaces,
 * a tab, spaces), without the blank line Markdown needs between paragraphs, and those paragraphs
 * would otherwise run together. Only soft line
 * breaks split (a hard break, e.g. of a 附件说明, is kept); tight list items (hidden paragraphs)
 * are left alone.
 * @returns the paragraph's tokens (open, inline, close), one triple per paragraph, with the source
 *   lines (`map`) of each.
 */
function splitAtIndentedLines(open: Token, inline: Token, close: Token, TokenClass: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token): Token[] {
  const children = inline.children ?? [];
  // The paragraph's source lines (markdown-it keeps each line's indent there, while the text
  // tokens lose leading ASCII spaces and tabs); the n-th line break ends line n.
  const lines = inline.content.split("\n");
  if (open.hidden || !lines.slice(1).some((l) => INDENTED_LINE.test(l))) return [open, inline, close];
  const first = open.map?.[0] ?? 0;
  const out: Token[] = [];
  let start = 0;
  let line = 0;
  let startLine = 0;
  const flush = (end: number) => {
    // The first paragraph keeps the original opening token and its attributes (e.g. the 附件说明 class).
    const o = Object.assign(out.length === 0 ? open : new TokenClass("paragraph_open", "p", 1), { map: [first + startLine, first + line + 1], block: true, level: open.level });
    const body = Object.assign(new TokenClass("inline", "", 0), { map: o.map, content: lines.slice(startLine, line + 1).join("\n"), children: children.slice(start, end), level: inline.level });
    out.push(o, body, Object.assign(new TokenClass("paragraph_close", "p", -1), { block: true, level: close.level }));
  };
  children.forEach((c, k) => {
    if (c.type !== "softbreak" && c.type !== "hardbreak") return;
    if (c.type === "softbreak" && INDENTED_LINE.test(lines[line + 1] ?? "")) {
      flush(k);
      start = k + 1;
      startLine = line + 1;
    }
    line += 1;
  });
  flush(children.length);
  return out;
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
