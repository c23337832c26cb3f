/**
 * Checks that `value` is a calendar date written `YYYY-MM-DD` that exists (2019-02-30 does not).
 * A calendar date has no time and no zone: it is kept as the string itself, so the same day is
 * shown whatever time zone the build runs in.
 * @returns the date string unchanged, or `null` when it is not a real calendar date.
 * @example parseCalendarDate("2019-04-10") // "2019-04-10"
 * @example parseCalendarDate("2019-02-30") // null
 */
export function parseCalendarDate(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  // The Gregorian calendar's rule, as ISO 8601 and luxon apply it (a test compares with luxon;
  // luxon's parse was a noticeable part of the content checks).
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days ? value : null;
}

/**
 * Formats a calendar date `YYYY-MM-DD` the way Chinese official documents write it
 * (GB/T 9704-2012 §7.3.5.1: Arabic numerals, no leading zeros): `2019年4月10日`.
 * @throws Error when `date` is not a valid calendar date.
 */
export function formatChineseDate(date: string): string {
  const valid = parseCalendarDate(date);
  if (valid === null) throw new Error(`not a calendar date: "${date}"`);
  const [y, m, d] = valid.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
