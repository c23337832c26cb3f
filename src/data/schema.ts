import { z } from "zod";

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * One published document as open data (`data/documents.json`, `data/documents.csv`, and the
 * `documents` of each `data/issues/<key>.json`). Only `public` and `on-request` documents exist
 * here. The JSON Schema in `data/schema.json` is generated from this, and README.md documents it.
 */
export const documentRecordSchema = z.strictObject({
  title: z.string().describe("标题 title as printed"),
  docNumbers: z.array(z.string()).describe("发文字号 document numbers, 〔〕 form; empty when none"),
  issuers: z.array(z.string()).min(1).describe("发文机关 issuers"),
  date: calendarDate.nullable().describe("成文日期 date of the document, YYYY-MM-DD (a calendar date, no time zone), or null when the source gives none"),
  publication: z.enum(["public", "on-request"]).describe("公开方式: public 主动公开, on-request 依申请公开 (text not on the site)"),
  textPublished: z.boolean().describe("true when the full text is on the document page"),
  section: z.string().describe("栏目 section of the gazette issue"),
  page: z.number().int().positive().nullable().describe("原刊页码 page in the printed issue, or null"),
  issue: z.string().regex(/^\d{4}-\d{2}$/).describe("key of the gazette issue, YYYY-NN"),
  gazette: z.string().describe("刊名 gazette name"),
  issueLabel: z.string().describe("期次, e.g. 2019年第2期"),
  url: z.string().describe("document page: absolute when the archive's url is set, else a path from the host root"),
  validity: z.enum(["valid", "amended", "repealed", "expired", "unknown"]).describe("有效性 on the build's as-of date (see citations.json asOf): valid 有效, amended 已修改, repealed 已废止, expired 已失效, unknown 未标注"),
});
export type DocumentRecord = z.output<typeof documentRecordSchema>;

/** One gazette issue as open data (`data/issues/<key>.json`). */
export const issueRecordSchema = z.strictObject({
  key: z.string().regex(/^\d{4}-\d{2}$/).describe("key of the gazette issue, YYYY-NN"),
  gazette: z.string().describe("刊名 gazette name"),
  year: z.number().int().describe("年份"),
  number: z.number().int().positive().describe("期号 within the year"),
  label: z.string().describe("期次, e.g. 2019年第2期"),
  frequency: z.string().describe("刊期, e.g. 季刊"),
  publisher: z.string().describe("主办 publisher"),
  published: calendarDate.nullable().describe("出版日期 YYYY-MM-DD, or null when not known"),
  sections: z.array(z.string()).describe("栏目 with published documents, in printed order"),
  url: z.string().describe("issue page: absolute when the archive's url is set, else a path from the host root"),
  documents: z.array(documentRecordSchema).describe("published documents in table-of-contents order"),
});
export type IssueRecord = z.output<typeof issueRecordSchema>;

/** `citations.json`: the citation graph of the published texts. */
export const citationsFileSchema = z.strictObject({
  asOf: calendarDate.describe("build's as-of date, YYYY-MM-DD"),
  citations: z
    .array(
      z.strictObject({
        from: z.array(z.string()).describe("document numbers of the citing document"),
        fromUrl: z.string().describe("page of the citing document"),
        to: z.string().describe("cited document number, 〔〕 form"),
        toUrl: z.string().nullable().describe("page of the cited document, or null when it is not in the archive"),
        inArchive: z.boolean().describe("true when the cited document is a published document of the archive"),
      }),
    )
    .describe("every document number cited in a published text (its own numbers excepted), once per citing document, in text order"),
});
export type CitationsFile = z.output<typeof citationsFileSchema>;

const historyEntry = z.strictObject({
  date: calendarDate.describe("date of the revision, YYYY-MM-DD"),
  description: z.string().describe("what changed, in Chinese, from the change itself (e.g. 更正发文字号；正文修改3处), with the editor's 修订说明 when given"),
});

/** `history.json`: when each published document was added to the archive and every change since. */
export const historyFileSchema = z.strictObject({
  available: z.boolean().describe("false when the site was built outside a git checkout (then documents is empty)"),
  reason: z.string().nullable().describe("why the history is unavailable, or null"),
  documents: z.array(
    z.strictObject({
      url: z.string().describe("document page"),
      docNumbers: z.array(z.string()).describe("发文字号"),
      added: calendarDate.nullable().describe("收录日期: the issue's publication date when known, else the date the document was first published; null when not yet committed"),
      changes: z.array(historyEntry).describe("修订记录: content changes while the document was published, oldest first (no withheld or draft states, no removed text)"),
    }),
  ),
});
export type HistoryFile = z.output<typeof historyFileSchema>;

/** `documents.json`: every published document, newest gazette issue first. */
export const documentsFileSchema = z.array(documentRecordSchema);

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12" }) as Record<string, unknown>;
  return rest;
}

/**
 * JSON Schema (draft 2020-12) of the open data, written to `data/schema.json`: `documents.json`
 * is an array of `DocumentRecord`, `issues/<key>.json` an `IssueRecord`. Generated from the zod
 * schemas above, so the files and their documentation cannot drift apart.
 */
export const OPEN_DATA_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Gazette archive open data",
  description:
    "documents.json is an array of DocumentRecord; issues/<key>.json is an IssueRecord; citations.json a CitationsFile; history.json a HistoryFile. Only published documents (public, on-request) are listed; withheld and draft documents never appear.",
  $defs: {
    DocumentRecord: jsonSchemaOf(documentRecordSchema),
    IssueRecord: jsonSchemaOf(issueRecordSchema),
    CitationsFile: jsonSchemaOf(citationsFileSchema),
    HistoryFile: jsonSchemaOf(historyFileSchema),
  },
  oneOf: [
    { type: "array", items: { $ref: "#/$defs/DocumentRecord" } },
    { $ref: "#/$defs/IssueRecord" },
    { $ref: "#/$defs/CitationsFile" },
    { $ref: "#/$defs/HistoryFile" },
  ],
};
