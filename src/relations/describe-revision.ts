import { diffChars } from "diff";
import { parse } from "yaml";
import { canonicalDocNumber } from "../content/doc-number.ts";
import { splitFrontMatter } from "../content/split-front-matter.ts";
import { PUBLICATION_LABEL, type Publication } from "../content/schema.ts";

/** One committed version of a document file, as read back from git. */
export interface DocumentVersion {
  /** Front-matter fields as written (unparsed YAML values; `{}` when unreadable). */
  fields: Record<string, unknown>;
  /** The body below the front matter. */
  body: string;
  /** 公开方式, or null when the version has none or an unknown one. */
  publication: Publication | null;
}

/** Reads one committed version of a document (front matter tolerant of errors). */
export function readVersion(text: string): DocumentVersion {
  const split = splitFrontMatter(text.replace(/^\uFEFF/, ""));
  let fields: Record<string, unknown> = {};
  if (split) {
    try {
      const value: unknown = parse(split.frontMatter);
      if (value && typeof value === "object" && !Array.isArray(value)) fields = value as Record<string, unknown>;
    } catch {
      // A version with broken YAML has no readable fields; its body is still compared.
    }
  }
  const p = fields.publication;
  const publication = p === "public" || p === "on-request" || p === "withheld" || p === "draft" ? p : null;
  return { fields, body: split ? split.body : text, publication };
}

/** Fields compared between versions, with the Chinese words of the public record (更正 = corrected). */
const FIELD_CHANGES: [keys: string[], words: string][] = [
  [["title"], "更正标题"],
  [["docNumber"], "更正发文字号"],
  [["issuer"], "更正发文机关"],
  [["date"], "更正成文日期"],
  [["section"], "调整栏目"],
  [["page"], "更正原刊页码"],
  [["validFrom", "validUntil", "repealedBy", "amendedBy", "validity"], "更新有效性信息"],
];

/**
 * Describes, in Chinese, what changed from one published version of a document to the next,
 * from the change itself and never quoting removed text: e.g. `更正发文字号；正文修改3处`,
 * `公开方式由依申请公开改为主动公开`. Changes of layout only (line breaks, spaces, the bracket
 * form of a document number, YAML quoting) are not changes. Body changes are counted only when
 * both versions publish their text (`public`).
 * @returns the description, or "" when nothing of the record changed.
 */
export function describeRevision(before: DocumentVersion, after: DocumentVersion): string {
  const parts: string[] = [];
  for (const [keys, words] of FIELD_CHANGES) {
    if (keys.some((k) => normalizedField(k, before.fields[k]) !== normalizedField(k, after.fields[k]))) parts.push(words);
  }
  if (before.publication && after.publication && before.publication !== after.publication) {
    parts.push(`公开方式由${PUBLICATION_LABEL[before.publication]}改为${PUBLICATION_LABEL[after.publication]}`);
  }
  if (before.publication === "public" && after.publication === "public") {
    const places = changedPlaces(before.body, after.body);
    if (places > 0) parts.push(`正文修改${places}处`);
  }
  return parts.join("；");
}

/**
 * Number of places where the text differs, whitespace ignored (a re-wrapped paragraph is the
 * same text): runs of inserted or deleted characters, a run of both counting once.
 */
export function changedPlaces(before: string, after: string): number {
  let a = before.replace(/\s+/g, "");
  let b = after.replace(/\s+/g, "");
  if (a === b) return 0;
  // Only the part between the common start and end is compared (edits are local; profiled: the
  // character diff of whole texts was most of the history's time).
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  a = a.slice(start, a.length - end);
  b = b.slice(start, b.length - end);
  let places = 0;
  let inChange = false;
  for (const part of diffChars(a, b)) {
    const changed = part.added || part.removed;
    if (changed && !inChange) places++;
    inChange = Boolean(changed);
  }
  return places;
}

/** A field's value in a form where layout does not count (document numbers canonical, scalars as text). */
function normalizedField(key: string, value: unknown): string {
  if (value === undefined || value === null) return "";
  const list = Array.isArray(value) ? value : [value];
  const norm = list.map((v) => {
    const s = String(v).trim();
    return key === "docNumber" || key === "repealedBy" || key === "amendedBy" ? (canonicalDocNumber(s) ?? s) : s;
  });
  return JSON.stringify(norm);
}
