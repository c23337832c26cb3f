import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { hostileYaml } from "./yaml-limits.ts";
import { mendYaml } from "./yaml-mend.ts";
import type { Finding } from "./finding.ts";
import type { Bilingual } from "../i18n/index.ts";
import { FIELD_LABEL } from "./field-labels.ts";

/** A YAML text parsed with positions, so findings can point at the exact line. */
export interface YamlSource {
  file: string;
  /**
   * Parsed value (YAML 1.2 core schema: dates stay strings). After a syntax error: the top-level
   * fields that could still be read (those not touched by an error), so they are checked too.
   */
  value: unknown;
  /** True when the text has a YAML syntax error (then `value` holds only the readable fields). */
  broken: boolean;
  /**
   * The readable fields as the mends left them: `value`, plus each field whose unclosed quote the
   * mend closed at the end of its line (its value is the rest of that line, which either fix —
   * adding the closing quote or removing the opening one — leaves). For the shape rules of
   * metadata, so that a mended mistake hides no other mistake (all mistakes in one pass).
   */
  mended: unknown;
  findings: Finding[];
  /** The parsed YAML document with its nodes, for rules that look at how a value was written. */
  doc: Document;
  /** 1-based line and column of a character offset in the YAML text. */
  at(offset: number): { line: number; column: number };
  /** 1-based line and column of the value at `path`, or of the nearest parent found. */
  positionOf(path: readonly PropertyKey[]): { line: number; column: number };
}

/**
 * Parses YAML text with the YAML 1.2 core schema. Syntax errors become error findings with
 * their position; `lineOffset` is added to every line (front matter starts on line 2 of its file).
 */
export function parseYamlSource(text: string, file: string, lineOffset = 0): YamlSource {
  let counter = new LineCounter();
  let doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const findings: Finding[] = [];
  const at = (offset: number) => {
    const pos = counter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  // Common editor mistakes (tab indents, 全角冒号, an unclosed quote) are said once at their line
  // and mended, so the lines after them are still read and checked.
  let read = text;
  const mends = doc.errors.length > 0 ? mendYaml(text, (t) => parseDocument(t, { prettyErrors: false, uniqueKeys: true }).errors.length > 0) : { text, mends: [] };
  if (mends.mends.length > 0) {
    read = mends.text;
    for (const m of mends.mends) findings.push({ file, line: m.line + 1 + lineOffset, column: m.column, severity: "error", message: m.message.zh, fix: m.fix.zh, en: { message: m.message.en, fix: m.fix.en } });
    counter = new LineCounter();
    doc = parseDocument(read, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  }
  const unsure = mends.mends.flatMap((m) => (m.unsure ? [m.unsure] : []));
  const listLines = new Set<number>();
  for (const err of doc.errors) {
    const pos = at(err.pos[0]);
    if (err.code === "RESOURCE_EXHAUSTION") {
      findings.push({ file, ...pos, severity: "error", message: "YAML 嵌套过深，无法读取", fix: "元数据只需要简单的“字段: 值”和列表；删除多余的 [ { 或缩进层级", en: { message: "the YAML is nested too deeply to read", fix: "metadata needs only plain 'field: value' lines and lists; remove the extra [ { or indentation levels" } });
      continue;
    }
    // A value opening with [ or { (YAML's list and map brackets): one error at the value, however
    // many errors the yaml library gives for its line.
    const list = listValueError(lineOf(read, err.pos[0]));
    if (list) {
      if (!listLines.has(pos.line)) findings.push({ file, line: pos.line, column: list.column, severity: "error", message: list.message.zh, fix: list.fix.zh, en: { message: list.message.en, fix: list.fix.en } });
      listLines.add(pos.line);
      continue;
    }
    const said = yamlErrorText(err.code, lineOf(read, err.pos[0]));
    findings.push({ file, ...pos, severity: "error", message: said.message, fix: said.fix.zh, en: { message: `YAML syntax error: ${err.message.split("\n")[0]}`, fix: said.fix.en } });
  }
  // Alias bombs (billion laughs) and deep nesting are refused before the value is built.
  const hostile = hostileYaml(doc);
  if (hostile) findings.push({ file, ...at(hostile.offset), severity: "error", message: hostile.message, fix: hostile.fix });
  const value = hostile ? undefined : doc.errors.length > 0 || mends.mends.length > 0 ? readableValue(doc, unsure) : doc.toJS({ maxAliasCount: 100 });
  const mended = hostile || unsure.length === 0 ? value : readableValue(doc);
  return {
    file,
    value,
    mended,
    findings,
    broken: doc.errors.length > 0 || mends.mends.length > 0,
    doc,
    at,
    positionOf(path) {
      let node: unknown = doc.contents;
      let best = { line: 1 + lineOffset, column: 1 };
      if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) best = at(node.range[0]);
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
          if (!pair) break;
          if (isScalar(pair.key) && pair.key.range) best = at(pair.key.range[0]);
          node = pair.value;
          if (isScalar(node) && node.range) best = at(node.range[0]);
        } else if (node && typeof node === "object" && "items" in node && Array.isArray(node.items)) {
          const item: unknown = node.items[Number(key)];
          if (!item) break;
          node = item;
          if (isScalar(node) && node.range) best = at(node.range[0]);
        } else break;
      }
      return best;
    },
  };
}

