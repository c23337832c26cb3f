import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { findCitations } from "./find-citations.ts";

/** A document number found while rendering one body, with the page it links to (null: not in the archive). */
export interface FoundCitation {
  docNumber: string;
  url: string | null;
}

/**
 * What `md.render(body, env)` needs in `env.citations` to link cited document numbers:
 * `resolve` gives the site URL of a listed document by canonical number (or null), `self` are the
 * rendered document's own numbers (never linked nor counted), `knownPrefixes` the archive's
 * 机关代字 (see `findCitations`); `found` collects every citation in text order.
 */
export interface CitationEnv {
  resolve: (docNumber: string) => string | null;
  self: readonly string[];
  knownPrefixes: readonly string[];
  found: FoundCitation[];
}

/**
 * markdown-it plugin: a core rule that runs over the inline tokens after parsing and splits
 * every text token holding a cited document number into text, `link_open`/`link_close` (class
 * `citation`) and text, when the number belongs to a document of the archive. Numbers outside
 * the archive stay text. Works on tokens, never on HTML strings, so markdown-it's renderer
 * escapes every piece; text inside an existing link or code span is left alone. Does nothing
 * when `env.citations` is absent.
 */
export function citationLinks(md: MarkdownIt): void {
  md.core.ruler.push("gazette_citations", (state) => {
    const env = (state.env as { citations?: CitationEnv }).citations;
    if (!env) return;
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const children: typeof block.children = [];
      let linkDepth = 0;
      for (const token of block.children) {
        if (token.type === "link_open") linkDepth++;
        if (token.type === "link_close") linkDepth--;
        if (token.type !== "text" || linkDepth > 0) {
          children.push(token);
          continue;
        }
        let last = 0;
        const text = token.content;
        for (const match of findCitations(text, env.knownPrefixes)) {
          if (env.self.includes(match.docNumber)) continue;
          const url = env.resolve(match.docNumber);
          env.found.push({ docNumber: match.docNumber, url });
          if (url === null) continue;
          if (match.start > last) children.push(textToken(state, text.slice(last, match.start)));
          const open = new state.Token("link_open", "a", 1);
          open.attrs = [["href", url], ["class", "citation"]];
          children.push(open, textToken(state, match.text), new state.Token("link_close", "a", -1));
          last = match.end;
        }
        if (last === 0) children.push(token);
        else if (last < text.length) children.push(textToken(state, text.slice(last)));
      }
      block.children = children;
    }
  });
}

function textToken(state: StateCore, content: string): Token {
  const t = new state.Token("text", "", 0);
  t.content = content;
  return t;
}
