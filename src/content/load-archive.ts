import { readFileSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import {
  checkAcrossFiles,
  checkBodyText,
  checkDocNumberForm,
  checkFieldShapes,
  checkKnownIssuers,
  checkMetadataShapes,
  checkRawText,
  checkReviewMarkers,
  checkUnknownFields,
  checkValidityFields,
  checkYamlTraps,
} from "./checks/index.ts";
import { ContentError, type Finding } from "./finding.ts";
import { isTextPublished, type Archive, type GazetteDocument, type GazetteIssue } from "./model.ts";
import { archiveSettings, documentFrontMatter, issueMetadata } from "./schema.ts";
import { parseYamlSource, type YamlSource } from "./yaml-source.ts";
import { mapLimit } from "../util/index.ts";
import { loadIssuesInParallel, type ParallelLoadOptions } from "./load-in-parallel.ts";

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
 * not documents). Runs every rule family of `checks/` (raw text, YAML traps, field shapes,
 * unknown fields, document numbers, review markers, body text, rules across files).
 * Never throws for bad content: every problem is returned as a finding with
 * file, line and column; `archive` is null when any error was found.
 * @param contentDir folder holding the gazette issues, absolute or relative to `cwd`.
 * Issue folders are read and checked on every core (`loadIssuesInParallel`); the result is the
 * same, finding for finding, as on one thread.
 * @param root folder that finding paths are made relative to (default: `process.cwd()`).
 * @throws Error only when a file cannot be read for another reason than not existing, or a content worker fails.
 */
