export { createMarkdown, DOCUMENT_BLOCKS, type OutlineEntry } from "./create-markdown.ts";
export { headingId } from "./heading-id.ts";
