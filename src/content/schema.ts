import { z } from "zod";
import { parseCalendarDate } from "./calendar-date.ts";
import { canonicalDocNumber } from "./doc-number.ts";

/**
 * Front-matter and metadata schemas. Unknown keys are stripped here and reported as warnings
 * with a suggestion by `checks/unknown-fields.ts`. Each field carries its Chinese term; the editors' guide
 * (issues/README.md) documents the same fields for editors.
 */

const text = (what: string) =>
  z.string({ error: `must be text (${what})` }).trim().min(1, { error: `must not be empty (${what})` });

const calendarDate = z
  .string({ error: "must be a calendar date like 2019-04-10 (write it unquoted or quoted, without a time)" })
  .refine((v) => parseCalendarDate(v) !== null, {
    error: (iss) =>
      /^\d{4}-\d{2}-\d{2}[T ]/.test(String(iss.input))
        ? `must be a calendar date without a time or time zone, got "${String(iss.input)}" (it is never shifted to another day)`
        : `must be a real calendar date like 2019-04-10, got "${String(iss.input)}"`,
  });

const docNumber = z.string({ error: "must be a document number like 乳政发〔2019〕2号" }).transform((v, ctx) => {
  const canonical = canonicalDocNumber(v);
  if (canonical === null) {
    ctx.addIssue({ code: "custom", message: `must be a document number like 乳政发〔2019〕2号, got "${v}"` });
    return z.NEVER;
  }
  return canonical;
});

/** One value or a YAML list of values, always read as a list. */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || Array.isArray(v) ? v : [v]),
    z.array(item).min(1, { error: "must list at least one value" }),
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
    error: (iss) => `must be one of ${PUBLICATION.join(", ")}, got "${String(iss.input)}"`,
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
    .enum(VALIDITY, { error: (iss) => `must be one of ${VALIDITY.join(", ")}, got "${String(iss.input)}"` })
    .optional(),
  /** 原刊页码 — page in the printed issue. */
  page: z.number({ error: "must be a page number like 12" }).int().positive().optional(),
  /** 原件页 — page of the issue's original PDF (`original.pdf` beside issue.yml) where the document starts; written by `npm run import` from a PDF. */
  pdfPage: z.number({ error: "must be a page number like 12" }).int().positive().optional(),
});
export type DocumentFrontMatter = z.output<typeof documentFrontMatter>;

/** Metadata of one gazette issue (期), written once in `issues/<YYYY-NN>/issue.yml`. */
export const issueMetadata = z.object({
  /** 刊名 — gazette name. */
  gazette: text("刊名 gazette"),
  /** 年份 — year of the issue. */
  year: z.number({ error: "must be a year like 2019" }).int().min(1949).max(2999),
  /** 期号 — issue number within the year. */
  number: z.number({ error: "must be an issue number like 2" }).int().positive(),
  /** 出版日期 — publication date, when known. */
  published: calendarDate.optional(),
  /** 刊期 — frequency, e.g. 季刊, 月刊. */
  frequency: text("刊期 frequency"),
  /** 主办 — publisher. */
  publisher: text("主办 publisher"),
  /** 栏目 — the issue's sections in printed order. */
  sections: z.array(text("栏目 section"), { error: "must list the sections in printed order" }).min(1, { error: "must list at least one section" }),
});
export type IssueMetadata = z.output<typeof issueMetadata>;

/** Site-wide settings, written once in `issues/archive.yml`. */
export const archiveSettings = z.object({
  /** 网站名称 — name of the archive site, usually the gazette name. */
  title: text("网站名称 title"),
  /** 主办 — publisher of the archive. */
  publisher: text("主办 publisher"),
  /** 网址 — public base URL, e.g. https://www.rushan.gov.cn/gazette/ (optional). */
  url: z.url({ error: "must be a full URL like https://example.gov.cn/gazette/" }).optional(),
  /** 已知发文机关 — issuers known to the archive: an issuer not listed gets a warning naming the closest (optional). */
  issuers: z.array(text("发文机关 issuer")).optional(),
  /** 语言 — language of the content (BCP 47). */
  lang: z.string().default("zh-CN"),
});
export type ArchiveSettings = z.output<typeof archiveSettings>;
