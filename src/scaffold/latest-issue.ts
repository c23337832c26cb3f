import { readdir } from "node:fs/promises";
import path from "node:path";
import { splitFrontMatter } from "../content/load-archive.ts";
import { readContentFile } from "../content/read-content-file.ts";
import { issueMetadata, type IssueMetadata } from "../content/schema.ts";
import { parseYamlSource } from "../content/yaml-source.ts";

/**
 * Metadata of the latest gazette issue of a content folder (highest year, then number, among
 * folders `YYYY-NN` whose issue.yml is valid) and every issuer named in the archive, for
 * prefilling a new issue and inferring issuers on import. Unreadable files are skipped, so this
 * works on an archive with errors too; what is not a regular UTF-8 file (a link, a FIFO) is never
 * opened, and hostile YAML (alias bombs, deep nesting) is skipped like a syntax error.
 * @returns null when the folder holds no valid gazette issue.
 */
export async function latestIssueInfo(contentDir: string): Promise<{ issue: IssueMetadata; issuers: string[] } | null> {
  let latest: IssueMetadata | null = null;
  const issuers = new Set<string>();
  const folders = (await readdir(contentDir, { withFileTypes: true })).filter((e) => e.isDirectory() && /^\d{4}-\d{2}$/.test(e.name));
  for (const folder of folders) {
    const dir = path.join(contentDir, folder.name);
    const meta = issueMetadata.safeParse(safeParse(textOf(path.join(dir, "issue.yml"))));
    if (meta.success && (!latest || meta.data.year > latest.year || (meta.data.year === latest.year && meta.data.number > latest.number))) latest = meta.data;
    for (const file of await readdir(dir)) {
      if (!file.endsWith(".md") || file.startsWith("_")) continue;
      const split = splitFrontMatter((textOf(path.join(dir, file)) ?? "").replace(/^\uFEFF/, ""));
      const fm: unknown = split ? safeParse(split.frontMatter) : null;
      const issuer = fm && typeof fm === "object" ? (fm as Record<string, unknown>).issuer : undefined;
      for (const i of Array.isArray(issuer) ? issuer : [issuer]) if (typeof i === "string" && i.trim()) issuers.add(i.trim());
    }
  }
  return latest ? { issue: latest, issuers: [...issuers] } : null;
}

/**
 * `title` and `publisher` of `<contentDir>/archive.yml`, each when it is a non-empty string; read
 * as safely as the issues above (no link or FIFO opened, hostile YAML skipped). Empty when the
 * file is missing or unreadable (`npm run check` reports it).
 */
export function archiveGazette(contentDir: string): { title?: string; publisher?: string } {
  const data = safeParse(textOf(path.join(contentDir, "archive.yml")));
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  const fields = data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  const title = text(fields.title);
  const publisher = text(fields.publisher);
  return { ...(title ? { title } : {}), ...(publisher ? { publisher } : {}) };
}

/** The text of a regular UTF-8 file, else null. */
function textOf(file: string): string | null {
  const read = readContentFile(file, file);
  return read.kind === "text" ? read.text : null;
}

/** The value of a YAML text, or null after a syntax error or hostile YAML (see `parseYamlSource`). */
function safeParse(text: string | null): unknown {
  if (text === null) return null;
  const source = parseYamlSource(text, "");
  return source.findings.length > 0 ? null : (source.value ?? null);
}
