import * as OpenCC from "opencc-js";

const toCn = OpenCC.Converter({ from: "tw", to: "cn" });

/**
 * Converts Traditional Chinese text to Simplified (OpenCC, Taiwan standard → mainland) for
 * recognising keywords and metadata only: document text itself is never converted.
 */
export function toSimplified(text: string): string {
  return toCn(text);
}

/**
 * True when at least 2 % of the Han characters of `text` (and at least 5) change when converted
 * to Simplified, i.e. the text is printed in Traditional characters.
 */
export function isTraditional(text: string): boolean {
  const simplified = toSimplified(text);
  let han = 0;
  let changed = 0;
  const a = [...text];
  const b = [...simplified];
  if (a.length !== b.length) return true;
  a.forEach((ch, i) => {
    if (/\p{Script=Han}/u.test(ch)) {
      han++;
      if (ch !== b[i]) changed++;
    }
  });
  return changed >= 5 && changed >= han * 0.02;
}
