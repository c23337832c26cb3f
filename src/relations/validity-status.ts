import { DateTime } from "luxon";
import { formatChineseDate, parseCalendarDate } from "../content/calendar-date.ts";
import { VALIDITY_LABEL, type Validity } from "../content/schema.ts";
import { EditorError } from "../i18n/index.ts";

/** 有效性 statuses shown to readers: the four of `VALIDITY` and `unknown` (未标注). */
export type ValidityStatus = Validity | "unknown";

/** Chinese labels of the statuses, as shown on the page and in the search filter. */
export const VALIDITY_STATUS_LABEL: Record<ValidityStatus, string> = { ...VALIDITY_LABEL, unknown: "未标注" };

/**
 * schema.org `legislationLegalForce` (https://schema.org/LegalForceStatus) of each status:
 * 有效 InForce, 已修改 PartiallyInForce (in force as amended), 已废止 and 已失效 NotInForce;
 * nothing for 未标注.
 */
export const LEGAL_FORCE: Record<ValidityStatus, string | null> = {
  valid: "https://schema.org/InForce",
  amended: "https://schema.org/PartiallyInForce",
  repealed: "https://schema.org/NotInForce",
  expired: "https://schema.org/NotInForce",
  unknown: null,
};

/** The validity fields of a document's front matter (document numbers in canonical form). */
export interface ValidityFields {
  validFrom?: string;
  validUntil?: string;
  repealedBy?: string;
  amendedBy?: string[];
  /** Manual override `validity:` (kept for what the fields cannot say). */
  validity?: Validity;
}

/** A computed 有效性: status, its label and the reason shown beside it. */
export interface ValidityResult {
  status: ValidityStatus;
  label: string;
  /** e.g. `有效期至2022年12月31日`, `已被乳政发〔2020〕1号废止`, `未标注有效期或废止、修改信息`. */
  reason: string;
}

/**
 * Computes the 有效性 of a document on the as-of date, first rule that applies:
 * 1. `validity` written by the editor (manual override) — reason 编者标注;
 * 2. `repealedBy` → 已废止;
 * 3. `validUntil` before the as-of date → 已失效 (the term 有效期至 includes its last day);
 * 4. `amendedBy` → 已修改;
 * 5. `validFrom` after the as-of date → 未标注 with reason 尚未施行 (not yet in force);
 * 6. `validFrom` or `validUntil` given → 有效;
 * 7. nothing known → 未标注.
 * @param asOf calendar date `YYYY-MM-DD` the status is computed for (see {@link asOfDate}).
 * @example validityStatus({ validUntil: "2022-12-31" }, "2023-01-01").label // "已失效"
 */
export function validityStatus(fields: ValidityFields, asOf: string): ValidityResult {
  const result = (status: ValidityStatus, reason: string): ValidityResult => ({ status, label: VALIDITY_STATUS_LABEL[status], reason });
  if (fields.validity) return result(fields.validity, "编者标注");
  if (fields.repealedBy) return result("repealed", `已被${fields.repealedBy}废止`);
  if (fields.validUntil && fields.validUntil < asOf) return result("expired", `有效期至${formatChineseDate(fields.validUntil)}`);
  if (fields.amendedBy?.length) return result("amended", `已被${fields.amendedBy.join("、")}修改`);
  if (fields.validFrom && fields.validFrom > asOf) return result("unknown", `尚未施行，自${formatChineseDate(fields.validFrom)}起施行`);
  if (fields.validUntil) return result("valid", `有效期至${formatChineseDate(fields.validUntil)}`);
  if (fields.validFrom) return result("valid", `自${formatChineseDate(fields.validFrom)}起施行`);
  return result("unknown", "未标注有效期或废止、修改信息");
}

/** Time zone of the archive's own calendar (乳山 and every Chinese gazette): the build day is taken there. */
export const ARCHIVE_TIME_ZONE = "Asia/Shanghai";

/**
 * The as-of date of a build: `given` (`YYYY-MM-DD`, the scripts pass `GAZETTE_AS_OF` from the
 * environment) when set, else the day of `now` in Asia/Shanghai — never the machine's time zone,
 * so builds on the same day are byte-identical in every time zone.
 * @param given the date asked for, or undefined/"" for today.
 * @param now the current instant (default: now), for tests.
 * @throws Error when `given` is not a calendar date.
 */
export function asOfDate(given?: string, now: Date = new Date()): string {
  if (given !== undefined && given !== "") {
    if (parseCalendarDate(given) === null) throw new EditorError({ zh: `GAZETTE_AS_OF 应为日期，如 2026-11-29，现为“${given}”：设为计算有效性所依据的日期，或删去这个设置以使用北京时间的今天`, en: `GAZETTE_AS_OF must be a calendar date like 2026-11-29, got "${given}" — set it to the day the validity statuses are computed for, or unset it to use today in ${ARCHIVE_TIME_ZONE}` });
    return given;
  }
  return DateTime.fromJSDate(now).setZone(ARCHIVE_TIME_ZONE).toISODate()!;
}
