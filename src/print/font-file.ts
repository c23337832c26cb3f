/** What Chromium's PDF writer needs to know of a font file to embed it as a CID font. */
export interface FontFileInfo {
  /** `truetype`: `glyf` outlines (embedded as CID TrueType); `cff`: PostScript outlines (`CFF `/`CFF2`, drawn as Type 3); `unknown`: not an OpenType/TrueType file. */
  outlines: "truetype" | "cff" | "unknown";
  /** OS/2 `fsType` (embedding permissions), 0 when the table is missing. */
  fsType: number;
  /** OS/2 `usWeightClass`, undefined when the table is missing. */
  weightClass?: number;
}

/**
 * Reads the table directory of an OpenType/TrueType font (`.ttf`, `.otf`, the first font of a
 * `.ttc` collection): its outline format and OS/2 embedding permissions and weight
 * (OpenType spec, "OS/2 — fsType"; WOFF/WOFF2 files are reported as `unknown`).
 */
export function fontFileInfo(bytes: Uint8Array): FontFileInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => (at + 4 <= bytes.byteLength ? String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!) : "");
  let start = 0;
  if (tag(0) === "ttcf") start = bytes.byteLength >= 16 ? view.getUint32(12) : -1;
  if (start < 0 || start + 12 > bytes.byteLength || !["\0\x01\0\0", "OTTO", "true"].includes(tag(start))) return { outlines: "unknown", fsType: 0 };
  const tables = new Map<string, number>();
  const count = view.getUint16(start + 4);
  for (let i = 0; i < count; i++) {
    const record = start + 12 + i * 16;
    if (record + 16 > bytes.byteLength) break;
    tables.set(tag(record), view.getUint32(record + 8));
  }
  const outlines = tables.has("glyf") ? "truetype" : tables.has("CFF ") || tables.has("CFF2") ? "cff" : "unknown";
  const os2 = tables.get("OS/2");
  if (os2 === undefined || os2 + 10 > bytes.byteLength) return { outlines, fsType: 0 };
  return { outlines, fsType: view.getUint16(os2 + 8), weightClass: view.getUint16(os2 + 4) };
}

/** fsType bits that forbid embedding the font in a document: Restricted License (0x0002) and Bitmap Embedding Only (0x0200). */
const NO_EMBEDDING = 0x0002 | 0x0200;

/**
 * Why a licensed font cannot be embedded in the PDF as a CID font (in Chinese, for the editor),
 * or undefined when it can: PostScript (CFF) outlines, which Chromium writes as Type 3 glyphs that
 * print shops reject; an `fsType` that forbids embedding; a file that is not a font.
 */
export function embeddingProblem(info: FontFileInfo): string | undefined {
  if (info.outlines === "unknown") return "不是 TrueType/OpenType 字体文件（.ttf、.otf、.ttc）";
  if (info.outlines === "cff") return "是 PostScript（CFF）轮廓的 OpenType 字体，浏览器只能把它写成印刷厂不接受的 Type 3 字形";
  if (info.fsType & NO_EMBEDDING) return `字体授权（OS/2 fsType = 0x${info.fsType.toString(16).padStart(4, "0")}）禁止嵌入文件`;
  return undefined;
}
