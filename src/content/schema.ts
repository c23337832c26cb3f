import { z } from "zod";
import { printSettings } from "./print-settings.ts";
import { parseCalendarDate } from "./calendar-date.ts";
import { canonicalDocNumber } from "./doc-number.ts";
import { bilingualText as bi } from "../i18n/index.ts";

/**
 * Front-matter and metadata schemas. Unknown keys are stripped here and reported as warnings
 * with a suggestion by `checks/unknown-fields.ts`. Each field carries its Chinese term; the editors' guide
 * (issues/README.md) documents the same fields for editors. Error messages are Chinese/English
 * pairs (`bilingualText`), read back by `checks/field-shapes.ts`.
 */

const text = (what: string) =>
  z.string({ error: bi("应为文字", `must be text (${what})`) }).trim().min(1, { error: bi("不能为空", `must not be empty (${what})`) });

const calendarDate = z
  .string({ error: bi("应为日期，如 2019-04-10（不带时间）", "must be a calendar date like 2019-04-10 (write it unquoted or quoted, without a time)") })
  .refine((v) => parseCalendarDate(v) !== null, {
    error: (iss) =>
      /^\d{4}-\d{2}-\d{2}[T ]/.test(String(iss.input))
        ? bi(`应为不带时间和时区的日期，现为“${String(iss.input)}”（日期不会换算成另一天）`, `must be a calendar date without a time or time zone, got "${String(iss.input)}" (it is never shifted to another day)`)
        : bi(`应为真实存在的日期，如 2019-04-10，现为“${String(iss.input)}”`, `must be a real calendar date like 2019-04-10, got "${String(iss.input)}"`),
  });

const docNumber = z.string({ error: bi("应为发文字号，如 乳政发〔2019〕2号", "must be a document number like 乳政发〔2019〕2号") }).transform((v, ctx) => {
  const canonical = canonicalDocNumber(v);
  if (canonical === null) {
    ctx.addIssue({ code: "custom", message: bi(`应为发文字号，如 乳政发〔2019〕2号，现为“${v}”`, `must be a document number like 乳政发〔2019〕2号, got "${v}"`) });
    return z.NEVER;
  }
  return canonical;
});

/** One value or a YAML list of values, always read as a list. */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || Array.isArray(v) ? v : [v]),
    z.array(item).min(1, { error: bi("至少要写一个值", "must list at least one value") }),
  );

/** 公开方式 — publication status. Only `public` and `on-request` documents reach the site. */
export const PUBLICATION = ["public", "on-request", "withheld", "draft"] as const;
export type Publication = (typeof PUBLICATION)[number];

/** Chinese labels for the publication statuses, as shown to readers. */
export const PUBLICATION_LABEL: Record<Publication, string> = {
  public: "主动公开",
  "on-request": "依申请公开",
  withheld: "不予公开",
  draft: "未发布",
};

/**
 * 有效性 — validity of a document, when known: `valid` 有效, `amended` 已修改 (in force as amended
 * by a later document), `repealed` 已废止, `expired` 已失效 (its term of validity has passed).
 */
export const VALIDITY = ["valid", "amended", "repealed", "expired"] as const;
export type Validity = (typeof VALIDITY)[number];

/** Chinese labels for the validity values, as shown to readers and in the search filter. */
export const VALIDITY_LABEL: Record<Validity, string> = { valid: "有效", amended: "已修改", repealed: "已废止", expired: "已失效" };

