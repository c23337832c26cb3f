import { test } from "uvu";
import * as assert from "uvu/assert";
import { DateTime } from "luxon";
import { formatChineseDate, parseCalendarDate } from "../../src/content/index.ts";

test("accepts real calendar dates and rejects impossible or time-bearing ones", () => {
  const rows: [string, string | null][] = [
    ["2019-04-10", "2019-04-10"],
    ["2020-02-29", "2020-02-29"],
    ["2019-02-29", null],
    ["2019-02-30", null],
    ["2019-13-01", null],
    ["2019-4-10", null],
    ["2019-04-10T00:00:00Z", null],
    ["2019-04-10 08:00", null],
    ["20190410", null],
    ["", null],
  ];
  for (const [input, expected] of rows) assert.is(parseCalendarDate(input), expected, input);
});

test("decides every day of sample years (leap rules of 1600, 1900, 2000, 2100 among them) as luxon's ISO parse does", () => {
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  for (const year of [0, 4, 100, 1600, 1700, 1899, 1900, 1999, 2000, 2019, 2020, 2023, 2024, 2100, 2400, 9999]) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) {
        const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
        const parsed = DateTime.fromISO(value, { zone: "utc" });
        assert.is(parseCalendarDate(value), parsed.isValid && parsed.toISODate() === value ? value : null, value);
      }
    }
  }
});

test("formats a calendar date the Chinese way without leading zeros", () => {
  assert.is(formatChineseDate("2019-04-10"), "2019年4月10日");
  assert.is(formatChineseDate("2019-12-01"), "2019年12月1日");
});

test("formats the same day in every time zone", () => {
  const saved = process.env.TZ;
  for (const tz of ["UTC", "America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati"]) {
    process.env.TZ = tz;
    assert.is(formatChineseDate("2019-04-10"), "2019年4月10日", tz);
  }
  process.env.TZ = saved;
});

test("throws on a value that is not a calendar date", () => {
  assert.throws(() => formatChineseDate("2019-02-30"), /not a calendar date/);
});

test.run();
