import { readdirSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { checkBodyText, checkDocNumberForm, checkFieldShapes, checkGazetteName, checkMetadataShapes, checkPlaceholders, checkRawText, checkSignatureDate, checkReviewMarkers, checkUnknownFields, checkYamlTraps } from "./checks/index.ts";
import type { Finding } from "./finding.ts";
import { canonicalDocNumber } from "./doc-number.ts";
import { isTextPublished, type GazetteDocument, type GazetteIssue, type IssueLoad, type NumberedFile } from "./model.ts";
import { documentFrontMatter, issueMetadata } from "./schema.ts";
import { parseYamlSource, type YamlSource } from "./yaml-source.ts";
import { splitFrontMatter } from "./split-front-matter.ts";
import { mapLimit } from "../util/index.ts";
import type { Bilingual } from "../i18n/index.ts";
import { checkControlCharacters } from "./checks/control-characters.ts";
import type { ArchiveGazette } from "./checks/gazette-name.ts";
import { readContentFile } from "./read-content-file.ts";

const ISSUE_FOLDER = /^(\d{4})-(\d{2})$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// One gazette issue folder read and checked: issue.yml and its documents (load-archive.ts adds
// archive.yml, the rules across files and the limits).

/**
 * Reads and checks the issue folders `folders` of `contentDir` (names, e.g. `2019-02`), a few at
 * a time (file reads overlap). Everything but the rules across files: those need every issue.
 * @param archive the gazette of `archive.yml`, which every issue's `gazette:` must name (see
 *   `checkGazetteName`); undefined when `archive.yml` gives none.
 * @returns one result per folder, in the order of `folders`.
 */
export async function loadIssueFolders(contentDir: string, folders: readonly string[], root: string, archive?: ArchiveGazette): Promise<IssueLoad[]> {
  const rel = (p: string) => path.relative(root, p).split(path.sep).join("/");
  return mapLimit(folders, 8, async (name) => {
    const own: Finding[] = [];
    const numbered: NumberedFile[] = [];
    return { issue: await loadIssue(path.join(contentDir, name), name, rel, own, numbered, archive), own, numbered };
  });
}

async function loadIssue(
  dir: string,
  folder: string,
  rel: (p: string) => string,
  findings: Finding[],
  numbered: NumberedFile[],
  archive: ArchiveGazette | undefined,
): Promise<GazetteIssue | null> {
  const metaPath = path.join(dir, "issue.yml");
  const metaFile = readContentFile(metaPath, rel(metaPath));
  if (metaFile.kind === "missing") {
    findings.push(fileFinding(rel(dir) + "/", { zh: "这个期次文件夹没有 issue.yml（本期信息）", en: "this gazette issue folder has no issue.yml" }, { zh: "加一个 issue.yml，写明 gazette、year、number、frequency、publisher 和 sections（可用 npm run new 生成）", en: "add issue.yml with gazette, year, number, frequency, publisher and sections (npm run new scaffolds one)" }));
    return null;
  }
  if (metaFile.kind === "error") findings.push(metaFile.finding);
  if (metaFile.kind !== "text") return null;
  const metaText = metaFile.text;
  const source = parseYamlSource(metaText.replace(/^\uFEFF/, ""), rel(metaPath));
  const meta = checkYaml(metaText, rel(metaPath), issueMetadata, findings, source);
  findings.push(...checkGazetteName(source, archive));
  if (!meta) {
    // The documents are checked all the same (all errors in one pass), without their sections.
    checkDocumentsOfBrokenIssue(dir, folder, rel(metaPath), source, rel, findings, numbered);
    return null;
  }
  const m = ISSUE_FOLDER.exec(folder);
  if (!m || Number(m[1]) !== meta.year || Number(m[2]) !== meta.number) {
    checkDocumentsOfBrokenIssue(dir, folder, rel(metaPath), source, rel, findings, numbered);
    const expected = `${meta.year}-${String(meta.number).padStart(2, "0")}`;
    findings.push({ file: rel(metaPath), ...source.positionOf(["year"]), severity: "error", message: `文件夹名“${folder}”与年份 ${meta.year}、期号 ${meta.number} 不一致`, fix: `把文件夹改名为 ${expected}（或改正 year 和 number）`, en: { message: `the folder name "${folder}" does not match year ${meta.year} and number ${meta.number}`, fix: `rename the folder to ${expected}` } });
    return null;
  }
  const url = `/${meta.year}/${meta.number}/`;
  const issue: GazetteIssue = { ...meta, key: folder, url, label: `${meta.year}年第${meta.number}期`, sourcePath: rel(metaPath), documents: [] };

  const entries = await readdir(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name === "original.pdf")) issue.originalPath = rel(path.join(dir, "original.pdf"));
  const files = entries.filter((e) => e.isFile() && e.name.endsWith(".md") && !e.name.startsWith("_")).map((e) => e.name).sort();
  // Each file is read and checked in turn, in file order. Read synchronously: a small file comes
  // from the page cache, and the promise API's thread-pool steps for each file cost more than the read.
  for (const file of files) {
    const read = readContentFile(path.join(dir, file), rel(path.join(dir, file)));
    if (read.kind === "error") findings.push(read.finding);
    if (read.kind !== "text") continue;
    const doc = loadDocument(path.join(dir, file), read.text, issue, rel, findings, numbered);
    if (doc) issue.documents.push(doc);
  }
  const order = (s: string) => meta.sections.indexOf(s);
  issue.documents.sort(
    (a, b) => order(a.section) - order(b.section) || (a.page ?? Infinity) - (b.page ?? Infinity) || a.slug.localeCompare(b.slug),
  );
  return issue;
}

