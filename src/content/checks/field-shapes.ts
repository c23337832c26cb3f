import { isMap, isScalar } from "yaml";
import { ZodObject, type z } from "zod";
import type { Finding } from "../finding.ts";
import { readBilingual, type Bilingual } from "../../i18n/index.ts";
import type { YamlSource } from "../yaml-source.ts";
import { misspeltFields } from "./unknown-fields.ts";
import { FIELD_LABEL } from "../field-labels.ts";

export { FIELD_LABEL };

/**
 * Validates the value of a parsed YAML file against a zod schema (field shapes: required
 * fields, types, calendar dates, allowed values) and turns every zod issue into an error
 * finding at the line of the field. YAML syntax errors of `source` are passed on as they are, and
 * the fields they left readable are checked as well (a required field is reported missing then
 * only when no line names it).
 * @returns the parsed value, or null when there was any error (syntax or shape).
 */
export function checkFieldShapes<S extends z.ZodType>(source: YamlSource, schema: S, findings: Finding[]): z.output<S> | null {
  findings.push(...source.findings);
  if (source.broken) {
    // The fields the syntax error left readable are checked too (all errors in one pass);
    // a field the error made unreadable is not reported missing.
    if (!(schema instanceof ZodObject)) return null;
    const checked = schema.partial().safeParse(source.value ?? {});
    if (!checked.success) findings.push(...shapeFindings(source, checked.error.issues));
    // A required field with no line at all is missing whatever the syntax error is.
    const root = source.doc.contents;
    const written = new Set(isMap(root) ? root.items.map((p) => (isScalar(p.key) ? String(p.key.value) : "")) : []);
    const missing = Object.entries(schema.shape as Record<string, z.ZodType>)
      .filter(([key, field]) => !written.has(key) && !field.safeParse(undefined).success)
      .map(([key]) => ({ code: "invalid_type", path: [key], message: "", expected: "string", input: undefined }) as z.core.$ZodIssue);
    findings.push(...shapeFindings(source, notMisspelt(source, schema, missing)));
    return null;
  }
  const result = schema.safeParse(source.value ?? {});
  if (result.success) return result.data;
  findings.push(...shapeFindings(source, notMisspelt(source, schema, result.error.issues)));
  return null;
}

/** The issues of `issues` but "missing" for a field that a key of the file misspells (reported as misspelt instead). */
function notMisspelt(source: YamlSource, schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  if (!(schema instanceof ZodObject)) return [...issues];
  const misspelt = misspeltFields(source, Object.keys(schema.shape as object));
  return issues.filter((i) => !(i.code === "invalid_type" && i.path.length === 1 && misspelt.has(String(i.path[0])) && getAt(source.value, i.path) === undefined));
}

/**
 * Error findings for zod issues of `source`'s value, each at the line of its field, in Chinese
 * (with the English pair). Messages written with `bilingualText` in the schema are used as they
 * are; zod's own (English) messages are replaced by the field's expected form.
 */
export function shapeFindings(source: YamlSource, issues: readonly z.core.$ZodIssue[]): Finding[] {
  const findings: Finding[] = [];
  for (const issue of issues) {
    const field = displayPath(source.value, issue.path);
    const key = field.split(".")[0]!;
    const label = FIELD_LABEL[key] ? `${FIELD_LABEL[key]}（${field}）` : `“${field}”`;
    const pos = source.positionOf(issue.path);
    const value = getAt(source.value, issue.path);
    const said = readBilingual(issue.message);
    const ours = issue.message.startsWith('{"zh":');
    const fix = fixFor(field, value);
    let message: { zh: string; en: string };
    let fixText = fix;
    if (issue.code === "invalid_type" && value === undefined) {
      message = { zh: `缺少必填项 ${label}`, en: `required field "${field}" is missing` };
      fixText = { zh: `加一行 ${field}: …（${fix.zh}）`, en: `add a line ${field}: …` };
    } else if (typeof value === "boolean") {
      message = { zh: `${label}${said.zh}；YAML 把它读成了是非值 ${String(value)}`, en: `"${field}" ${said.en}, got the YAML value ${String(value)}` };
      fixText = { zh: `加英文双引号：${field}: "${String(value)}"`, en: `quote it: ${field}: "${String(value)}"` };
    } else if (ours) {
      message = { zh: `${label}${said.zh}`, en: `"${field}" ${said.en}` };
    } else {
      message = { zh: `${label}的值“${String(value)}”不符合要求`, en: `"${field}" ${said.en}` };
    }
    findings.push({ file: source.file, ...pos, severity: "error", message: message.zh, fix: fixText.zh, en: { message: message.en, fix: fixText.en } });
  }
  return findings;
}