function lineOf(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", Math.max(0, offset - 1)) + 1;
  const end = text.indexOf("\n", offset);
  return text.slice(start, end < 0 ? undefined : end);
}

/**
 * The top-level fields of a YAML document with syntax errors that no error touches, as plain
 * values (an empty object when the document is not a map or cannot be read at all).
 */
function readableValue(doc: Document, leaveOut: readonly string[] = []): Record<string, unknown> {
  const root = doc.contents;
  const out: Record<string, unknown> = {};
  if (!isMap(root)) return out;
  const hurt = doc.errors.map((e) => e.pos);
  for (const pair of root.items) {
    if (!isScalar(pair.key) || !pair.key.range || leaveOut.includes(String(pair.key.value))) continue;
    const node = pair.value as { range?: [number, number, number] } | null;
    const start = pair.key.range[0];
    const end = node?.range?.[2] ?? pair.key.range[2];
    if (hurt.some(([a, b]) => a <= end && b >= start)) continue;
    try {
      out[String(pair.key.value)] = pair.value && typeof pair.value === "object" && "toJSON" in pair.value ? (pair.value as { toJSON(): unknown }).toJSON() : isScalar(pair.value) ? pair.value.value : null;
    } catch {
      // A value that cannot be turned into data (a bad alias) is left out like a broken one.
    }
  }
  return out;
}

/**
 * The error for a line `field: [..]..` or `field: {..}..` whose unquoted value opens with a
 * bracket YAML reads as the start of a list or map, with text after the closing bracket that
 * YAML therefore cannot read
 * (`docNumber: [2024]5号`). The fix is the line to write: the value in double quotes; for a
 * document number, with the year in 〔〕 (GB/T 9704-2012 §7.2.5).
 * @returns null when the line is not such a line; else the 1-based column of the value.
 */
