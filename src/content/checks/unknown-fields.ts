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
 * Warns about every top-level key of a YAML map that is not a known field (the value is
 * ignored), suggesting the closest known field (`docNumer` → `docNumber`).
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
    findings.push({
      file: source.file,
      ...source.at(pair.key.range?.[0] ?? 0),
      severity: "warning",
      message: `unknown field "${key}" is ignored`,
      fix: suggestion ? `did you mean "${suggestion}"? rename it to ${suggestion}:` : `remove it; the fields are ${known.join(", ")}`,
    });
  }
  return findings;
}
