import { readdir } from "node:fs/promises";

/** One page of each kind an archive has, for browser audits (axe, screenshots). */
export interface PageSample {
  /** Page type: home, year, issue, document, search, 404. */
  kind: string;
  /** Site path (without path prefix), with a query for the search page. */
  path: string;
  /** Set when the page must show search results before it is audited. */
  awaitsResults?: boolean;
}

/**
 * Picks a page of every type from a built site folder: the home page, the first year, issue and
 * document pages (paths sorted), the search page with `query` run, and a missing page (served
 * as 404.html).
 * @throws Error when the site has no year, issue or document page.
 */
export async function samplePages(siteDir: string, query: string): Promise<PageSample[]> {
  const files = (await readdir(siteDir, { recursive: true })).map(String).map((f) => f.split("\\").join("/")).sort();
  const find = (re: RegExp, kind: string) => {
    const f = files.find((x) => re.test(x));
    if (!f) throw new Error(`${siteDir} has no ${kind} page; build the site first`);
    return `/${f.replace(/index\.html$/, "")}`;
  };
  return [
    { kind: "home", path: "/" },
    { kind: "year", path: find(/^\d{4}\/index\.html$/, "year") },
    { kind: "issue", path: find(/^\d{4}\/\d+\/index\.html$/, "issue") },
    { kind: "document", path: find(/^\d{4}\/\d+\/[^/]+\/index\.html$/, "document") },
    { kind: "search", path: `/search/?q=${encodeURIComponent(query)}`, awaitsResults: true },
    { kind: "404", path: "/no-such-page/" },
  ];
}
