export { buildSearchIndex, type IndexReport } from "./build-index.ts";
