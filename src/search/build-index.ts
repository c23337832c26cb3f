import path from "node:path";
import * as pagefind from "pagefind";

/** What one Pagefind run indexed. */
export interface IndexReport {
  /** Pages indexed. */
  pages: number;
  /** Folder the index was written to. */
  outputPath: string;
}

/**
 * Builds the Pagefind search index of a built site through Pagefind's Node API and writes it to
 * `<siteDir>/pagefind/`. Only pages with `data-pagefind-body` (document pages) are indexed; the
 * language is taken from `<html lang="zh-CN">`, which turns on Pagefind's Chinese segmentation.
 * @throws Error listing Pagefind's own messages when any step reports an error, so a failed index
 *   fails the build instead of shipping a site whose search is broken.
 */
export async function buildSearchIndex(siteDir: string): Promise<IndexReport> {
  const fail = (step: string, errors: string[]): never => {
    throw new Error(`Pagefind failed to ${step}: ${errors.join("; ")}`);
  };
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false, verbose: false });
    if (errors.length > 0 || !index) fail("start", errors);
    const added = await index!.addDirectory({ path: siteDir });
    if (added.errors.length > 0) fail("index the site", added.errors);
    const outputPath = path.join(siteDir, "pagefind");
    const written = await index!.writeFiles({ outputPath });
    if (written.errors.length > 0) fail("write the index", written.errors);
    return { pages: added.page_count, outputPath };
  } finally {
    await pagefind.close();
  }
}
