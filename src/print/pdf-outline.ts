import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from "pdf-lib";

/** A top-level bookmark of a PDF: its title and the 1-based page it points to. */
export interface OutlineItem {
  title: string;
  page: number;
}

/**
 * Reads the top-level entries of a PDF's outline (bookmarks), in order, with the page each one
 * points to (1-based, physical page of the file). Chromium writes one entry per `<h1>` when the
 * PDF is made with `outline: true`; nested entries (the document's own headings) are skipped.
 * @returns [] when the PDF has no outline.
 */
export function readOutline(pdf: PDFDocument): OutlineItem[] {
  const outlines = pdf.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  if (!outlines) return [];
  const pageIndex = new Map<string, number>(pdf.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const items: OutlineItem[] = [];
  let ref = outlines.get(PDFName.of("First"));
  const seen = new Set<string>();
  while (ref instanceof PDFRef && !seen.has(ref.toString())) {
    seen.add(ref.toString());
    const item = pdf.context.lookup(ref, PDFDict);
    items.push({ title: decodeText(item.get(PDFName.of("Title"))), page: destinationPage(pdf, item, pageIndex) });
    ref = item.get(PDFName.of("Next"));
  }
  return items;
}

function decodeText(value: PDFObject | undefined): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : "";
}

function destinationPage(pdf: PDFDocument, item: PDFDict, pageIndex: Map<string, number>): number {
  let dest: PDFObject | undefined = item.get(PDFName.of("Dest"));
  const action = item.lookupMaybe(PDFName.of("A"), PDFDict);
  if (!dest && action) dest = action.get(PDFName.of("D"));
  if (dest instanceof PDFRef) dest = pdf.context.lookup(dest);
  if (dest instanceof PDFString || dest instanceof PDFName || dest instanceof PDFHexString) {
    dest = namedDestination(pdf, dest instanceof PDFName ? dest.decodeText() : dest.decodeText());
  }
  if (dest instanceof PDFDict) dest = dest.get(PDFName.of("D"));
  if (dest instanceof PDFArray) {
    const target = dest.get(0);
    if (target instanceof PDFRef) return pageIndex.get(target.toString()) ?? 0;
  }
  return 0;
}

function namedDestination(pdf: PDFDocument, name: string): PDFObject | undefined {
  const dests = pdf.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  const direct = dests?.get(PDFName.of(name));
  if (direct) return direct instanceof PDFRef ? pdf.context.lookup(direct) : direct;
  const names = pdf.catalog.lookupMaybe(PDFName.of("Names"), PDFDict)?.lookupMaybe(PDFName.of("Dests"), PDFDict);
  return names ? searchNameTree(pdf, names, name) : undefined;
}

function searchNameTree(pdf: PDFDocument, node: PDFDict, name: string): PDFObject | undefined {
  const pairs = node.lookupMaybe(PDFName.of("Names"), PDFArray);
  if (pairs) {
    for (let i = 0; i + 1 < pairs.size(); i += 2) {
      if (decodeText(pairs.lookup(i)) === name) return pairs.lookup(i + 1);
    }
  }
  const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const found = searchNameTree(pdf, kids.lookup(i, PDFDict), name);
    if (found) return found;
  }
  return undefined;
}