function listValueError(line: string): { column: number; message: Bilingual; fix: Bilingual } | null {
  // The bracket closes and more text follows it on the line (a list meant as a list, left open, is not this).
  const m = /^([\w-]+):[ \t]+((?:\[[^\]]*\]|\{[^}]*\})[ \t]*[^\s#].*?)\s*$/u.exec(line.replace(/\r$/u, ""));
  if (!m) return null;
  const [, field, value] = m as unknown as [string, string, string];
  const label = FIELD_LABEL[field] ? `${FIELD_LABEL[field]}（${field}）` : `“${field}”`;
  const bracket = value[0]!;
  const docNumber = ["docNumber", "repealedBy", "amendedBy"].includes(field);
  const written = docNumber ? value.replace(/[[［【(（]\s*(\d{4})\s*[\]］】)）]\s*/u, "〔$1〕") : value;
  // A document number written from its year on lacks the 机关代字 (乳政发): the line to write shows where it goes.
  const noPrefix = docNumber && written.startsWith("〔");
  const quoted = `${field}: "${noPrefix ? "机关代字" : ""}${written.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return {
    column: line.indexOf(value) + 1,
    message: { zh: `${label}的值以 ${bracket} 开头，YAML 把 ${bracket === "[" ? "[ ]" : "{ }"} 当成${bracket === "[" ? "列表" : "映射"}的括号，读不懂这一行`, en: `the value of "${field}" starts with ${bracket}, which YAML reads as the start of a ${bracket === "[" ? "list" : "map"}, so the line cannot be read` },
    fix: noPrefix
      ? { zh: `写全发文字号（机关代字〔年份〕序号号，GB/T 9704-2012 §7.2.5），给整个值加英文双引号，并把“机关代字”换成原件上的代字（如 乳政发）：${quoted}`, en: `write the whole document number (agency code, year in 〔〕, serial number; GB/T 9704-2012 §7.2.5) in quotes, replacing 机关代字 with the agency code printed on the original: ${quoted}` }
      : docNumber
      ? { zh: `给整个值加英文双引号，年份用六角括号〔〕（GB/T 9704-2012 §7.2.5）：${quoted}`, en: `quote the whole value, with the year in 〔〕 (GB/T 9704-2012 §7.2.5): ${quoted}` }
      : { zh: `给整个值加英文双引号：${quoted}`, en: `quote the whole value: ${quoted}` },
  };
}

/** What a YAML syntax error means for an editor, and what to do, by the yaml library's error code. */
function yamlErrorText(code: string, line: string): { message: string; fix: Bilingual } {
  const m = /^(\s*[\w-]+):\s*(.*?)\s*$/.exec(line);
  const field = m?.[1]!.trim();
  const where = field ? `“${field}”这一行` : "这一行";
  if (m && /[[\]{}]/.test(m[2]!) && !/^["']/.test(m[2]!)) {
    const quoted = `${field}: "${m[2]!.replace(/"/g, '\\"')}"`;
    return {
      message: `${where}的值含有方括号或花括号，YAML 把它当成了列表，读不懂`,
      fix: { zh: `给整个值加英文双引号：${quoted}`, en: `quote it: ${quoted} (YAML reads [ ] and { } as a list or map)` },
    };
  }
  switch (code) {
    case "DUPLICATE_KEY":
      return { message: `${where}重复了：同一个字段写了两次`, fix: { zh: "只保留其中一行", en: "keep only one line for this field" } };
    case "TAB_AS_INDENT":
      return { message: `${where}用制表符（Tab）缩进，YAML 不允许`, fix: { zh: "把行首的 Tab 换成空格", en: "indent with spaces, not tabs" } };
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return {
        message: `${where}的格式有误（缩进不对，或值里有冒号等符号），YAML 读不懂`,
        fix: { zh: "检查缩进（字段名顶格写）；值里含有 : [ ] { } # 时给整个值加英文双引号", en: "check the indentation and quote values that contain : [ ] { } or #" },
      };
    case "BAD_DQ_ESCAPE":
      return { message: `${where}的双引号里有反斜杠 \\，YAML 读不懂`, fix: { zh: "删去反斜杠，或改用单引号把值括起来", en: "remove the backslash, or quote the value with single quotes" } };
    default:
      return {
        message: `${where}的格式有误（多半是引号没有配对，或值里有冒号等符号），YAML 读不懂`,
        fix: { zh: '给值加上成对的英文双引号，如 title: "……"', en: 'quote the value with double quotes, e.g. title: "…"' },
      };
  }
}
