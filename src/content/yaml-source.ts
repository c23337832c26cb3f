import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { hostileYaml } from "./yaml-limits.ts";
import type { Finding } from "./finding.ts";

/** A YAML text parsed with positions, so findings can point at the exact line. */
export interface YamlSource {
  file: string;
  /** Parsed value (YAML 1.2 core schema: dates stay strings), or undefined after a syntax error. */
  value: unknown;
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
  const counter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const findings: Finding[] = [];
  const at = (offset: number) => {
    const pos = counter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  for (const err of doc.errors) {
    const pos = at(err.pos[0]);
    if (err.code === "RESOURCE_EXHAUSTION") {
      findings.push({ file, ...pos, severity: "error", message: "YAML 嵌套过深，无法读取", fix: "元数据只需要简单的“字段: 值”和列表；删除多余的 [ { 或缩进层级" });
      continue;
    }
    findings.push({
      file,
      ...pos,
      severity: "error",
      message: `YAML syntax error: ${err.message.split("\n")[0]}`,
      fix: yamlFixHint(err.code, lineOf(text, err.pos[0])),
    });
  }
  // Alias bombs (billion laughs) and deep nesting are refused before the value is built.
  const hostile = doc.errors.length > 0 ? null : hostileYaml(doc);
  if (hostile) findings.push({ file, ...at(hostile.offset), severity: "error", message: hostile.message, fix: hostile.fix });
  const value = doc.errors.length > 0 || hostile ? undefined : doc.toJS({ maxAliasCount: 100 });
  return {
    file,
    value,
    findings,
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

function yamlFixHint(code: string, line: string): string {
  const m = /^(\s*[\w-]+):\s*(.*?)\s*$/.exec(line);
  if (m && /[[\]{}]/.test(m[2]!) && !/^["']/.test(m[2]!)) {
    return `quote it: ${m[1]!.trim()}: "${m[2]!.replace(/"/g, '\\"')}" (YAML reads [ ] and { } as a list or map)`;
  }
  switch (code) {
    case "DUPLICATE_KEY":
      return "keep only one line for this field";
    case "TAB_AS_INDENT":
      return "indent with spaces, not tabs";
    case "BAD_INDENT":
    case "MISSING_CHAR":
      return "check the indentation and quote values that contain : [ ] { } or #";
    default:
      return 'quote the value with double quotes, e.g. title: "…"';
  }
}
