import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { ContentError, type Finding } from "./finding.ts";
import type { Archive, GazetteDocument, GazetteIssue } from "./model.ts";
import { archiveSettings, documentFrontMatter, issueMetadata } from "./schema.ts";
import { parseYamlSource, type YamlSource } from "./yaml-source.ts";

/** Result of reading the content folder: the archive (when it could be built) and every finding. */
export interface LoadResult {
  archive: Archive | null;
  findings: Finding[];
}

const ISSUE_FOLDER = /^(\d{4})-(\d{2})$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads and validates a whole content folder (`issues/`): `archive.yml`, then each
 * `YYYY-NN/issue.yml` and every `*.md` document beside it (files starting with `_` are notes,
 * not documents). Never throws for bad content: every problem is returned as a finding with
 * file, line and column; `archive` is null when any error was found.
 * @param contentDir folder holding the gazette issues, absolute or relative to `cwd`.
 * @param root folder that finding paths are made relative to (default: `process.cwd()`).
 */
export async function loadArchive(contentDir: string, root = process.cwd()): Promise<LoadResult> {
  const findings: Finding[] = [];
  const rel = (p: string) => path.relative(root, p).split(path.sep).join("/");
  const settingsPath = path.join(contentDir, "archive.yml");
  const settingsText = await readText(settingsPath);
  let settings: z.output<typeof archiveSettings> | null = null;
  if (settingsText === null) {
    findings.push(fileFinding(rel(settingsPath), "the archive settings file is missing", "create it with title: and publisher: (see the editors' guide)"));
  } else {
    settings = validate(parseYamlSource(settingsText, rel(settingsPath)), archiveSettings, findings);
  }

  const issues: GazetteIssue[] = [];
  const entries = (await readdir(contentDir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith(".") || entry.name.startsWith("_")) continue;
    const issue = await loadIssue(path.join(contentDir, entry.name), entry.name, rel, findings);
    if (issue) issues.push(issue);
  }
  checkAcrossIssues(issues, findings);
  issues.sort((a, b) => b.year - a.year || b.number - a.number);
  const hasError = findings.some((f) => f.severity === "error");
  return { archive: hasError || !settings ? null : { settings, issues }, findings };
}

/**
 * Like {@link loadArchive}, but throws a {@link ContentError} carrying every finding when any
 * error was found.
 */
export async function loadArchiveOrThrow(contentDir: string, root = process.cwd()): Promise<Archive> {
  const { archive, findings } = await loadArchive(contentDir, root);
  if (!archive) throw new ContentError(findings);
  return archive;
}

async function loadIssue(
  dir: string,
  folder: string,
  rel: (p: string) => string,
  findings: Finding[],
): Promise<GazetteIssue | null> {
  const metaPath = path.join(dir, "issue.yml");
  const metaText = await readText(metaPath);
  if (metaText === null) {
    findings.push(fileFinding(rel(dir) + "/", "this gazette issue folder has no issue.yml", "add issue.yml with gazette, year, number, frequency, publisher and sections (npm run new scaffolds one)"));
    return null;
  }
  const source = parseYamlSource(metaText, rel(metaPath));
  const meta = validate(source, issueMetadata, findings);
  if (!meta) return null;
  const m = ISSUE_FOLDER.exec(folder);
  if (!m || Number(m[1]) !== meta.year || Number(m[2]) !== meta.number) {
    const expected = `${meta.year}-${String(meta.number).padStart(2, "0")}`;
    findings.push({ file: rel(metaPath), ...source.positionOf(["year"]), severity: "error", message: `the folder name "${folder}" does not match year ${meta.year} and number ${meta.number}`, fix: `rename the folder to ${expected}` });
    return null;
  }
  const url = `/${meta.year}/${meta.number}/`;
  const issue: GazetteIssue = { ...meta, key: folder, url, label: `${meta.year}年第${meta.number}期`, sourcePath: rel(metaPath), documents: [] };

  const files = (await readdir(dir)).filter((f) => f.endsWith(".md") && !f.startsWith("_")).sort();
  for (const file of files) {
    const doc = await loadDocument(path.join(dir, file), issue, rel, findings);
    if (doc) issue.documents.push(doc);
  }
  const order = (s: string) => meta.sections.indexOf(s);
  issue.documents.sort(
    (a, b) => order(a.section) - order(b.section) || (a.page ?? Infinity) - (b.page ?? Infinity) || a.slug.localeCompare(b.slug),
  );
  return issue;
}

