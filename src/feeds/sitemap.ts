import type { SiteData, SiteLinks } from "../model/site-model.ts";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The sitemap (sitemaps.org protocol 0.9) listing the home page, year, issue and document pages
 * and the open-data page, or `null` without a base URL: the protocol requires absolute URLs, so
 * an archive without `url` in archive.yml gets no sitemap. No `lastmod`: the archive does not
 * know when a page was last edited, and a build date would break reproducible builds.
 */
export function sitemapXml(site: Pick<SiteData, "years" | "issues" | "documents">, links: SiteLinks): string | null {
  if (!links.baseUrl) return null;
  const paths = ["/", ...site.years.map((y) => y.url), ...site.issues.map((i) => i.url), ...site.documents.map((d) => d.url), "/data/"];
  const urls = paths.map((p) => `  <url><loc>${escapeXml(links.absolute(p)!)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

/**
 * robots.txt allowing every crawler, with the sitemap's URL when there is one. Crawlers read it
 * only at the host root: a site under a sub-path should have its line copied into the host's file.
 */
export function robotsTxt(links: SiteLinks, hasSitemap: boolean): string {
  const lines = ["User-agent: *", "Allow: /"];
  if (hasSitemap && links.baseUrl) lines.push(`Sitemap: ${links.absolute("/sitemap.xml")}`);
  return `${lines.join("\n")}\n`;
}