/** Front matter of one document (公文). */
export const documentFrontMatter = z.object({
  /** 标题 — full title as printed. */
  title: text("标题 title"),
  /** 发文字号 — document number(s); absent for items that have none. */
  docNumber: oneOrMany(docNumber).optional(),
  /** 发文机关 — issuer, or a list of issuers for a joint document. */
  issuer: oneOrMany(text("发文机关 issuer")),
  /** 成文日期 — date of the document, a calendar date YYYY-MM-DD; leave it out only when the source gives none. */
  date: calendarDate.optional(),
  /** 公开方式 — publication status. */
  publication: z.enum(PUBLICATION, {
    error: (iss) => bi(`只能是 ${PUBLICATION.join("、")} 之一，现为“${String(iss.input)}”`, `must be one of ${PUBLICATION.join(", ")}, got "${String(iss.input)}"`),
  }),
  /** 栏目 — section of the gazette issue; one of the issue's `sections`. */
  section: text("栏目 section"),
  /** 施行日期 — first day in force (validFrom), a calendar date; optional. */
  validFrom: calendarDate.optional(),
  /** 有效期至 — last day in force (validUntil, inclusive), a calendar date; optional. */
  validUntil: calendarDate.optional(),
  /** 废止文件 — document number of the document that repealed this one (repealedBy). */
  repealedBy: docNumber.optional(),
  /** 修改文件 — document number(s) of the documents that amended this one (amendedBy). */
  amendedBy: oneOrMany(docNumber).optional(),
  /**
   * 有效性 — manual override of the computed validity (see `src/relations/validity-status.ts`), for
   * what validFrom/validUntil/repealedBy/amendedBy cannot say (e.g. repealed by a document without
   * a number). Prefer those fields: they keep the status right as time passes.
   */
  validity: z
    .enum(VALIDITY, { error: (iss) => bi(`只能是 ${VALIDITY.join("、")} 之一，现为“${String(iss.input)}”`, `must be one of ${VALIDITY.join(", ")}, got "${String(iss.input)}"`) })
    .optional(),
  /** 原刊页码 — page in the printed issue. */
  page: z.number({ error: bi("应为页码（整数），如 12", "must be a page number like 12") }).int().positive().optional(),
  /** 原件页 — page of the issue's original PDF (`original.pdf` beside issue.yml) where the document starts; written by `npm run import` from a PDF. */
  pdfPage: z.number({ error: bi("应为页码（整数），如 12", "must be a page number like 12") }).int().positive().optional(),
});
export type DocumentFrontMatter = z.output<typeof documentFrontMatter>;

/** Metadata of one gazette issue (期), written once in `issues/<YYYY-NN>/issue.yml`. */
export const issueMetadata = z.object({
  /** 刊名 — gazette name. */
  gazette: text("刊名 gazette"),
  /** 年份 — year of the issue. */
  year: z.number({ error: bi("应为四位数的年份，如 2019", "must be a year like 2019") }).int().min(1949).max(2999),
  /** 期号 — issue number within the year. */
  number: z.number({ error: bi("应为期号（整数），如 2", "must be an issue number like 2") }).int().positive(),
  /** 出版日期 — publication date, when known. */
  published: calendarDate.optional(),
  /** 总期号 — running number over all years (总第N期), printed on the cover when known. */
  total: z.number({ error: bi("应为总期号（整数），如 25（总第25期）", "must be a running issue number like 25 (总第25期)") }).int().positive().optional(),
  /** 刊期 — frequency, e.g. 季刊, 月刊. */
  frequency: text("刊期 frequency"),
  /** 主办 — publisher. */
  publisher: text("主办 publisher"),
  /** 栏目 — the issue's sections in printed order. */
  sections: z.array(text("栏目 section"), { error: bi("应按印刷顺序逐行列出栏目", "must list the sections in printed order") }).min(1, { error: bi("至少要列出一个栏目", "must list at least one section") }),
});
export type IssueMetadata = z.output<typeof issueMetadata>;

