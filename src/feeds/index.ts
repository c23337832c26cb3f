export { atomFeeds, atomId, calendarDateToAtom, FEED_LIMIT, issueDate, issuerFeedSlug, type AtomFeed, type FeedEntry } from "./atom-feeds.ts";
export { robotsTxt, sitemapXml } from "./sitemap.ts";
