/** A gazette issue or a document, as far as its print and PDF addresses need. */
export type Printable = { key: string; slug?: undefined } | { slug: string; issue: { key: string } };

/**
 * URL of the print view: `/print/<YYYY-NN>/` for a gazette issue, `/print/<YYYY-NN>/<slug>/`
 * for one document. ASCII only, like every URL of the site.
 * @example printUrl({ key: "2019-02" }) // "/print/2019-02/"
 */
export function printUrl(item: Printable): string {
  return item.slug === undefined ? `/print/${item.key}/` : `/print/${item.issue.key}/${item.slug}/`;
}

/**
 * Path of the PDF relative to the site root: `pdf/<YYYY-NN>.pdf` for a gazette issue,
 * `pdf/<YYYY-NN>/<slug>.pdf` for one document (written by `npm run pdf -- --documents`).
 * @example pdfPath({ key: "2019-02" }) // "pdf/2019-02.pdf"
 */
export function pdfPath(item: Printable): string {
  return item.slug === undefined ? `pdf/${item.key}.pdf` : `pdf/${item.issue.key}/${item.slug}.pdf`;
}
