import { LinkChecker } from "linkinator";

/** A link that does not resolve: its URL, HTTP status (0 when no response) and the page it is on. */
export interface BrokenLink {
  url: string;
  status: number;
  parent: string;
}

/**
 * Crawls a served site with linkinator from `startUrls` (use the home page plus pages nothing
 * links to, such as `404.html`), following every internal link and checking every `#fragment`
 * against the target page's ids. Links to other hosts are skipped: this closed network cannot
 * reach them, and the archive's own links are what must never break.
 * @param origin e.g. `http://127.0.0.1:40123` — links outside it are skipped.
 * @returns the number of links checked and the broken ones.
 */
export async function checkSiteLinks(origin: string, startUrls: string[]): Promise<{ checked: number; broken: BrokenLink[] }> {
  const checker = new LinkChecker();
  const result = await checker.check({
    path: startUrls,
    recurse: true,
    checkFragments: true,
    checkCss: true,
    concurrency: 4,
    timeout: 10_000,
    linksToSkip: async (link: string) => !link.startsWith(origin),
  });
  const broken = result.links
    .filter((l) => l.state === "BROKEN")
    .map((l) => ({ url: l.url, status: l.status ?? 0, parent: l.parent ?? "" }));
  return { checked: result.links.filter((l) => l.state !== "SKIPPED").length, broken };
}
