import type { MarkdownIt } from "markdown-it";
import type { CitationEnv, FoundCitation } from "../relations/index.ts";
import { detachString } from "../util/index.ts";
import type { OutlineEntry } from "./create-markdown.ts";

/** One document body to render: its Markdown and the document's own numbers (never linked nor counted as citations). */
export interface BodyJob {
  body: string;
  self: readonly string[];
}

/** What the citation links of every body are resolved with (see `CitationEnv`). */
export interface CitationContext {
  /** Canonical document number → site URL of the listed document that has it. */
  listed: ReadonlyMap<string, string>;
  /** 机关代字 of the archive's document numbers (see `findCitations`). */
  knownPrefixes: readonly string[];
}

/** A rendered body: its HTML, its headings and the document numbers it cites, in text order. */
export interface RenderedBody {
  html: string;
  outline: OutlineEntry[];
  citations: FoundCitation[];
}

/**
 * Renders one body as a document page shows it: `md.render` with `env.outline` and
 * `env.citations`, the HTML and headings copied flat (a string built from slices of the source
 * would keep the whole source in memory; see `detachString`).
 */
export function renderBody(md: MarkdownIt, job: BodyJob, context: CitationContext): RenderedBody {
  const citations: CitationEnv = { resolve: (n) => context.listed.get(n) ?? null, self: job.self, knownPrefixes: context.knownPrefixes, found: [] };
  const env = { outline: [] as OutlineEntry[], citations };
  const html = md.render(job.body, env);
  return { html: detachString(html), outline: env.outline, citations: citations.found };
}
