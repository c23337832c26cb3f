import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** Marker that the print view of an issue has, in Eleventy's output, in place of each document. */
const MARKER = /<!--gazette:print-document (\/print\/[^ ]+\/)-->/gu;
/** The body of a one-document print view (`_includes/layouts/print-document.njk`). */
const SINGLE_BODY_OPEN = '<body class="gbt gbt--single">\n';
const SINGLE_BODY_CLOSE = "\n</body>";

/**
 * The marker the print view of a gazette issue has in place of a document: the document's print
 * URL (`printUrl`) in an HTML comment, e.g. `<!--gazette:print-document /print/2019-02/rzf-2019-2/-->`.
 */
export function printDocumentMarker(printUrl: string): string {
  return `<!--gazette:print-document ${printUrl}-->`;
}

/**
 * Fills the print views of the gazette issues (`/print/<YYYY-NN>/index.html`) with their
 * documents: each marker (see {@link printDocumentMarker}) is replaced by the `<article>` of that
 * document's own print view (`/print/<YYYY-NN>/<slug>/index.html`, the same partial
 * `partials/print-document.njk`, already through every Eleventy transform such as the path
 * prefix). So Eleventy renders each document's print text once instead of twice, and does not
 * hold a second copy of every text until the end of the build (for 20,000 documents about
 * 250 MB; see README, "Large archives"). The result is byte for byte what rendering the partial
 * in the issue view gives. Works one issue at a time.
 * @param outputDir the built site.
 * @returns the number of issue views filled.
 * @throws Error naming the issue view and the missing document view when a marker has no page.
 */
export async function assemblePrintIssues(outputDir: string): Promise<number> {
  const printDir = path.join(outputDir, "print");
  let filled = 0;
  for (const entry of await readdir(printDir, { withFileTypes: true }).catch(notFoundAsEmpty)) {
    if (!entry.isDirectory()) continue;
    const file = path.join(printDir, entry.name, "index.html");
    let html: string;
    try {
      html = await readFile(file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw err;
    }
    const urls = [...html.matchAll(MARKER)].map((m) => m[1]!);
    if (urls.length === 0) continue;
    const articles = new Map<string, string>();
    for (const url of urls) articles.set(url, await printArticle(outputDir, url, file));
    await writeFile(file, html.replace(MARKER, (_m, url: string) => articles.get(url)!));
    filled++;
  }
  return filled;
}

/** The `<article>` of a one-document print view, as the partial rendered it (with its final newline). */
async function printArticle(outputDir: string, url: string, issueFile: string): Promise<string> {
  const file = path.join(outputDir, url, "index.html");
  let html: string;
  try {
    html = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    throw new Error(`${issueFile}: the print view of the issue lists ${url}, but ${file} was not built (check _includes/layouts/print-document.njk and the print-document page in src/site/pages.ts)`, { cause: err });
  }
  const start = html.indexOf(SINGLE_BODY_OPEN);
  const end = html.lastIndexOf(SINGLE_BODY_CLOSE);
  if (start < 0 || end < start) throw new Error(`${file}: no <body class="gbt gbt--single"> to take the document from (check _includes/layouts/print-document.njk)`);
  return html.slice(start + SINGLE_BODY_OPEN.length, end);
}

function notFoundAsEmpty(err: NodeJS.ErrnoException): never[] {
  if (err.code === "ENOENT") return [];
  throw err;
}
