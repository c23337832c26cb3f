import { test } from "uvu";
import * as assert from "uvu/assert";
import { atomFeeds, atomId, calendarDateToAtom, FEED_LIMIT, issueDate, issuerFeedSlug, robotsTxt, sitemapXml } from "../../src/feeds/index.ts";
import { siteLinks } from "../../src/site/site-links.ts";
import { docView, issueView, SETTINGS } from "../helpers/site-views.ts";

const links = siteLinks(undefined, "/gazette/");

test("Atom ids are name-based UUIDs, stable and distinct per archive and page", () => {
  const id = atomId("测试市人民政府公报", "/2019/1/");
  assert.match(id, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.is(atomId("测试市人民政府公报", "/2019/1/"), id);
  assert.is.not(atomId("另一市人民政府公报", "/2019/1/"), id);
  assert.is.not(atomId("测试市人民政府公报", "/2019/2/"), id);
});

test("a calendar date is midnight UTC in every time zone", () => {
  const saved = process.env.TZ;
  for (const tz of ["UTC", "Asia/Shanghai", "America/Los_Angeles"]) {
    process.env.TZ = tz;
    assert.is(calendarDateToAtom("2019-04-10"), "2019-04-10T00:00:00Z", tz);
  }
  process.env.TZ = saved;
});

test("an issue's date is its publication date, else its newest document's date", () => {
  assert.is(issueDate(issueView([docView()], { published: "2019-03-31" })), "2019-03-31");
  assert.is(issueDate(issueView([docView({ date: "2019-01-10" }), docView({ date: "2019-02-01" })])), "2019-02-01");
  assert.is(issueDate(issueView([])), "2019-01-01");
});

test("builds the issues, documents and per-issuer feeds, newest first, dated from the content", () => {
  const a = docView({ url: "/2019/1/a/", date: "2019-01-10", issuers: ["甲"] });
  const b = docView({ url: "/2019/1/b/", date: "2019-02-20", issuers: ["甲", "乙"] });
  const feeds = atomFeeds(SETTINGS, [issueView([a, b])], [a, b], links);
  assert.equal(feeds.map((f) => f.path), ["/feeds/issues.xml", "/feeds/documents.xml", `/feeds/issuers/${issuerFeedSlug("甲")}.xml`, `/feeds/issuers/${issuerFeedSlug("乙")}.xml`]);
  const docs = feeds[1]!;
  assert.equal(docs.entries.map((e) => e.href), ["/gazette/2019/1/b/", "/gazette/2019/1/a/"]);
  assert.is(docs.updated, "2019-02-20T00:00:00Z");
  assert.is(docs.self, "/gazette/feeds/documents.xml");
  assert.is(feeds[2]!.entries.length, 2, "甲 issued both");
  assert.is(feeds[3]!.entries.length, 1, "乙 joined one");
  assert.match(issuerFeedSlug("测试市人民政府"), /^[0-9a-f]{12}$/);
});

test("an undated document comes last and is dated by its gazette issue", () => {
  const dated = docView({ url: "/2019/1/a/", date: "2019-01-10" });
  const undated = docView({ url: "/2019/1/u/", date: undefined, dateLabel: "未注明" });
  const feeds = atomFeeds(SETTINGS, [issueView([undated, dated], { published: "2019-03-31" })], [undated, dated], links);
  assert.equal(feeds[1]!.entries.map((e) => [e.href, e.updated]), [
    ["/gazette/2019/1/a/", "2019-01-10T00:00:00Z"],
    ["/gazette/2019/1/u/", "2019-03-31T00:00:00Z"],
  ]);
});

test("a feed carries at most FEED_LIMIT entries", () => {
  const many = Array.from({ length: FEED_LIMIT + 5 }, (_, i) => docView({ url: `/2019/1/d${i}/` }));
  assert.is(atomFeeds(SETTINGS, [issueView(many)], many, links)[1]!.entries.length, FEED_LIMIT);
});

test("writes a sitemap of absolute URLs only with a base URL, and robots.txt naming it", () => {
  const site = { years: [{ year: 2019, url: "/2019/", issues: [] }], issues: [issueView([docView()])], documents: [docView()] };
  assert.is(sitemapXml(site, links), null);
  assert.is(robotsTxt(links, false), "User-agent: *\nAllow: /\n");
  const withBase = siteLinks("https://gazette.example.org/", "/");
  const xml = sitemapXml(site, withBase)!;
  for (const loc of ["https://gazette.example.org/", "https://gazette.example.org/2019/", "https://gazette.example.org/2019/1/", "https://gazette.example.org/2019/1/csf-2019-1/"]) {
    assert.ok(xml.includes(`<loc>${loc}</loc>`), loc);
  }
  assert.ok(robotsTxt(withBase, true).includes("Sitemap: https://gazette.example.org/sitemap.xml"));
});

test.run();
