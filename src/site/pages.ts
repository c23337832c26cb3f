import type { UserConfig } from "@11ty/eleventy";
import type { AtomFeed } from "../feeds/index.ts";
import type { DataFile } from "../data/index.ts";
import type { DocumentView, IssueView, SiteData } from "../model/site-model.ts";

/** One step of the breadcrumb trail; the current page has no `url`. */
export interface Crumb {
  label: string;
  url?: string;
}

const HOME: Crumb = { label: "首页", url: "/" };

/** Breadcrumbs of a year page: 首页 › 2019年. */
export function yearCrumbs(year: number): Crumb[] {
  return [HOME, { label: `${year}年` }];
}

/** Breadcrumbs of a gazette issue page: 首页 › 2019年 › 2019年第2期. */
export function issueCrumbs(issue: Pick<IssueView, "year" | "label">): Crumb[] {
  return [HOME, { label: `${issue.year}年`, url: `/${issue.year}/` }, { label: issue.label }];
}

/** Breadcrumbs of a document page: 首页 › 2019年 › 2019年第2期 › title. */
export function documentCrumbs(doc: Pick<DocumentView, "issue" | "title">): Crumb[] {
  return [HOME, { label: `${doc.issue.year}年`, url: `/${doc.issue.year}/` }, { label: doc.issue.label, url: doc.issue.url }, { label: doc.title }];
}

/**
 * The description of a document page (`<meta name="description">`, `og:description`): its
 * numbers, issuers, date and gazette issue, e.g.
 * `乳政发〔2019〕2号　乳山市人民政府　2019年4月10日　乳山市人民政府公报2019年第2期`.
 */
export function documentDescription(doc: Pick<DocumentView, "docNumbers" | "issuers" | "dateLabel" | "issue">): string {
  return [doc.docNumbers.join("、"), doc.issuers.join("、"), doc.dateLabel, `${doc.issue.gazette}${doc.issue.label}`].filter(Boolean).join("　");
}

/**
 * Registers the generated pages as virtual templates. Each is an empty Nunjucks template whose
 * layout (in `_includes/layouts/`) does the rendering; paginated pages take one item of the
 * global `site` data each. Document and issue pages are paginated over `site.pages`, the
 * items this build renders: under `buildSite` the others are taken unchanged from the previous
 * output (see `planPages` in page-reuse.ts); otherwise `site.pages` holds every issue and document. URLs (ASCII, stable, never slugified from Chinese):
 * `/` home, `/<year>/`, `/<year>/<number>/` issue, `/<year>/<number>/<slug>/` document,
 * `/search/`, `/search/numbers/<shard>.json` (direct hits by document number) with their list `index.json`, `/404.html`; the open-data page `/data/` with its files
 * (`/data/*.json`, `.csv`), Atom feeds under `/feeds/`, `/sitemap.xml` (only with a base URL)
 * and `/robots.txt`.
 */
export function registerPages(config: UserConfig): void {
  config.addTemplate("gazette/home.njk", "", { layout: "home.njk", permalink: "/index.html" });
  config.addTemplate("gazette/search.njk", "", {
    layout: "search.njk",
    permalink: "/search/index.html",
    pageTitle: "全文检索",
    breadcrumbs: [HOME, { label: "全文检索" }],
  });
  config.addTemplate("gazette/number-shards.njk", "[{% for shard in site.numberShards %}\"{{ shard.key }}\"{% if not loop.last %},{% endif %}{% endfor %}]", {
    permalink: "/search/numbers/index.json",
    eleventyExcludeFromCollections: true,
  });
  config.addTemplate("gazette/numbers.njk", "{{ shard.entries | dump | safe }}", {
    pagination: { data: "site.numberShards", size: 1, alias: "shard" },
    permalink: "/search/numbers/{{ shard.key }}.json",
    eleventyExcludeFromCollections: true,
  });
  config.addTemplate("gazette/404.njk", "", { layout: "404.njk", permalink: "/404.html", pageTitle: "页面未找到" });
  config.addTemplate("gazette/year.njk", "", {
    layout: "year.njk",
    pagination: { data: "site.years", size: 1, alias: "yearGroup" },
    eleventyExcludeFromCollections: true,
    permalink: "{{ yearGroup.url }}index.html",
    eleventyComputed: {
      pageTitle: (d: { yearGroup: SiteData["years"][number] }) => `${d.yearGroup.year}年`,
      breadcrumbs: (d: { yearGroup: SiteData["years"][number] }) => yearCrumbs(d.yearGroup.year),
    },
  });
  config.addTemplate("gazette/issue.njk", "", {
    layout: "issue.njk",
    pagination: { data: "site.pages.issues", size: 1, alias: "issue" },
    eleventyExcludeFromCollections: true,
    permalink: "{{ issue.url }}index.html",
    eleventyComputed: {
      pageTitle: (d: { issue: IssueView }) => `${d.issue.gazette}${d.issue.label}`,
      breadcrumbs: (d: { issue: IssueView }) => issueCrumbs(d.issue),
    },
  });
  config.addTemplate("gazette/document.njk", "", {
    layout: "document.njk",
    pagination: { data: "site.pages.documents", size: 1, alias: "doc" },
    eleventyExcludeFromCollections: true,
    permalink: "{{ doc.url }}index.html",
    eleventyComputed: {
      pageTitle: (d: { doc: DocumentView }) => d.doc.title,
      pageDescription: (d: { doc: DocumentView }) => documentDescription(d.doc),
      breadcrumbs: (d: { doc: DocumentView }) => documentCrumbs(d.doc),
    },
  });
  config.addTemplate("gazette/open-data.njk", "", {
    layout: "open-data.njk",
    permalink: "/data/index.html",
    pageTitle: "开放数据",
    breadcrumbs: [HOME, { label: "开放数据" }],
  });
  config.addTemplate("gazette/feed.njk", "", {
    layout: "atom.njk",
    pagination: { data: "site.feeds", size: 1, alias: "feed" },
    eleventyExcludeFromCollections: true,
    permalink: (d: { feed: AtomFeed }) => d.feed.path,
  });
  config.addTemplate("gazette/data-file.njk", "{{ file.text | safe }}", {
    pagination: { data: "site.dataFiles", size: 1, alias: "file" },
    eleventyExcludeFromCollections: true,
    permalink: (d: { file: DataFile }) => d.file.path,
  });
  config.addTemplate("gazette/sitemap.njk", "{{ site.sitemap | safe }}", {
    permalink: (d: { site: { sitemap: string | null } }) => (d.site.sitemap === null ? false : "/sitemap.xml"),
  });
  config.addTemplate("gazette/robots.njk", "{{ site.robots | safe }}", { permalink: "/robots.txt" });
}