/**
 * Checks the documents of an issue folder whose issue.yml has errors, with what issue.yml still
 * gives (the section rule needs its sections). None of them is published, but the document numbers
 * of every one, passing or not, go to `numbered` for the rule across files (all errors in one pass).
 */
function checkDocumentsOfBrokenIssue(dir: string, folder: string, sourcePath: string, source: YamlSource, rel: (p: string) => string, findings: Finding[], numbered: NumberedFile[]): void {
  const readable = (source.value ?? {}) as Record<string, unknown>;
  const sections = Array.isArray(readable.sections) && readable.sections.every((x) => typeof x === "string") ? (readable.sections as string[]) : null;
  const stub: GazetteIssue = {
    gazette: typeof readable.gazette === "string" ? readable.gazette : "",
    year: 0,
    number: 0,
    frequency: "",
    publisher: "",
    sections: sections ?? [],
    key: folder,
    url: `/${folder}/`,
    label: folder,
    sourcePath,
    documents: [],
  };
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".md") && !e.name.startsWith("_")).map((e) => e.name).sort();
  } catch (err) {
    throw new Error(`cannot read ${dir}`, { cause: err });
  }
  for (const name of names) {
    const read = readContentFile(path.join(dir, name), rel(path.join(dir, name)));
    if (read.kind !== "text") continue;
    const doc = loadDocument(path.join(dir, name), read.text, stub, rel, findings, numbered, sections !== null);
    // A document that passes is still left out with its issue; its numbers count all the same.
    if (doc && doc.docNumbers.length > 0) numbered.push({ sourcePath: doc.sourcePath, docNumbers: doc.docNumbers, line: doc.fieldLines?.docNumber ?? 1 });
  }
}

