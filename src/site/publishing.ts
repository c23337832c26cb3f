import { dublinCoreMeta, jsonLdScriptText, legislationJsonLd, openDataFiles, type DataFile, type MetaTag } from "../data/index.ts";
import { atomFeeds, issuerFeedSlug, robotsTxt, sitemapXml, type AtomFeed } from "../feeds/index.ts";
import type { SiteData } from "../model/site-model.ts";
import type { SiteLinks } from "./site-links.ts";

/** Head metadata of one document page. */
export interface DocumentHead {
  /** schema.org Legislation JSON-LD, safe to place inside `<script type="application/ld+json">`. */
  jsonLd: string;
  /** Dublin Core `<meta>` tags. */
  dublinCore: MetaTag[];
  /** Site path of each issuer's Atom feed. */
  issuerFeeds: { issuer: string; path: string }[];
}

/** The global `site` data with everything derived for publishing: links, feeds, data, sitemap. */
export interface PublishedSite extends SiteData {
  links: SiteLinks;
  feeds: AtomFeed[];
  dataFiles: DataFile[];
  /** sitemap.xml text, or null without a base URL. */
  sitemap: string | null;
  robots: string;
  /** Head metadata of each document page, by the document's site URL. */
  documentHeads: Record<string, DocumentHead>;
  /** Absolute URL of a page for `<link rel="canonical">` and `og:url`, or undefined without a base URL. */
  canonical(sitePath: string): string | undefined;
}

/**
 * Adds the feeds, open-data files, sitemap, robots.txt and per-document head metadata to the site
 * data. All of it comes from `site`, which has no withheld or draft documents.
 */
export function publishSite(site: SiteData, links: SiteLinks): PublishedSite {
  const sitemap = sitemapXml(site, links);
  const documentHeads: Record<string, DocumentHead> = {};
  for (const doc of site.documents) {
    documentHeads[doc.url] = {
      jsonLd: jsonLdScriptText(legislationJsonLd(doc, site.settings, links)),
      dublinCore: dublinCoreMeta(doc, site.settings, links),
      issuerFeeds: doc.issuers.map((issuer) => ({ issuer, path: `/feeds/issuers/${issuerFeedSlug(issuer)}.xml` })),
    };
  }
  return {
    ...site,
    links,
    feeds: atomFeeds(site.settings, site.issues, site.documents, links),
    dataFiles: openDataFiles(site, links),
    sitemap,
    robots: robotsTxt(links, sitemap !== null),
    documentHeads,
    canonical: (sitePath) => links.absolute(sitePath),
  };
}
