import { isDateLine, parseChineseDate } from "../chinese-date.ts";
import type { Finding } from "../finding.ts";

/**
 * Warns when the date printed under the signature (the `::: signature` block's date line) is not
 * the document's 成文日期 `date:`. GB/T 9704-2012 §7.3.5: the 成文日期 is the date under the
 * 署名, so one of the two was typed wrong. The first signature block decides (attachments may have
 * their own); a date line that is no real day is left to the date rule of the front matter.
 * @param date the front matter's `date` (`YYYY-MM-DD`), when it could be read.
 * @param bodyLine 1-based line of the file where the body starts.
 */
export function checkSignatureDate(body: string, date: string | undefined, file: string, bodyLine: number): Finding[] {
  // A date: that is not YYYY-MM-DD has its own error; compared with it, every date would differ.
  if (!date || !/^\d{4}-\d{2}-\d{2}$/u.test(date) || !body.includes("signature")) return [];
  const lines = body.split(/\r?\n/);
  // `::: signature` or `:::signature`, as the container plugin reads both.
  const start = lines.findIndex((l) => /^\s*:::\s*signature\s*$/u.test(l));
  if (start < 0) return [];
  for (let i = start + 1; i < lines.length && !/^\s*:::\s*$/u.test(lines[i]!); i++) {
    if (!isDateLine(lines[i]!)) continue;
    const printed = parseChineseDate(lines[i]!.replace(/[\s*　]/gu, ""));
    if (!printed || printed === date) return [];
    const shown = lines[i]!.trim();
    return [
      {
        file,
        line: bodyLine + i,
        column: lines[i]!.indexOf(shown) + 1,
        severity: "warning",
        message: `署名下的日期“${shown}”与成文日期（date）${date} 不一致`,
        fix: `对照印刷本核对：成文日期就是署名下的日期（GB/T 9704-2012 §7.3.5），改正写错的一处（署名下的日期为 ${printed}）`,
        en: { message: `the date under the signature, "${shown}", is not the document's date (date) ${date}`, fix: `check against the printed issue: the document's date is the date under the signature (GB/T 9704-2012 §7.3.5); correct the one that is wrong (the signature says ${printed})` },
      },
    ];
  }
  return [];
}
