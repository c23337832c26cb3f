import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Compressed size of a page: bytes of the HTML and of each local stylesheet it links, gzip level 9. */
export interface PageWeight {
  html: number;
  css: number;
  total: number;
  /** Local scripts the page loads (`<script src>`), site paths. */
  scripts: string[];
}

/**
 * Measures what a reader downloads for one built page, gzip-compressed (level 9, as static hosts
 * serve it): the HTML file plus every `<link rel="stylesheet">` it names on this site.
 * @param siteDir the built site; @param file the page, relative to it (e.g. `2019/2/x/index.html`).
 * @param pathPrefix prefix the site was built with, stripped from links to find the files.
 */
export async function pageWeight(siteDir: string, file: string, pathPrefix = "/"): Promise<PageWeight> {
  const html = await readFile(path.join(siteDir, file));
  const text = html.toString("utf8");
  const local = (href: string) => (href.startsWith(pathPrefix) ? href.slice(pathPrefix.length) : null);
  let css = 0;
  for (const m of text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const rel = local(m[1]!);
    if (rel) css += gzipSync(await readFile(path.join(siteDir, rel)), { level: 9 }).length;
  }
  const scripts = [...text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  const htmlBytes = gzipSync(html, { level: 9 }).length;
  return { html: htmlBytes, css, total: htmlBytes + css, scripts };
}
