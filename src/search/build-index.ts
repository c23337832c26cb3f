import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { normalizePathPrefix } from "../site/site-links.ts";

/** What one Pagefind run indexed. */
export interface IndexReport {
  /** Pages indexed. */
  pages: number;
  /** Folder the index was written to. */
  outputPath: string;
}

/** Options of {@link buildSearchIndex}. */
export interface IndexOptions {
  /** URL path the site is served under, e.g. `/gazette/` (default `/`): result URLs start with it. */
  pathPrefix?: string;
}

/**
 * Builds the Pagefind search index of a built site through Pagefind's Node API and writes it to
 * `<siteDir>/pagefind/`. Only pages with `data-pagefind-body` (document pages) are indexed; the
 * language is taken from `<html lang="zh-CN">`, which turns on Pagefind's Chinese segmentation.
 * Under a path prefix each page is added with its prefixed URL, so results link into the
 * sub-path whatever search client reads the index. HTML files are added in sorted order, so the
 * same site gives the same index files.
 * @throws Error listing Pagefind's own messages when any step reports an error, so a failed index
 *   fails the build instead of shipping a site whose search is broken.
 */
export async function buildSearchIndex(siteDir: string, options: IndexOptions = {}): Promise<IndexReport> {
  const fail = (step: string, errors: string[]): never => {
    throw new Error(`Pagefind failed to ${step}: ${errors.join("; ")}`);
  };
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false, verbose: false });
    if (errors.length > 0 || !index) fail("start", errors);
    const prefix = normalizePathPrefix(options.pathPrefix);
    let pages = 0;
    for (const rel of await htmlFiles(siteDir)) {
      const url = prefix + rel.replace(/(^|\/)index\.html$/, "$1");
      const added = await index!.addHTMLFile({ url, content: await readFile(path.join(siteDir, rel), "utf8") });
      if (added.errors.length > 0) fail(`index ${rel}`, added.errors);
      if (added.file) pages += 1;
    }
    const outputPath = path.join(siteDir, "pagefind");
    const written = await index!.writeFiles({ outputPath });
    if (written.errors.length > 0) fail("write the index", written.errors);
    return { pages, outputPath };
  } finally {
    await pagefind.close();
  }
}

/** Every `.html` file under `dir`, relative with `/` separators, sorted. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}