export async function loadArchive(contentDir: string, root = process.cwd(), options: ParallelLoadOptions = {}): Promise<LoadResult> {
  const findings: Finding[] = [];
  const rel = (p: string) => path.relative(root, p).split(path.sep).join("/");
  if (!(await isDirectory(contentDir))) {
    findings.push(fileFinding(rel(contentDir) + "/", "the content folder does not exist", "run the command from the repository folder, or give the right folder with --content"));
    return { archive: null, findings };
  }
  const settingsPath = path.join(contentDir, "archive.yml");
  const settingsText = await readText(settingsPath);
  let settings: z.output<typeof archiveSettings> | null = null;
  if (settingsText === null) {
    findings.push(fileFinding(rel(settingsPath), "the archive settings file is missing", "create it with title: and publisher: (see the editors' guide)"));
  } else {
    settings = checkYaml(settingsText, rel(settingsPath), archiveSettings, findings);
  }

  const issues: GazetteIssue[] = [];
  const folders = (await readdir(contentDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith(".") && !e.name.startsWith("_"))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  // Issue folders are read and checked on every core; the rules across files below need them all.
  const loaded = await loadIssuesInParallel(contentDir, root, folders, (names) => loadIssueFolders(contentDir, names, root), options);
  for (const { issue, own } of loaded) {
    findings.push(...own);
    if (issue) issues.push(issue);
  }
  findings.push(...checkAcrossFiles(issues));
  findings.push(...checkValidityFields(issues));
  findings.push(...checkKnownIssuers(issues, settings?.issuers ?? []));
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

/** One issue folder read and checked on its own: the issue (null when it could not be read) and its findings. */
export interface IssueLoad {
  issue: GazetteIssue | null;
  own: Finding[];
}

/**
 * Reads and checks the issue folders `folders` of `contentDir` (names, e.g. `2019-02`), a few at
 * a time (file reads overlap). Everything but the rules across files: those need every issue.
 * @returns one result per folder, in the order of `folders`.
 */
export async function loadIssueFolders(contentDir: string, folders: readonly string[], root: string): Promise<IssueLoad[]> {
  const rel = (p: string) => path.relative(root, p).split(path.sep).join("/");
  return mapLimit(folders, 8, async (name) => {
    const own: Finding[] = [];
    return { issue: await loadIssue(path.join(contentDir, name), name, rel, own), own };
  });
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
  const source = parseYamlSource(metaText.replace(/^\uFEFF/, ""), rel(metaPath));
  const meta = checkYaml(metaText, rel(metaPath), issueMetadata, findings, source);
  if (!meta) return null;
  const m = ISSUE_FOLDER.exec(folder);
  if (!m || Number(m[1]) !== meta.year || Number(m[2]) !== meta.number) {
    const expected = `${meta.year}-${String(meta.number).padStart(2, "0")}`;
    findings.push({ file: rel(metaPath), ...source.positionOf(["year"]), severity: "error", message: `the folder name "${folder}" does not match year ${meta.year} and number ${meta.number}`, fix: `rename the folder to ${expected}` });
    return null;
  }
  const url = `/${meta.year}/${meta.number}/`;
  const issue: GazetteIssue = { ...meta, key: folder, url, label: `${meta.year}年第${meta.number}期`, sourcePath: rel(metaPath), documents: [] };

  const entries = await readdir(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name === "original.pdf")) issue.originalPath = rel(path.join(dir, "original.pdf"));
  for (const e of entries) if (e.isFile()) checkUnreadFile(e.name, rel(path.join(dir, e.name)), findings);
  const files = entries.filter((e) => e.isFile() && e.name.endsWith(".md") && !e.name.startsWith("_")).map((e) => e.name).sort();
  // Each file is read and checked in turn, in file order. Read synchronously: from the page cache a
  // read takes microseconds, and the promise API's four thread-pool steps a file took twice as long (profiled).
  for (const file of files) {
    const doc = loadDocument(path.join(dir, file), readFileSync(path.join(dir, file), "utf8"), issue, rel, findings);
    if (doc) issue.documents.push(doc);
  }
  const order = (s: string) => meta.sections.indexOf(s);
  issue.documents.sort(
    (a, b) => order(a.section) - order(b.section) || (a.page ?? Infinity) - (b.page ?? Infinity) || a.slug.localeCompare(b.slug),
  );
  return issue;
}

function loadDocument(
  file: string,
  raw: string,
  issue: GazetteIssue,
  rel: (p: string) => string,
  findings: Finding[],
): GazetteDocument | null {
  const relPath = rel(file);
  const slug = path.basename(file, ".md");
  const text = raw.replace(/^\uFEFF/, "");
  if (!SLUG.test(slug)) {
    findings.push(fileFinding(relPath, `the file name "${slug}.md" is not a lowercase ASCII name; it becomes the document's web address`, "rename it with lowercase letters, digits and hyphens, e.g. rzf-2019-2.md"));
  }
  const split = splitFrontMatter(text);
  if (!split) {
    findings.push(fileFinding(relPath, "the file does not start with front matter between two --- lines", "put the fields between a first line --- and a closing line ---"));
    return null;
  }
  findings.push(...checkRawText(raw, relPath, split.bodyLine - 1));
  const source = parseYamlSource(split.frontMatter, relPath, 1);
  const fm = checkYaml(split.frontMatter, relPath, documentFrontMatter, findings, source, 1, false);
  if (source.findings.length === 0) findings.push(...checkMetadataShapes(source, source.value));
  if (!fm) return null;
  findings.push(...checkDocNumberForm(source, (source.value as Record<string, unknown>).docNumber, fm.date));
  findings.push(...checkBodyText(split.body, relPath, split.bodyLine, { gazette: issue.gazette, textPublished: isTextPublished(fm) }));
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
    ...(fm.validity === undefined ? {} : { validity: fm.validity }),
    ...(fm.validFrom === undefined ? {} : { validFrom: fm.validFrom }),
    ...(fm.validUntil === undefined ? {} : { validUntil: fm.validUntil }),
    ...(fm.repealedBy === undefined ? {} : { repealedBy: fm.repealedBy }),
    ...(fm.amendedBy === undefined ? {} : { amendedBy: fm.amendedBy }),
    fieldLines: fieldLines(source, ["issuer", "docNumber", "validFrom", "validUntil", "repealedBy", "amendedBy", "validity", "date"]),
    ...(fm.page === undefined ? {} : { page: fm.page, pageLine: source.positionOf(["page"]).line }),
    ...(fm.pdfPage === undefined ? {} : { pdfPage: fm.pdfPage }),
    body: split.body,
    bodyLine: split.bodyLine,
    issueKey: issue.key,
  };
}

