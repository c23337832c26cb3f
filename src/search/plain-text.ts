import type { MarkdownIt } from "markdown-it";

/** Block tokens after which the text has a line break. */
const BLOCK_END = /_close$|^(fence|code_block|hr)$/u;

/**
 * The plain text of a Markdown body as readers see it on the document page, for the search
 * index: the text of every inline token (markdown-it's own parse, with the project's rules, so a
 * line break between Chinese characters joins them as on the page), code as written, a line
 * break after each block. Raw HTML is left out (the renderer escapes it; editors write Markdown).
 * Linear in the length of the body.
 * @param md the renderer from `createMarkdown()`.
 */
export function plainText(md: MarkdownIt, body: string): string {
  const parts: string[] = [];
  for (const token of md.parse(body, {})) {
    if (token.type === "inline") {
      for (const child of token.children ?? []) {
        if (child.type === "text" || child.type === "code_inline") parts.push(child.content);
        else if (child.type === "softbreak" || child.type === "hardbreak") parts.push("\n");
        else if (child.type === "image") parts.push(child.content);
      }
    } else if (token.type === "fence" || token.type === "code_block") parts.push(token.content);
    if (BLOCK_END.test(token.type) && parts.at(-1) !== "\n") parts.push("\n");
  }
  return parts.join("").trim();
}
