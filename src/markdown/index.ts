export { createMarkdown, DOCUMENT_BLOCKS, isStandardMarkdown, type OutlineEntry } from "./create-markdown.ts";
export { headingId } from "./heading-id.ts";
export { PARALLEL_MIN_BODIES, renderBodies, renderBody, type BodyJob, type CitationContext, type RenderBodiesOptions, type RenderedBody } from "./render-bodies.ts";
