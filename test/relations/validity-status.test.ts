import { test } from "uvu";
import * as assert from "uvu/assert";
import { asOfDate, validityStatus, type ValidityFields } from "../../src/relations/index.ts";

/** Fields × as-of date → status label and reason. */
const cases: [fields: ValidityFields, asOf: string, label: string, reason: string][] = [
  [{ validUntil: "2022-12-31" }, "2022-12-30", "有效", "有效期至2022年12月31日"],
  [{ validUntil: "2022-12-31" }, "2022-12-31", "有效", "有效期至2022年12月31日"],
  [{ validUntil: "2022-12-31" }, "2023-01-01", "已失效", "有效期至2022年12月31日"],
  [{ validUntil: "2022-12-31" }, "2026-11-29", "已失效", "有效期至2022年12月31日"],
  [{ validFrom: "2020-01-01" }, "2019-12-31", "未标注", "尚未施行，自2020年1月1日起施行"],
  [{ validFrom: "2020-01-01" }, "2020-01-01", "有效", "自2020年1月1日起施行"],
  [{ validFrom: "2020-01-01", validUntil: "2020-12-31" }, "2021-01-01", "已失效", "有效期至2020年12月31日"],
  [{ repealedBy: "乳政发〔2020〕1号", validUntil: "2030-12-31" }, "2026-11-29", "已废止", "已被乳政发〔2020〕1号废止"],
  [{ repealedBy: "乳政发〔2020〕1号", validUntil: "2022-12-31" }, "2026-11-29", "已废止", "已被乳政发〔2020〕1号废止"],
  [{ amendedBy: ["乳政发〔2020〕1号", "乳政发〔2021〕3号"] }, "2026-11-29", "已修改", "已被乳政发〔2020〕1号、乳政发〔2021〕3号修改"],
  [{ amendedBy: ["乳政发〔2020〕1号"], validUntil: "2022-12-31" }, "2022-12-31", "已修改", "已被乳政发〔2020〕1号修改"],
  [{ amendedBy: ["乳政发〔2020〕1号"], validUntil: "2022-12-31" }, "2023-01-01", "已失效", "有效期至2022年12月31日"],
  [{ validity: "repealed" }, "2026-11-29", "已废止", "编者标注"],
  [{ validity: "valid", validUntil: "2022-12-31" }, "2026-11-29", "有效", "编者标注"],
  [{}, "2026-11-29", "未标注", "未标注有效期或废止、修改信息"],
];

for (const [fields, asOf, label, reason] of cases) {
  test(`${JSON.stringify(fields)} on ${asOf} is ${label} (${reason})`, () => {
    const r = validityStatus(fields, asOf);
    assert.is(r.label, label);
    assert.is(r.reason, reason);
  });
}

test("the as-of date is GAZETTE_AS_OF when set, else the day in Asia/Shanghai whatever the machine's zone", () => {
  assert.is(asOfDate("2023-01-01"), "2023-01-01");
  // 2026-11-29 17:30 UTC is already 2026-11-30 01:30 in Shanghai (and still the 29th in Los Angeles).
  const saved = process.env.TZ;
  process.env.TZ = "America/Los_Angeles";
  try {
    assert.is(asOfDate(undefined, new Date("2026-11-29T17:30:00Z")), "2026-11-30");
    assert.is(asOfDate(undefined, new Date("2026-11-29T15:59:59Z")), "2026-11-29");
  } finally {
    process.env.TZ = saved;
  }
});

test("a GAZETTE_AS_OF that is not a calendar date is a clear error", () => {
  assert.throws(() => asOfDate("2023-02-30"), /GAZETTE_AS_OF 应为日期，如 2026-11-29，现为“2023-02-30”/);
});

test.run();
