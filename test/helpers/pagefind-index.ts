import { indexedUrls } from "../../src/search/index.ts";

/**
 * What the search index of a built site holds, as far as tests need: the document URLs, from the
 * lists kept beside the cached shard bundles (Pagefind's own files are never read).
 */
export async function readIndexContents(siteDir: string): Promise<{ urls: string[]; pages: number }> {
  const urls = await indexedUrls(siteDir.replace(/\/pagefind\/?$/u, ""));
  return { urls, pages: urls.length };
}
