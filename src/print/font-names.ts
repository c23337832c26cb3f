import { decodePDFRawStream, PDFDict, PDFName, PDFRawStream, type PDFDocument } from "pdf-lib";
import { fontFileInfo } from "./font-file.ts";
import { PRINT_FONTS } from "./fonts.ts";

/** PostScript family names of the bundled faces, e.g. `NotoSerifSC`, `LXGWWenKai`. */
const BUNDLED = [...new Set(PRINT_FONTS.map((f) => f.family.replace(/\s+/g, "")))];

/**
 * Leftover of the variable font in a bundled face's name: Fontsource cut its static Noto faces
 * from the variable font and kept the name of its default instance, so the Regular (400) and
 * Bold (700) files call themselves `NotoSerifSCExtraLight-Regular` / `NotoSansSCThin-Regular`.
 */
const INSTANCE_LEFTOVER = /^([A-Z]{6}\+)?([A-Za-z]+?)(Thin|ExtraLight|Light)-(Regular|Bold)$/;

/**
 * Gives the bundled faces of a printed PDF the names of the weights they are: the `BaseFont` of
 * each font and the `FontName` of its descriptor become e.g. `AAAAAA+NotoSerifSC-Regular` instead
 * of `AAAAAA+NotoSerifSCExtraLight-Regular` ({@link INSTANCE_LEFTOVER}). A name is changed only
 * when the embedded font program (`FontFile2`) says the same weight in its OS/2 table
 * (`usWeightClass` 400 for Regular, 700 for Bold), so a print shop's preflight, which reads the
 * names, sees the faces that are really in the file. Glyphs are not touched.
 * @returns the number of font names changed.
 */
export function nameFontsByWeight(pdf: PDFDocument): number {
  const renamed = new Map<string, string>();
  const descriptors: PDFDict[] = [];
  const fonts: PDFDict[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    const type = obj.get(PDFName.of("Type"));
    if (type === PDFName.of("FontDescriptor")) descriptors.push(obj);
    else if (type === PDFName.of("Font")) fonts.push(obj);
  }
  for (const d of descriptors) {
    const name = d.get(PDFName.of("FontName"));
    if (!(name instanceof PDFName)) continue;
    const m = name.decodeText().match(INSTANCE_LEFTOVER);
    if (!m || !BUNDLED.includes(m[2]!)) continue;
    const file = pdf.context.lookup(d.get(PDFName.of("FontFile2")));
    const weight = file instanceof PDFRawStream ? weightClass(decodePDFRawStream(file).decode()) : undefined;
    if (weight !== (m[4] === "Bold" ? 700 : 400)) continue;
    const next = `${m[1] ?? ""}${m[2]}-${m[4]}`;
    renamed.set(name.decodeText(), next);
    d.set(PDFName.of("FontName"), PDFName.of(next));
  }
  for (const f of fonts) {
    const base = f.get(PDFName.of("BaseFont"));
    if (!(base instanceof PDFName)) continue;
    const text = base.decodeText();
    // A Type0 font's name is its CIDFont's with `-Identity-H` appended by some producers.
    const key = [...renamed.keys()].find((k) => text === k || text.startsWith(`${k}-`));
    if (key) f.set(PDFName.of("BaseFont"), PDFName.of(renamed.get(key)! + text.slice(key.length)));
  }
  return renamed.size;
}

/** `usWeightClass` of the OS/2 table of a TrueType font program ({@link fontFileInfo}); undefined when it has none. */
export function weightClass(sfnt: Uint8Array): number | undefined {
  return fontFileInfo(sfnt).weightClass;
}
