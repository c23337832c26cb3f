import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { markPrintBody } from "./mark-print-body.ts";
import { readTextIfExists } from "../util/index.ts";

/** Marker in the print view of an issue, in Eleventy's output, in place of each document. */
const DOCUMENT_MARKER = /<!--gazette:print-document (\/print\/[^ ]+\/)-->/gu;
/** Marker in the print view of a document, in Eleventy's output, in place of its text. */
const BODY_MARKER = /<!--gazette:document-body (\/[^ ]+\/)-->/gu;
/** The body of a one-document print view (`_includes/layouts/print-document.njk`). */
const SINGLE_BODY_OPEN = '<body class="gbt gbt--single">\n';
const SINGLE_BODY_CLOSE = "\n</body>";
/** The text of a document page (`_includes/layouts/document.njk`): Markdown HTML (markdown-it with `html: false`, so it has no indented `</div>` line). */
const TEXT_OPEN = '<div class="document__body">\n';
const TEXT_CLOSE = "\n    </div>\n";

/**
 * The marker the print view of a gazette issue has in place of a document: the document's print
 * URL (`printUrl`) in an HTML comment, e.g. `<!--gazette:print-document /print/2019-02/rzf-2019-2/-->`.
 */
export function printDocumentMarker(printUrl: string): string {
  return `<!--gazette:print-document ${printUrl}-->`;
}

/**
 * The marker the print view of a document has in place of its text: the URL of the document
 * page, e.g. `<!--gazette:document-body /2019/2/rzf-2019-2/-->`.
 */
export function documentBodyMarker(documentUrl: string): string {
  return `<!--gazette:document-body ${documentUrl}-->`;
}

/**
 * Completes the print views after Eleventy has written the site, so that Eleventy renders each
 * document's text once (in its document page) instead of three times, and does not hold two more
 * copies of every text until the build ends (for 20,000 documents about 450 MB; see README,
 * "Large archives"):
 * 1. each print view of a document (`/print/<YYYY-NN>/<slug>/`) gets the text of its document
 *    page (`<div class="document__body">`, already through every Eleventy transform such as the
 *    path prefix) with the GB/T 9704-2012 heading levels, 附件说明 and forms marked (`markPrintBody`) in place of
 *    its marker ({@link documentBodyMarker});
 * 2. each print view of an issue (`/print/<YYYY-NN>/`) gets the `<article>` of each of its
 *    documents' print views in place of the marker ({@link printDocumentMarker}).
 * The result is byte for byte what rendering `partials/print-document.njk` in full gives (tested).
 * Works a few issues at a time, so its memory stays small.
 * @param outputDir the built site.
 * @param options.issues the print folders (`<YYYY-NN>`) to complete, when only some print views were
 *   rendered by this build (the others were taken complete from the previous output, see
 *   `src/site/page-reuse.ts`); default every folder under `print/`.
 * @returns the number of print views of documents and of issues completed.
 * @throws Error naming the print view and the missing page when a marker has no page to take from.
 */
export async function assemblePrintViews(outputDir: string, options: { issues?: ReadonlySet<string> } = {}): Promise<{ documents: number; issues: number }> {
  const printDir = path.join(outputDir, "print");
  const counts = { documents: 0, issues: 0 };
  const only = options.issues;
  const issues = (await subfolders(printDir)).filter((key) => !only || only.has(key));
  // A few issues at a time: the work is mostly waiting for the disk.
  for (let i = 0; i < issues.length; i += ISSUES_AT_ONCE) {
    await Promise.all(
      issues.slice(i, i + ISSUES_AT_ONCE).map(async (issue) => {
        const docs = await subfolders(path.join(printDir, issue));
        const filled = await Promise.all(
          docs.map((doc) => {
            const file = path.join(printDir, issue, doc, "index.html");
            return fillMarkers(file, BODY_MARKER, (url) => documentText(outputDir, url, file));
          }),
        );
        counts.documents += filled.filter(Boolean).length;
        const file = path.join(printDir, issue, "index.html");
        if (await fillMarkers(file, DOCUMENT_MARKER, (url) => printArticle(outputDir, url, file))) counts.issues++;
      }),
    );
  }
  return counts;
}

/** Issues completed at the same time (each with all its documents). */
const ISSUES_AT_ONCE = 4;

/** Replaces every `marker` in `file` by `fill(url)`; false when the file is missing or has none. */
async function fillMarkers(file: string, marker: RegExp, fill: (url: string) => Promise<string>): Promise<boolean> {
  const html = await readTextIfExists(file);
  if (html === null) return false;
  const urls = [...html.matchAll(marker)].map((m) => m[1]!);
  if (urls.length === 0) return false;
  const parts = new Map<string, string>();
  for (const url of urls) parts.set(url, await fill(url));
  await writeFile(file, html.replace(marker, (_m, url: string) => parts.get(url)!));
  return true;
}

/** The text of a document page, with the print heading levels marked. */
async function documentText(outputDir: string, url: string, printFile: string): Promise<string> {
  const file = path.join(outputDir, url, "index.html");
  const html = await readTextIfExists(file);
  if (html === null) throw new Error(`${printFile}: the print view needs the text of ${url}, but ${file} was not built (check the document page in src/site/pages.ts)`);
  const start = html.indexOf(TEXT_OPEN);
  const end = start < 0 ? -1 : html.indexOf(TEXT_CLOSE, start + TEXT_OPEN.length);
  if (end < 0) throw new Error(`${file}: no <div class="document__body"> to take the text from (check _includes/layouts/document.njk)`);
  return markPrintBody(html.slice(start + TEXT_OPEN.length, end));
}

/** The `<article>` of a one-document print view, as the partial rendered it (with its final newline). */
async function printArticle(outputDir: string, url: string, issueFile: string): Promise<string> {
  const file = path.join(outputDir, url, "index.html");
  const html = await readTextIfExists(file);
  if (html === null) throw new Error(`${issueFile}: the print view of the issue lists ${url}, but ${file} was not built (check the print-document page in src/site/pages.ts)`);
  const start = html.indexOf(SINGLE_BODY_OPEN);
  const end = html.lastIndexOf(SINGLE_BODY_CLOSE);
  if (start < 0 || end < start) throw new Error(`${file}: no <body class="gbt gbt--single"> to take the document from (check _includes/layouts/print-document.njk)`);
  return html.slice(start + SINGLE_BODY_OPEN.length, end);
}

async function subfolders(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
}
