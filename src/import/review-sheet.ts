import type { ImportedDocument } from "./imported.ts";
import type { FieldName } from "./infer-fields.ts";
import { FIELD_LABEL } from "../content/checks/field-shapes.ts";

/** The fields of a review sheet, in its row order; their names are the editors' ({@link FIELD_LABEL}). */
const FIELDS: readonly FieldName[] = ["title", "docNumber", "issuer", "date", "publication", "section", "page", "pdfPage", "validUntil"];

function valueOf(d: ImportedDocument, field: FieldName): string {
  const f = d.fields;
  switch (field) {
    case "docNumber":
      return f.docNumbers.join("、") || "—";
    case "page":
      return f.page > 0 ? String(f.page) : "—";
    case "pdfPage":
      return f.pdfPage === undefined ? "—" : String(f.pdfPage);
    case "issuer":
      return f.issuers ? f.issuers.join("；") : f.issuer || "—";
    case "validUntil":
      return f.validUntil ?? "—";
    default:
      return String(f[field] || "—");
  }
}

/**
 * The review sheet of an import (核对单), in Chinese: one row per inferred field of every
 * document, with its value, the evidence it was read from (the printed line and where it
 * stands) and, for a value marked `# 待核`, why. An editor checks it against the print in one
 * pass. Markdown, written beside the issue as `_review.md` and printed by `npm run import`.
 */
export function formatReviewSheet(documents: readonly ImportedDocument[], heading: string): string {
  const out = [`# 导入核对单：${heading}`, "", "逐件核对下表各字段与原件是否一致。“待核”一栏有内容的字段在文件中标有 `# 待核`，核对无误后删去该注释；其余字段取自原件明确载明之处（署名、版头、文号行、目录），也请顺带核对。", ""];
  for (const d of documents) {
    out.push(`## \`${d.slug}.md\`　${d.fields.title}`, "", "| 字段 | 值 | 依据 | 待核 |", "| --- | --- | --- | --- |");
    for (const field of FIELDS) {
      const evidence = d.fields.evidence[field];
      if (evidence === undefined && d.fields.unsure[field] === undefined) continue;
      const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
      out.push(`| ${FIELD_LABEL[field] ?? field} | ${cell(valueOf(d, field))} | ${cell(evidence ?? "—")} | ${cell(d.fields.unsure[field] ?? "")} |`);
    }
    out.push("");
  }
  return out.join("\n");
}
