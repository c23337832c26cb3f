/**
 * Full-width spaces of a PDF's text layer.
 *
 * pdf.js's text content (`getTextContent`) drops every whitespace glyph and reports the room it
 * took as a plain space (`" "`), so a full-width space printed in a title
 * (`青岚市财政局　青岚市教育体育局`) would come out as an ASCII space. Its operator list
 * (`getOperatorList`, which the import loads anyway for the font names) still holds each glyph
 * with the character its ToUnicode table gives. This module reads, from the operator list, which
 * whitespace the PDF prints before each non-blank character, so the import keeps an ideographic
 * space where the PDF has one.
 *
 * A run of whitespace glyphs that are all ideographic spaces (U+3000) or em spaces (U+2003)
 * becomes that many U+3000: Chromium's PDFs map the glyph of U+3000 to U+2003 in their ToUnicode
 * table (the CJK fonts draw both with one glyph), as they map 人 to ⼈ (see `fold-radicals.ts`).
 * Any other whitespace (an ASCII space glyph, or a gap with no glyph) stays as pdf.js gives it.
 */

/** pdf.js's operator list, as `page.getOperatorList()` returns it. */
export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/** Non-blank characters of `text` as counted on both sides (NFKC, so ⼈ and ﬁ count alike). */
export const inkCount = (text: string): number => text.normalize("NFKC").replace(/\s/gu, "").length;

/**
 * The ideographic spaces a page prints, keyed by the number of non-blank characters before them
 * in content order (the order of the text content's items too).
 * @param showText the operator codes that show text (`OPS.showText`, `OPS.showSpacedText`)
 * @param expected the number of non-blank characters of the page's text content: when the
 *   operator list holds another number (pdf.js dropped an overprinted glyph), the two cannot be
 *   matched and the map is empty (every space stays as pdf.js gives it)
 */
export function ideographicSpaces(ops: OperatorList, showText: readonly number[], expected: number): Map<number, string> {
  const spaces = new Map<number, string>();
  let ink = 0;
  let run = "";
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (!showText.includes(ops.fnArray[i]!)) continue;
    for (const glyph of (ops.argsArray[i] as unknown[][])[0] ?? []) {
      const unicode = typeof glyph === "object" && glyph !== null ? (glyph as { unicode?: string }).unicode ?? "" : "";
      if (unicode === "") continue;
      if (/^\s+$/u.test(unicode)) {
        run += unicode;
        continue;
      }
      if (run !== "" && /^[\u3000\u2003]+$/u.test(run)) spaces.set(ink, "\u3000".repeat([...run].length));
      run = "";
      ink += inkCount(unicode);
    }
  }
  return ink === expected ? spaces : new Map();
}

/**
 * `text` (one text-content item, `ink` non-blank characters of the page before it) with each
 * run of whitespace replaced by the ideographic spaces the PDF prints there, if any.
 */
export function withIdeographicSpaces(text: string, ink: number, spaces: ReadonlyMap<number, string>): string {
  if (spaces.size === 0) return text;
  return text.replace(/\s+/gu, (ws, offset: number) => spaces.get(ink + inkCount(text.slice(0, offset))) ?? ws);
}
