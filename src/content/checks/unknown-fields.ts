import { closest, distance } from "fastest-levenshtein";
import { isMap, isScalar } from "yaml";
import type { Finding } from "../finding.ts";
import type { YamlSource } from "../yaml-source.ts";

/**
 * Suggests the known field an unknown key was probably meant to be: the closest known key by
 * Levenshtein distance (case-insensitive), when it is at most 2 edits or a third of the key's length away.
 * @example suggestField("docNumer", ["title", "docNumber"]) // "docNumber"
 * @returns the suggestion, or null when no known key is close.
 */
export function suggestField(key: string, known: readonly string[]): string | null {
  if (known.length === 0) return null;
  const lower = known.map((k) => k.toLowerCase());
  const best = closest(key.toLowerCase(), lower);
  const limit = Math.max(2, Math.floor(key.length / 3));
  return distance(key.toLowerCase(), best) <= limit ? known[lower.indexOf(best)]! : null;
}

/**
 * The known fields that a top-level key of `source` misspells (close by {@link suggestField} and
 * starting with the same letter, as `isuer` for `issuer`): such a field is reported once, as
 * misspelt, not also as missing.
 */
export function misspeltFields(source: YamlSource, known: readonly string[]): Set<string> {
  const root = source.doc.contents;
  const out = new Set<string>();
  if (!isMap(root)) return out;
  for (const pair of root.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (known.includes(key)) continue;
    const suggestion = suggestField(key, known);
    if (suggestion && suggestion[0]!.toLowerCase() === key[0]!.toLowerCase()) out.add(suggestion);
  }
  return out;
}

/**
 * Reports every top-level key of a YAML map that is not a known field (the value is ignored):
 * an error when it is a typo of a known field (`docNumer` → `docNumber`: close by
 * {@link suggestField} and the same first letter), else a warning.
 */
export function checkUnknownFields(source: YamlSource, known: readonly string[]): Finding[] {
  const root = source.doc.contents;
  if (!isMap(root)) return [];
  const findings: Finding[] = [];
  for (const pair of root.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (known.includes(key)) continue;
    const suggestion = suggestField(key, known);
    const at = source.at(pair.key.range?.[0] ?? 0);
    if (suggestion && suggestion[0]!.toLowerCase() === key[0]!.toLowerCase()) {
      // A mistyped known field (close to it and starting alike) is an error: else the document
      // is published without that field. A key merely near a known one (tags/page) stays a warning.
      findings.push({
        file: source.file,
        ...at,
        severity: "error",
        message: `字段名“${key}”写错了，应为“${suggestion}”（写错的字段不会被读取）`,
        fix: `把 ${key}: 改为 ${suggestion}:`,
        en: { message: `unknown field "${key}" — a misspelt "${suggestion}"? (it is not read)`, fix: `did you mean "${suggestion}"? rename it to ${suggestion}:` },
      });
    } else {
      findings.push({
        file: source.file,
        ...at,
        severity: "warning",
        message: `不认识的字段“${key}”，不会被读取`,
        fix: suggestion ? `如果是指“${suggestion}”，改为 ${suggestion}:；否则删去这一行` : `删去这一行；可用的字段有 ${known.join("、")}`,
        en: { message: `unknown field "${key}" is ignored`, fix: suggestion ? `did you mean "${suggestion}"? rename it to ${suggestion}:` : `remove it; the fields are ${known.join(", ")}` },
      });
    }
  }
  return findings;
}