/** Lines of the given top-level fields that the front matter holds. */
function fieldLines<K extends string>(source: YamlSource, keys: readonly K[]): Partial<Record<K, number>> {
  const value = (source.value ?? {}) as Record<string, unknown>;
  const out: Partial<Record<K, number>> = {};
  for (const k of keys) if (value[k] !== undefined) out[k] = source.positionOf([k]).line;
  return out;
}

/**
 * Splits `---\n<yaml>\n---\n<body>`; returns null when there is no front matter. Lines end at
 * `\n` or `\r\n`; both parts are given with `\n` line ends. `bodyLine` is the 1-based line of
 * the file where the body starts.
 */
export function splitFrontMatter(text: string): { frontMatter: string; body: string; bodyLine: number } | null {
  // Reads lines only up to the closing --- (profiled: splitting and joining every body was slow).
  const firstEnd = text.indexOf("\n");
  if (text.slice(0, firstEnd < 0 ? undefined : firstEnd).trim() !== "---" || firstEnd < 0) return null;
  let line = 1;
  for (let start = firstEnd + 1; ; line++) {
    const end = text.indexOf("\n", start);
    if (text.slice(start, end < 0 ? undefined : end).trim() === "---") {
      // The line end before the closing --- belongs to neither part.
      const fmEnd = start - (text[start - 2] === "\r" && start - 2 > firstEnd ? 2 : 1);
      return {
        frontMatter: lfLines(text.slice(firstEnd + 1, Math.max(firstEnd + 1, fmEnd))),
        body: end < 0 ? "" : lfLines(text.slice(end + 1)),
        bodyLine: line + 2,
      };
    }
    if (end < 0) return null;
    start = end + 1;
  }
}

/** `\r\n` line ends as `\n` (a lone `\r` stays), as `split(/\r?\n/).join("\n")` gives. */
function lfLines(text: string): string {
  return text.includes("\r") ? text.replace(/\r?\n/g, "\n") : text;
}

/**
 * Runs the YAML rule families on one YAML text: raw text (BOM, CRLF, tabs; when `rawChecks`),
 * YAML traps, unknown fields (warnings), review markers and the zod field shapes.
 * @returns the parsed value, or null when there was an error.
 */
function checkYaml<S extends z.ZodObject>(
  text: string,
  file: string,
  schema: S,
  findings: Finding[],
  source: YamlSource = parseYamlSource(text.replace(/^\uFEFF/, ""), file),
  lineOffset = 0,
  rawChecks = true,
): z.output<S> | null {
  if (rawChecks) findings.push(...checkRawText(text, file));
  findings.push(...checkReviewMarkers(text, file, lineOffset));
  if (source.findings.length === 0) {
    findings.push(...checkYamlTraps(source));
    findings.push(...checkUnknownFields(source, Object.keys(schema.shape)));
  }
  return checkFieldShapes(source, schema, findings);
}

/**
 * A file of an issue folder that is neither a document (`*.md`), `issue.yml` nor a note (`_…`)
 * is never read. One that looks like a document saved with another ending (`.MD`, `.markdown`,
 * `.txt`) is an error, else the document would be missing from the site without a word; any
 * other file (a scan, a Word file) is a warning.
 */
function checkUnreadFile(name: string, relPath: string, findings: Finding[]): void {
  // original.pdf: the printed issue kept by npm run import, published beside the issue page.
  if (name === "issue.yml" || name === "original.pdf" || name.endsWith(".md") || name.startsWith("_") || name.startsWith(".")) return;
  const stem = name.replace(/\.[^.]*$/, "");
  if (/\.(?:md|markdown|txt)$/i.test(name)) {
    findings.push(fileFinding(relPath, `"${name}" is not read: only files ending in .md are documents`, `rename it ${stem}.md (lowercase .md)`));
  } else {
    findings.push({ ...fileFinding(relPath, `"${name}" is not read: only .md documents and issue.yml are`, "move it out of the issue folder, or start its name with _ to keep it as a note"), severity: "warning" });
  }
}

function fileFinding(file: string, message: string, fix: string): Finding {
  return { file, line: 1, column: 1, severity: "error", message, fix };
}

async function readText(p: string): Promise<string | null> {
  try {
    return await readFile(p, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`cannot read ${p}`, { cause: err });
  }
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw new Error(`cannot read ${p}`, { cause: err });
  }
}

