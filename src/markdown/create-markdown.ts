import MarkdownItFactory, { type MarkdownIt, type PluginWithParams } from "markdown-it";
import anchor from "markdown-it-anchor";
import cjkBreaks from "markdown-it-cjk-breaks";
import cjkFriendly from "markdown-it-cjk-friendly";
import containerPlugin from "markdown-it-container";
import { citationLinks } from "../relations/citation-links.ts";
import { detachString } from "../util/index.ts";
import { attachmentLines } from "./attachment-lines.ts";
import { dropEmptyText } from "./empty-text.ts";
import { paragraphIndent } from "./paragraph-indent.ts";
import { headingId } from "./heading-id.ts";

// @types/markdown-it-container types the plugin against markdown-it's CommonJS typings; the same
// function, seen through the ES module typings this file uses.
const container = containerPlugin as unknown as PluginWithParams;

/**
 * The parts of an official document that the body marks with `::: name` blocks, and the class
 * each gets in HTML. They let the screen and print layouts place them as GB/T 9704-2012 §7.2–7.3
 * places them (addressee flush left, signature and date to the right, note indented).
 */
export const DOCUMENT_BLOCKS = {
  addressee: "doc-addressee", // 主送机关 §7.3.2
  signature: "doc-signature", // 发文机关署名、成文日期 §7.3.5
  note: "doc-note", // 附注 §7.3.6
  attachment: "doc-attachment", // 附件 §7.3.7
} as const;

/** A heading found while rendering, for the outline of a document page. */
export interface OutlineEntry {
  level: number;
  id: string;
  text: string;
}

/**
 * Creates the Markdown renderer for document bodies: CommonMark + tables, raw HTML escaped
 * (editors write Markdown only), emphasis that works next to Chinese punctuation
 * (markdown-it-cjk-friendly), no space added at a line break between Chinese characters
 * (markdown-it-cjk-breaks), heading ids that keep Chinese characters (markdown-it-anchor),
 * the `::: addressee|signature|note|attachment` blocks of {@link DOCUMENT_BLOCKS}, no indentation
 * typed at the start of a paragraph (`paragraphIndent`: the layouts indent), and each numbered
 * attachment name of a 附件说明 on its own line (`attachmentLines`).
 * Pass `env.outline = []` to `render` to collect the headings, and `env.citations` (see
 * `CitationEnv`) to link cited document numbers of the archive (`citationLinks`).
 */
export function createMarkdown(): MarkdownIt {
  const md = new MarkdownItFactory({ html: false, linkify: false, typographer: false });
  // No indented code blocks: a paragraph indented with spaces (OCR, pdftotext, a typist's habit)
  // is text of the document, never a grey code box. Fenced blocks are still available.
  md.disable("code");
  md.use(cjkFriendly);
  md.use(cjkBreaks);
  md.use(dropEmptyText);
  md.use(paragraphIndent);
  md.use(attachmentLines);
  md.use(anchor, {
    level: [2, 3, 4],
    slugify: headingId,
    tabIndex: false,
    callback(token, info) {
      // markdown-it-anchor passes no env; the outline is collected by the core rule below.
      token.attrSet("data-outline", info.title);
    },
  });
  for (const [name, className] of Object.entries(DOCUMENT_BLOCKS)) {
    md.use(container, name, {
      render(tokens: { nesting: number }[], idx: number) {
        const tag = name === "attachment" ? "section" : "div";
        return tokens[idx]!.nesting === 1 ? `<${tag} class="${className}">\n` : `</${tag}>\n`;
      },
    });
  }
  md.core.ruler.push("gazette_outline", (state) => {
    const outline = (state.env as { outline?: OutlineEntry[] }).outline;
    for (const token of state.tokens) {
      if (token.type !== "heading_open") continue;
      const title = token.attrGet("data-outline");
      const id = token.attrGet("id");
      if (title === null || id === null) continue;
      token.attrs = (token.attrs ?? []).filter(([k]) => k !== "data-outline");
      // Copies: the outline outlives the render, and a slice of the source would keep the whole body.
      outline?.push({ level: Number(token.tag.slice(1)), id: detachString(String(id)), text: detachString(String(title)) });
    }
  });
  md.use(citationLinks);
  const defaultTableOpen = md.renderer.rules.table_open ?? ((t, i, o, _e, self) => self.renderToken(t, i, o));
  const defaultTableClose = md.renderer.rules.table_close ?? ((t, i, o, _e, self) => self.renderToken(t, i, o));
  md.renderer.rules.table_open = (t, i, o, e, self) => `<div class="table-wrap">` + defaultTableOpen(t, i, o, e, self);
  md.renderer.rules.table_close = (t, i, o, e, self) => defaultTableClose(t, i, o, e, self) + `</div>`;
  return md;
}