function fixFor(field: string, value: unknown): Bilingual {
  const key = field.split(".")[0];
  const both = (zh: string, en: string): Bilingual => ({ zh, en });
  if (key === "date" || key === "published" || key === "validFrom" || key === "validUntil") {
    const s = String(value);
    const day = /^(\d{4})-(\d{2})-(\d{2})[T ]/.exec(s);
    if (day) return both(`只写日期，不写时间和时区：${key}: ${day[1]}-${day[2]}-${day[3]}`, `write only the day, without time or time zone: ${key}: ${day[1]}-${day[2]}-${day[3]}`);
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return both("没有这一天，请对照印刷本核对日期", "this day does not exist; check the date against the printed document");
    const cn = /^(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?$/.exec(s);
    if (cn) {
      const iso = `${cn[1]}-${cn[2]!.padStart(2, "0")}-${cn[3]!.padStart(2, "0")}`;
      return both(`按“年-月-日”写：${key}: ${iso}`, `write it year-month-day: ${key}: ${iso}`);
    }
    return both(`按原件写“年-月-日”，如 ${key}: 2019-04-10`, `write the date as printed in the document, year-month-day, e.g. ${key}: 2019-04-10`);
  }
  if (key === "title") return both('按原件写完整标题，如 title: "乳山市人民政府关于……的通知"', 'write the full title as printed, e.g. title: "乳山市人民政府关于……的通知"');
  if (key === "issuer") return both('按原件写发文机关，如 issuer: "乳山市人民政府"', 'write the issuing organ as printed, e.g. issuer: "乳山市人民政府"');
  if (key === "section") return both("写本期 issue.yml 中列出的栏目之一", "write one of the sections listed in the issue's issue.yml");
  if (key === "publication") return both("写 public（主动公开）、on-request（依申请公开）、withheld（不予公开）或 draft（未发布）", "use public (主动公开), on-request (依申请公开), withheld (不予公开) or draft (未发布)");
  if (key === "validity") return both("写 valid（有效）、amended（已修改）、repealed（已废止）或 expired（已失效）；不清楚时删去这一行", "use valid (有效), amended (已修改), repealed (已废止) or expired (已失效), or leave the field out when unknown");
  if (key === "repealedBy" || key === "amendedBy") {
    const zh = key === "repealedBy" ? "废止" : "修改";
    return both(`写${zh}本文件的文件的发文字号，格式为“机关代字〔年份〕序号号”，如 ${key}: "乳政发〔2020〕1号"`, `write the document number of the ${key === "repealedBy" ? "repealing" : "amending"} document as 机关代字〔年份〕序号号, e.g. ${key}: "乳政发〔2020〕1号"`);
  }
  if (key === "docNumber") return both('写成“机关代字〔年份〕序号号”，如 docNumber: "乳政发〔2019〕2号"；文件没有文号时删去这一行', 'write it as 机关代字〔年份〕序号号, e.g. docNumber: "乳政发〔2019〕2号"; leave the field out when the document has no number');
  if (key === "page") return both("写印刷本上的页码（整数），如 page: 12", "write the printed page as a whole number, e.g. page: 12");
  if (key === "year") return both("写四位数的年份，如 year: 2019", "write the year as four digits, e.g. year: 2019");
  if (key === "sections") return both("每个栏目一行，行首写“  - ”，如：  - 市政府文件", 'write them one per line under sections:, each as "  - " and the name, e.g.   - 市政府文件');
  if (key === "number") return both("写期号，不加前导零，如 number: 3", "write the issue number without leading zero, e.g. number: 3");
  if (key === "url") return both("写网站的完整网址（以 https:// 开头），如 url: https://www.example.gov.cn/gazette/", "write the site's full address starting with https://, e.g. url: https://www.example.gov.cn/gazette/");
  if (key === "siteCode") return both('按“网站标识码”原样写 10 位，加英文双引号，如 siteCode: "3710820001"', 'write the 10-character site code in double quotes, e.g. siteCode: "3710820001"');
  if (key === "icpRecord") return both("按备案信息原样写，如 icpRecord: 鲁ICP备05002386号-1", "write it as filed, e.g. icpRecord: 鲁ICP备05002386号-1");
  if (key === "policeRecord") return both("按备案信息原样写，如 policeRecord: 鲁公网安备37108202000123号", "write it as filed, e.g. policeRecord: 鲁公网安备37108202000123号");
  if (key === "partyGovLink") return both("写党政机关网站标识的验证网址（由机构编制部门提供，以 https:// 开头）", "write the https:// address of the 党政机关 identification page");
  if (key === "errorReport") return both("写读者纠错的网址或邮箱，如 errorReport: https://…… 或 errorReport: mailto:jiucuo@example.gov.cn", "write the address where readers report errors, https://… or mailto:…");
  return both("按编辑指南（issues/README.md）改正这个值", "correct the value (see the editors' guide, issues/README.md)");
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