/** Site-wide settings, written once in `issues/archive.yml`. */
export const archiveSettings = z.object({
  /** 网站名称 — name of the archive site, usually the gazette name. */
  title: text("网站名称 title"),
  /** 主办 — publisher of the archive. */
  publisher: text("主办 publisher"),
  /** 网址 — public base URL, e.g. https://www.rushan.gov.cn/gazette/ (optional). */
  url: z.url({ protocol: /^https?$/, error: bi("必须是以 http:// 或 https:// 开头的完整网址，如 https://example.gov.cn/gazette/", "must be a full http:// or https:// URL like https://example.gov.cn/gazette/") }).optional(),
  /** 已知发文机关 — issuers known to the archive: an issuer not listed gets a warning naming the closest (optional). */
  issuers: z.array(text("发文机关 issuer")).optional(),
  /** 语言 — language of the content (BCP 47). */
  lang: z.string().default("zh-CN"),
  /** 网站标识码 — the site code issued for government websites (政府网站标识码), 10 letters or digits. */
  siteCode: z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string({ error: bi("应为 10 位字母或数字，如 3710820001", "must be 10 letters or digits, like 3710820001") }).regex(/^[0-9A-Za-z]{10}$/, { error: bi("应为 10 位字母或数字，如 3710820001", "must be 10 letters or digits, like 3710820001") })).optional(),
  /** ICP备案号 — the MIIT filing number, e.g. 鲁ICP备05002386号 or 鲁ICP备05002386号-1. */
  icpRecord: z.string({ error: bi("应为 ICP 备案号，如 鲁ICP备05002386号", "must be an ICP filing number like 鲁ICP备05002386号") }).regex(/^\p{Script=Han}ICP备\d+号(?:-\d+)?$/u, { error: bi("应为 ICP 备案号，如 鲁ICP备05002386号（省份简称＋ICP备＋数字＋号）", "must be an ICP filing number like 鲁ICP备05002386号") }).optional(),
  /** 公安机关备案号 — the public-security filing number, e.g. 鲁公网安备37108202000123号. */
  policeRecord: z.string({ error: bi("应为公安机关备案号，如 鲁公网安备37108202000123号", "must be a public-security filing number like 鲁公网安备37108202000123号") }).regex(/^\p{Script=Han}公网安备\s?\d+号$/u, { error: bi("应为公安机关备案号，如 鲁公网安备37108202000123号（省份简称＋公网安备＋数字＋号）", "must be a public-security filing number like 鲁公网安备37108202000123号") }).optional(),
  /** 党政机关网站标识 — address of the site's 党政机关 identification page (issued by the 机构编制 office), https. */
  partyGovLink: z.url({ protocol: /^https$/, error: bi("应为以 https:// 开头的完整网址（党政机关网站标识的验证页面）", "must be a full https:// address (the 党政机关 identification page)") }).optional(),
  /** 承办 — the office that runs the site for the publisher. */
  organizer: text("承办 organizer").optional(),
  /** 联系方式 — contact line shown in the footer, e.g. 电话 0631-6652345　邮箱 …. */
  contact: text("联系方式 contact").optional(),
  /** 纠错 — address where readers report errors (政府网站找错 or the site's own form), https or mailto. */
  errorReport: z.url({ protocol: /^(?:https|mailto)$/, error: bi("应为以 https:// 或 mailto: 开头的网址（读者纠错的页面或邮箱）", "must be an https:// or mailto: address (where readers report errors)") }).optional(),
  /** 提示语言 — language of what the commands print (`zh` by default; `en` for English). */
  messages: z.enum(["zh", "en"], { error: bi("只能是 zh（中文）或 en（英文）", "must be zh or en") }).optional(),
  /** 限制 — size limits of the content, checked by `npm run check` (see `checkLimits`). */
  limits: z
    .object({
      /** 正文上限 — most bytes (UTF-8) of one document's text after its front matter (default 2 MB). */
      bodyBytes: z.number({ error: bi("应为字节数，如 2000000", "must be a number of bytes, e.g. 2000000") }).int().positive().optional(),
      /** 标题上限 — most characters of a document's title (default 500). */
      titleChars: z.number({ error: bi("应为字数，如 500", "must be a number of characters, e.g. 500") }).int().positive().optional(),
    })
    .optional(),
  /** 印刷设置 — press PDF and back cover (optional, see print-settings.ts). */
  print: printSettings.optional(),
});
export type ArchiveSettings = z.output<typeof archiveSettings>;
