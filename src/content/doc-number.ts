/**
 * Document numbers (发文字号): 机关代字〔年份〕序号号, e.g. `乳政发〔2019〕2号`
 * (GB/T 9704-2012 §7.2.5: the year in hexagonal brackets 〔〕, the serial number without
 * leading zeros, followed by 号).
 */

const OPEN_BRACKETS = "〔[【（(［﹝〖";
const CLOSE_BRACKETS = "〕]】）)］﹞〗";

/** Parts of a document number: prefix (机关代字), year (年份) and serial (序号). */
export interface DocNumberParts {
  prefix: string;
  year: number;
  serial: number;
}

/**
 * Folds full-width digits and letters to half-width, removes all whitespace (including U+3000)
 * and maps every common bracket form around the year to 〔〕.
 * @example foldDocNumber("乳政发[２０１９] 2 号") // "乳政发〔2019〕2号"
 */
export function foldDocNumber(input: string): string {
  let out = input.normalize("NFKC").replace(/\s+/gu, "");
  for (const ch of OPEN_BRACKETS) out = out.split(ch).join("〔");
  for (const ch of CLOSE_BRACKETS) out = out.split(ch).join("〕");
  return out;
}

/**
 * Parses a document number in any common written form.
 * @returns the parts, or `null` when the text is not of the form 机关代字〔年份〕序号号
 *   (`号` may be missing).
 * @example parseDocNumber("乳政办发（2019）5号") // { prefix: "乳政办发", year: 2019, serial: 5 }
 */
export function parseDocNumber(input: string): DocNumberParts | null {
  const folded = foldDocNumber(input);
  const m = /^([\p{Script=Han}A-Za-z]+)〔(\d{4})〕0*(\d+)号?$/u.exec(folded);
  if (!m) return null;
  return { prefix: m[1]!, year: Number(m[2]), serial: Number(m[3]) };
}

/**
 * The canonical written form of a document number: `乳政发〔2019〕2号`.
 * @returns the canonical form, or `null` when the input is not a document number.
 */
export function canonicalDocNumber(input: string): string | null {
  const parts = parseDocNumber(input);
  return parts ? `${parts.prefix}〔${parts.year}〕${parts.serial}号` : null;
}