function loadDocument(
  file: string,
  raw: string,
  issue: GazetteIssue,
  rel: (p: string) => string,
  findings: Finding[],
  numbered: NumberedFile[],
  checkSection = true,
): GazetteDocument | null {
  const relPath = rel(file);
  const slug = path.basename(file, ".md");
  const text = raw.replace(/^\uFEFF/, "");
  if (!SLUG.test(slug)) {
    findings.push(fileFinding(relPath, { zh: `文件名“${slug}.md”不是小写英文字母和数字，它会成为网址的最后一段`, en: `the file name "${slug}.md" is not a lowercase ASCII name; it becomes the document's web address` }, { zh: "改用小写英文字母、数字和连字符命名，如 rzf-2019-2.md", en: "rename it with lowercase letters, digits and hyphens, e.g. rzf-2019-2.md" }));
  }
  const split = splitFrontMatter(text);
  if (!split) {
    findings.push(fileFinding(relPath, { zh: "文件开头没有用两行 --- 括起来的前置信息", en: "the file does not start with front matter between two --- lines" }, { zh: "第一行写 ---，接着写各字段，再写一行 --- 结束，然后是正文", en: "put the fields between a first line --- and a closing line ---" }));
    return null;
  }
  findings.push(...checkRawText(raw, relPath, split.bodyLine - 1));
  const source = parseYamlSource(split.frontMatter, relPath, 1);
  const fm = checkYaml(split.frontMatter, relPath, documentFrontMatter, findings, source, 1, false);
  // On the fields as mended: an unclosed quote hides no other mistake of the file.
  findings.push(...checkMetadataShapes(source, source.mended));
  // Every rule runs even when a field is wrong, on what could be read: all errors in one pass.
  const readable = (source.value ?? {}) as Record<string, unknown>;
  const date = fm ? fm.date : typeof readable.date === "string" ? readable.date : undefined;
  findings.push(...checkDocNumberForm(source, readable.docNumber, date));
  const textPublished = fm ? isTextPublished(fm) : readable.publication === "public";
  findings.push(...checkBodyText(split.body, relPath, split.bodyLine, { gazette: issue.gazette, textPublished }));
  if (textPublished) findings.push(...checkPlaceholders(split.body, relPath, split.bodyLine));
  findings.push(...checkSignatureDate(split.body, date, relPath, split.bodyLine));
  // A document left out for an error still takes part in the document-number rule across files.
  const leftOut = () => {
    const written = Array.isArray(readable.docNumber) ? readable.docNumber : [readable.docNumber];
    const docNumbers = written.flatMap((n) => (typeof n === "string" && canonicalDocNumber(n) ? [canonicalDocNumber(n)!] : []));
    // …and in the list of known issuers: an unknown issuer is said in the same pass as the error.
    const names = (Array.isArray(readable.issuer) ? readable.issuer : [readable.issuer]).flatMap((n) => (typeof n === "string" && n.trim() !== "" ? [n.trim()] : []));
    const issuers = names.length > 0 ? { issuers: { names, line: source.positionOf(["issuer"]).line } } : {};
    if (docNumbers.length > 0 || names.length > 0) numbered.push({ sourcePath: relPath, docNumbers, line: source.positionOf(["docNumber"]).line, ...issuers });
    return null;
  };
  const section = fm?.section ?? (typeof readable.section === "string" ? readable.section.trim() : undefined);
  if (checkSection && section !== undefined && section !== "" && !issue.sections.includes(section)) {
    findings.push({
      file: relPath,
      ...source.positionOf(["section"]),
      severity: "error",
      message: `栏目（section）“${section}”没有在 ${issue.sourcePath} 中列出`,
      fix: `改为其中之一：${issue.sections.join("、")}；或把它加到 issue.yml 的 sections 中`,
      en: { message: `"section" is "${section}", which ${issue.sourcePath} does not declare`, fix: `use one of: ${issue.sections.join("、")}, or add it to sections in issue.yml` },
    });
    return leftOut();
  }
  if (!fm) return leftOut();
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
    fieldLines: fieldLines(source, ["title", "issuer", "docNumber", "validFrom", "validUntil", "repealedBy", "amendedBy", "validity", "date"]),
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
 * Runs the YAML rule families on one YAML text: raw text (BOM, CRLF, tabs; when `rawChecks`),
 * YAML traps, unknown fields (warnings), review markers and the zod field shapes.
 * @returns the parsed value, or null when there was an error.
 */
/** Parses and checks one YAML text against `schema`, adding its findings; null when it does not pass. */
export function checkYaml<S extends z.ZodObject>(
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
  findings.push(...checkYamlTraps(source));
  findings.push(...checkUnknownFields(source, Object.keys(schema.shape)));
  if (source.findings.length === 0) findings.push(...checkControlCharacters(source));
  return checkFieldShapes(source, schema, findings);
}

/** An error about a whole file (line 1, column 1). */
export function fileFinding(file: string, message: Bilingual, fix: Bilingual): Finding {
  return { file, line: 1, column: 1, severity: "error", message: message.zh, fix: fix.zh, en: { message: message.en, fix: fix.en } };
}
