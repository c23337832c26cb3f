export { createMarkdown, DOCUMENT_BLOCKS, type OutlineEntry } from "./create-markdown.ts";
export { headingId } from "./heading-id.ts";
export { renderBody, type BodyJob, type CitationContext, type RenderedBody } from "./render-bodies.ts";
