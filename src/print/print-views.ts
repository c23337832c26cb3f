import { HtmlBasePlugin } from "@11ty/eleventy";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nunjucks, { type Environment } from "nunjucks";
import type { DocumentView, IssueView, SiteData } from "../model/site-model.ts";
import { mapLimit } from "../util/index.ts";
import { markPrintBody } from "./mark-print-body.ts";
import { printUrl } from "./paths.ts";

/** What {@link writePrintViews} renders: the print views of these issues and documents. */
export interface PrintViewItems {
  printIssues: readonly IssueView[];
  printDocuments: readonly DocumentView[];
}

/** Options of {@link writePrintViews}. */
export interface PrintViewOptions {
  /** The `_includes/` folder holding `layouts/print-issue.njk`, `layouts/print-document.njk` and their partial. */
  includesDir: string;
  /** The archive settings (`site.settings`: the back cover's editorial data, `print.editorial`). */
  settings: SiteData["settings"];
  /** URL path the site is built for, e.g. `/gazette/` (default `/`). */
  pathPrefix?: string;
}

/**
 * Writes the print views (GB/T 9704-2012) of `items` into `outputDir` from the site model, with
 * their own Nunjucks templates, outside Eleventy: each document's print article
 * (`_includes/partials/print-document.njk`: numbers, title, and its text from the model,
 * `DocumentView.html`, with the print marks of `markPrintBody`) is rendered once and set in its
 * own view (`layouts/print-document.njk`) and in its issue's (`layouts/print-issue.njk`: cover,
 * contents, every article, back cover). One issue at a time, each view written as soon as it is
 * rendered, so no copy of the texts is held (Eleventy would keep every page it rendered until
 * its run ends). Views: `/print/<YYYY-NN>/index.html` and `/print/<YYYY-NN>/<slug>/index.html`.
 * Site URLs in `href` and `src` get the path prefix as Eleventy's HtmlBasePlugin gives it to the
 * other pages ({@link withPathPrefix}). Nunjucks autoescapes, as the site's pages do.
 * @returns how many print views of issues and of documents were written.
 * @throws the template's error (a missing layout, a syntax error) or the file system's.
 */
export async function writePrintViews(outputDir: string, items: PrintViewItems, options: PrintViewOptions): Promise<{ issues: number; documents: number }> {
  const env = printEnvironment(options.includesDir);
  const prefix = options.pathPrefix ?? "/";
  const site = { settings: options.settings };
  const write = async (url: string, html: string) => {
    const file = path.join(outputDir, url, "index.html");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, withPathPrefix(html, prefix));
  };
  // Per issue (by key): its view when asked for, and the documents whose own views are asked for.
  const work = new Map<string, { issue?: IssueView; documents: DocumentView[] }>();
  const entry = (key: string) => work.get(key) ?? work.set(key, { documents: [] }).get(key)!;
  for (const issue of items.printIssues) entry(issue.key).issue = issue;
  for (const doc of items.printDocuments) entry(doc.issue.key).documents.push(doc);
  for (const { issue, documents } of work.values()) {
    const articles = new Map<string, string>();
    const article = (doc: DocumentView) => articles.get(doc.url) ?? articles.set(doc.url, env.render("partials/print-document.njk", { doc })).get(doc.url)!;
    await mapLimit(documents, 8, (doc) => write(printUrl(doc), env.render("layouts/print-document.njk", { doc, article: article(doc) })));
    if (issue) await write(printUrl(issue), env.render("layouts/print-issue.njk", { issue, site, articles: issue.documents.map(article) }));
  }
  return { issues: items.printIssues.length, documents: items.printDocuments.length };
}

/** The Nunjucks environment of the print views: the site's settings (autoescape) and the filters their templates use. */
function printEnvironment(includesDir: string): Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(includesDir), { autoescape: true, throwOnUndefined: false });
  env.addFilter("printUrl", printUrl);
  env.addFilter("printBody", markPrintBody);
  return env;
}

/**
 * Adds the path prefix to the site URLs (`/…`, not `//…`) of `href` and `src` attributes, with
 * Eleventy's own rule (`HtmlBasePlugin.applyBaseToUrl`). The print views' HTML is ours: the
 * templates' and markdown-it's (`html: false`), whose attributes are always double-quoted.
 * @param prefix e.g. `/gazette/`; `/` changes nothing.
 */
export function withPathPrefix(html: string, prefix: string): string {
  if (prefix === "/" || prefix === "") return html;
  return html.replace(/ (href|src)="(\/(?!\/)[^"]*)"/g, (_m, name: string, url: string) => ` ${name}="${HtmlBasePlugin.applyBaseToUrl(url, prefix)}"`);
}
