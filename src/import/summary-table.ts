import { FIELD_LABEL } from "../content/checks/field-shapes.ts";
import type { ImportResult } from "./import-dump.ts";

/**
 * The table `npm run import` prints: one row per document with file, page, section, document
 * number, date, issuer, publication status and the fields to check (待核).
 */
export function formatSummaryTable(result: ImportResult): string {
  const header = ["文件", "页", "栏目", "发文字号", "成文日期", "发文机关", "公开方式", "待核"];
  const rows = result.documents.map((d) => [
    `${d.slug}.md`,
    String(d.fields.page),
    d.fields.section,
    d.fields.docNumbers.join("、") || "—",
    d.fields.date || "—",
    d.fields.issuers?.join("；") ?? (d.fields.issuer || "—"),
    d.fields.publication,
    Object.keys(d.fields.unsure).map((k) => FIELD_LABEL[k] ?? k).join("、") || "—",
  ]);
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uFFFF]/u.test(ch) ? 2 : 1), 0);
  const cols = header.map((_, i) => Math.max(...[header, ...rows].map((r) => width(r[i]!))));
  const fmt = (r: string[]) => r.map((c, i) => c + " ".repeat(cols[i]! - width(c))).join("  ").trimEnd();
  return [fmt(header), cols.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt)].join("\n");
}
