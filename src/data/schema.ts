/**
 * JSON Schema (draft 2020-12) of the open data: `data/documents.json` (an array of document
 * records) and `data/issues/<key>.json` (one gazette issue). Written to `data/schema.json`;
 * README.md documents the same fields. Keep in step with `DocumentRecord` and `IssueRecord`.
 */
export const OPEN_DATA_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Gazette archive open data",
  description:
    "documents.json is an array of DocumentRecord; issues/<key>.json is an IssueRecord. Only published documents (public, on-request) are listed; withheld and draft documents never appear.",
  $defs: {
    DocumentRecord: {
      type: "object",
      additionalProperties: false,
      required: ["title", "docNumbers", "issuers", "date", "publication", "textPublished", "section", "page", "issue", "gazette", "issueLabel", "url"],
      properties: {
        title: { type: "string", description: "标题 title as printed" },
        docNumbers: { type: "array", items: { type: "string" }, description: "发文字号 document numbers, 〔〕 form; empty when none" },
        issuers: { type: "array", items: { type: "string" }, minItems: 1, description: "发文机关 issuers" },
        date: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "成文日期 date of the document (calendar date)" },
        publication: { enum: ["public", "on-request"], description: "公开方式: public 主动公开, on-request 依申请公开" },
        textPublished: { type: "boolean", description: "true when the full text is on the document page" },
        section: { type: "string", description: "栏目 section of the gazette issue" },
        page: { type: ["integer", "null"], description: "原刊页码 page in the printed issue" },
        issue: { type: "string", pattern: "^\\d{4}-\\d{2}$", description: "key of the gazette issue, YYYY-NN" },
        gazette: { type: "string", description: "刊名 gazette name" },
        issueLabel: { type: "string", description: "期次 e.g. 2019年第2期" },
        url: { type: "string", description: "document page; absolute when the archive's url is set, else a path from the host root" },
      },
    },
    IssueRecord: {
      type: "object",
      additionalProperties: false,
      required: ["key", "gazette", "year", "number", "label", "frequency", "publisher", "published", "sections", "url", "documents"],
      properties: {
        key: { type: "string", pattern: "^\\d{4}-\\d{2}$" },
        gazette: { type: "string", description: "刊名" },
        year: { type: "integer" },
        number: { type: "integer", description: "期号 within the year" },
        label: { type: "string", description: "e.g. 2019年第2期" },
        frequency: { type: "string", description: "刊期 e.g. 季刊" },
        publisher: { type: "string", description: "主办" },
        published: { type: ["string", "null"], description: "出版日期 YYYY-MM-DD" },
        sections: { type: "array", items: { type: "string" }, description: "栏目 in printed order" },
        url: { type: "string" },
        documents: { type: "array", items: { $ref: "#/$defs/DocumentRecord" } },
      },
    },
  },
  oneOf: [{ type: "array", items: { $ref: "#/$defs/DocumentRecord" } }, { $ref: "#/$defs/IssueRecord" }],
} as const;
