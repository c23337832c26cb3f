import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { splitFrontMatter } from "../content/load-archive.ts";
import { issueMetadata, type IssueMetadata } from "../content/schema.ts";
import { readTextIfExists } from "../util/index.ts";

/**
 * Metadata of the latest gazette issue of a content folder (highest year, then number, among
 * folders `YYYY-NN` whose issue.yml is valid) and every issuer named in the archive, for
 * prefilling a new issue and inferring issuers on import. Unreadable files are skipped, so this
 * works on an archive with errors too.
 * @returns null when the folder holds no valid gazette issue.
 */
export async function latestIssueInfo(contentDir: string): Promise<{ issue: IssueMetadata; issuers: string[] } | null> {
  let latest: IssueMetadata | null = null;
  const issuers = new Set<string>();
  const folders = (await readdir(contentDir, { withFileTypes: true })).filter((e) => e.isDirectory() && /^\d{4}-\d{2}$/.test(e.name));
  for (const folder of folders) {
    const dir = path.join(contentDir, folder.name);
    const meta = issueMetadata.safeParse(safeParse(await readTextIfExists(path.join(dir, "issue.yml"))));
    if (meta.success && (!latest || meta.data.year > latest.year || (meta.data.year === latest.year && meta.data.number > latest.number))) latest = meta.data;
    for (const file of await readdir(dir)) {
      if (!file.endsWith(".md") || file.startsWith("_")) continue;
      const split = splitFrontMatter((await readFile(path.join(dir, file), "utf8")).replace(/^\uFEFF/, ""));
      const fm: unknown = split ? safeParse(split.frontMatter) : null;
      const issuer = fm && typeof fm === "object" ? (fm as Record<string, unknown>).issuer : undefined;
      for (const i of Array.isArray(issuer) ? issuer : [issuer]) if (typeof i === "string" && i.trim()) issuers.add(i.trim());
    }
  }
  return latest ? { issue: latest, issuers: [...issuers] } : null;
}

function safeParse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return parse(text);
  } catch (err) {
    if (err instanceof Error && err.name === "YAMLParseError") return null;
    throw err;
  }
}

