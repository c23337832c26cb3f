import { cleanOcrLine } from "./clean-ocr.ts";
import { isCompleteOrganName, namesApart } from "./organ-names.ts";

/** A one-line value without its OCR spaces and half-width punctuation (as `cleanValue` of infer-fields). */
const cleanValue = (text: string): string => cleanOcrLine(text.replace(/^#+\s*/, "").trim()).text.trim();

/**
 * The signature above a date line: the line `above` (its text without spaces), and the names of a
 * joint signature as printed apart: on that line with spaces between ({@link namesApart}), or on
 * lines of their own right above it (each a complete organ name, blank lines between allowed, the
 * text above them ending a sentence).
 * `printed` quotes the line(s) for the review sheet.
 */
export function signatureNames(lines: readonly string[], above: { index: number; text: string }): { index: number; text: string; names: string[] | null; printed: string } {
  const apart = namesApart(lines[above.index]!.trim());
  if (apart) return { ...above, names: apart.map((n) => cleanValue(n)), printed: `“${lines[above.index]!.trim()}”` };
  const names = [above.text];
  let index = above.index;
  for (let j = above.index - 1; j >= 0 && names.length < 4 && isCompleteOrganName(above.text); j--) {
    if (lines[j]!.trim() === "") continue;
    const text = cleanValue(lines[j]!).replace(/\s+/g, "");
    if (!isCompleteOrganName(text)) break;
    names.unshift(text);
    index = j;
  }
  // The text above the names ends a sentence (or there is none): the names are not the tail of a wrapped line.
  let k = index - 1;
  while (k >= 0 && lines[k]!.trim() === "") k--;
  const closed = k < 0 || /[。！？；”）)]$/u.test(lines[k]!.trim());
  if (names.length < 2 || !closed) return { ...above, names: null, printed: `“${lines[above.index]!.trim()}”` };
  return { index, text: names.join(""), names, printed: names.map((n) => `“${n}”`).join("") };
}

