import type { z } from "zod";
import type { Finding } from "../finding.ts";
import type { YamlSource } from "../yaml-source.ts";

/**
 * Validates the value of a parsed YAML file against a zod schema (field shapes: required
 * fields, types, calendar dates, allowed values) and turns every zod issue into an error
 * finding at the line of the field. YAML syntax errors of `source` are passed on as they are.
 * @returns the parsed value, or null when there was any error (syntax or shape).
 */
export function checkFieldShapes<S extends z.ZodType>(source: YamlSource, schema: S, findings: Finding[]): z.output<S> | null {
  findings.push(...source.findings);
  if (source.findings.length > 0) return null;
  const result = schema.safeParse(source.value ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = displayPath(source.value, issue.path);
    const pos = source.positionOf(issue.path);
    const value = getAt(source.value, issue.path);
    let message: string;
    let fix: string;
    if (issue.code === "invalid_type" && value === undefined) {
      message = `required field "${field}" is missing`;
      fix = `add a line ${field}: …`;
    } else if (typeof value === "boolean") {
      message = `"${field}" ${issue.message}, got the YAML value ${String(value)}`;
      fix = `quote it: ${field}: "${String(value)}"`;
    } else {
      message = `"${field}" ${issue.message}`;
      fix = fixFor(field, value);
    }
    findings.push({ file: source.file, ...pos, severity: "error", message, fix });
  }
  return null;
}

function fixFor(field: string, value: unknown): string {
  const key = field.split(".")[0];
  if (key === "date" || key === "published" || key === "validFrom" || key === "validUntil") {
    const s = String(value);
    const day = /^(\d{4})-(\d{2})-(\d{2})[T ]/.exec(s);
    if (day) return `write only the day, without time or time zone: ${key}: ${day[1]}-${day[2]}-${day[3]}`;
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return "this day does not exist; check the date against the printed document";
    const cn = /^(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?$/.exec(s);
    if (cn) return `write it year-month-day: ${key}: ${cn[1]}-${cn[2]!.padStart(2, "0")}-${cn[3]!.padStart(2, "0")}`;
    return `write the date as printed in the document, year-month-day, e.g. ${key}: 2019-04-10`;
  }
  if (key === "title") return 'write the full title as printed, e.g. title: "乳山市人民政府关于……的通知"';
  if (key === "issuer") return 'write the issuing organ as printed, e.g. issuer: "乳山市人民政府"';
  if (key === "section") return "write one of the sections listed in the issue's issue.yml";
  if (key === "publication") return "use public (主动公开), on-request (依申请公开), withheld (不予公开) or draft (未发布)";
  if (key === "validity") return "use valid (有效), amended (已修改), repealed (已废止) or expired (已失效), or leave the field out when unknown";
  if (key === "repealedBy" || key === "amendedBy") return `write the document number of the ${key === "repealedBy" ? "repealing" : "amending"} document as 机关代字〔年份〕序号号, e.g. ${key}: "乳政发〔2020〕1号"`;
  if (key === "docNumber") return 'write it as 机关代字〔年份〕序号号, e.g. docNumber: "乳政发〔2019〕2号"; leave the field out when the document has no number';
  if (key === "page") return "write the printed page as a whole number, e.g. page: 12";
  if (key === "year") return "write the year as four digits, e.g. year: 2019";
  if (key === "sections") return 'write them one per line under sections:, each as "  - " and the name, e.g.   - 市政府文件';
  if (key === "number") return "write the issue number without leading zero, e.g. number: 3";
  return "correct the value (see the editors' guide, issues/README.md)";
}

/** `docNumber.0` → `docNumber` when the editor wrote one value (zod reads it as a list of one). */
function displayPath(value: unknown, p: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let v: unknown = value;
  for (const k of p) {
    if (typeof k === "number" && !Array.isArray(v)) continue;
    parts.push(String(k));
    v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  }
  return parts.join(".");
}

function getAt(value: unknown, p: readonly PropertyKey[]): unknown {
  let v: unknown = value;
  for (const k of p) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}