async function loadDocument(
  file: string,
  issue: GazetteIssue,
  rel: (p: string) => string,
  findings: Finding[],
): Promise<GazetteDocument | null> {
  const relPath = rel(file);
  const slug = path.basename(file, ".md");
  const text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
  if (!SLUG.test(slug)) {
    findings.push(fileFinding(relPath, `the file name "${slug}.md" is not a lowercase ASCII name; it becomes the document's web address`, "rename it with lowercase letters, digits and hyphens, e.g. rzf-2019-2.md"));
  }
  const split = splitFrontMatter(text);
  if (!split) {
    findings.push(fileFinding(relPath, "the file does not start with front matter between two --- lines", "put the fields between a first line --- and a closing line ---"));
    return null;
  }
  const source = parseYamlSource(split.frontMatter, relPath, 1);
  const fm = validate(source, documentFrontMatter, findings);
  if (!fm) return null;
  if (!issue.sections.includes(fm.section)) {
    findings.push({ file: relPath, ...source.positionOf(["section"]), severity: "error", message: `"section" is "${fm.section}", which ${issue.sourcePath} does not declare`, fix: `use one of: ${issue.sections.join("、")}, or add it to sections in issue.yml` });
    return null;
  }
  return {
    slug,
    url: `${issue.url}${slug}/`,
    sourcePath: relPath,
    title: fm.title,
    docNumbers: fm.docNumber ?? [],
    issuers: fm.issuer,
    date: fm.date,
    publication: fm.publication,
    section: fm.section,
    ...(fm.page === undefined ? {} : { page: fm.page }),
    body: split.body,
    bodyLine: split.bodyLine,
    issueKey: issue.key,
  };
}

/** Splits `---\n<yaml>\n---\n<body>`; returns null when there is no front matter. */
export function splitFrontMatter(text: string): { frontMatter: string; body: string; bodyLine: number } | null {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return null;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
  if (end < 0) return null;
  return { frontMatter: lines.slice(1, end).join("\n"), body: lines.slice(end + 1).join("\n"), bodyLine: end + 2 };
}

function checkAcrossIssues(issues: GazetteIssue[], findings: Finding[]): void {
  const seen = new Map<string, GazetteDocument>();
  for (const issue of issues) {
    for (const doc of issue.documents) {
      for (const n of doc.docNumbers) {
        const first = seen.get(n);
        if (first) {
          findings.push(fileFinding(doc.sourcePath, `document number ${n} is already used by ${first.sourcePath}`, "correct the document number; each document number appears once in the archive"));
        } else seen.set(n, doc);
      }
    }
  }
}

function validate<S extends z.ZodType>(source: YamlSource, schema: S, findings: Finding[]): z.output<S> | null {
  findings.push(...source.findings);
  if (source.findings.length > 0) return null;
  const result = schema.safeParse(source.value ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".");
    const pos = source.positionOf(issue.path);
    let message: string;
    let fix: string;
    if (issue.code === "unrecognized_keys") {
      message = `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
      fix = "remove it or correct its spelling (see the editors' guide for the fields)";
      const keyPos = source.positionOf([...issue.path, issue.keys[0]!]);
      findings.push({ file: source.file, ...keyPos, severity: "error", message, fix });
      continue;
    }
    const missing = issue.code === "invalid_type" && issue.message.includes("received undefined");
    if (missing || (issue.code === "invalid_type" && getAt(source.value, issue.path) === undefined)) {
      message = `required field "${field}" is missing`;
      fix = `add a line ${field}: …`;
    } else {
      message = `"${field}" ${issue.message}`;
      fix = "correct the value (see the editors' guide)";
    }
    findings.push({ file: source.file, ...pos, severity: "error", message, fix });
  }
  return null;
}

function getAt(value: unknown, p: readonly PropertyKey[]): unknown {
  let v: unknown = value;
  for (const k of p) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function fileFinding(file: string, message: string, fix: string): Finding {
  return { file, line: 1, column: 1, severity: "error", message, fix };
}

async function readText(p: string): Promise<string | null> {
  try {
    return (await readFile(p, "utf8")).replace(/^\uFEFF/, "");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`cannot read ${p}`, { cause: err });
  }
}
