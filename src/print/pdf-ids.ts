import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFObject } from "pdf-lib";

/**
 * Replaces the structure element IDs of a tagged PDF from Chromium by IDs numbered in their
 * order, so that two prints of the same page give the same bytes.
 *
 * Chromium gives each table header cell (`/S /TH`) the ID `nodeNNNNNNNN`: the DOM node's id from a
 * counter of the whole renderer process. Header cells of data cells point to it (`/Headers` in
 * their attributes), and the structure tree root lists it (`/IDTree`). That counter depends on
 * what else asked the renderer for node ids before: earlier prints in the same browser, the
 * automation, timing. So a PDF with a table could differ by those digits between two runs
 * (seen between two builds, once in a while). The IDs become `cell000001`, `cell000002`, … in the
 * order of the old numbers, which keeps the order of the ID tree's keys; every string in the file
 * equal to an old ID (the element's `/ID`, the `/Headers` arrays, the ID tree's `/Names` and
 * `/Limits`) is replaced. Nothing else changes.
 * @returns the number of IDs replaced.
 */
export function stableStructureIds(pdf: PDFDocument): number {
  const ids = new Set<string>();
  const objects = pdf.context.enumerateIndirectObjects().map(([, obj]) => obj);
  for (const obj of objects) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of("Type")) !== PDFName.of("StructElem")) continue;
    const id = obj.get(PDFName.of("ID"));
    if (id instanceof PDFString || id instanceof PDFHexString) ids.add(id.decodeText());
  }
  if (ids.size === 0) return 0;
  const sorted = [...ids].sort();
  const renamed = new Map(sorted.map((id, i) => [id, `cell${String(i + 1).padStart(6, "0")}`]));
  const replace = (value: PDFObject): PDFObject | undefined => {
    if (value instanceof PDFString || value instanceof PDFHexString) {
      const next = renamed.get(value.decodeText());
      return next === undefined ? undefined : PDFString.of(next);
    }
    walk(value);
    return undefined;
  };
  const walk = (obj: PDFObject): void => {
    if (obj instanceof PDFDict) {
      for (const [key, value] of obj.entries()) {
        const next = replace(value);
        if (next) obj.set(key, next);
      }
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) {
        const next = replace(obj.get(i));
        if (next) obj.set(i, next);
      }
    }
  };
  for (const obj of objects) walk(obj);
  return renamed.size;
}
