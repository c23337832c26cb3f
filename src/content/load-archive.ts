import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { checkAcrossFiles, checkKnownIssuers, checkValidityFields } from "./checks/index.ts";
import { ContentError, sortFindings, type Finding } from "./finding.ts";
import type { Archive, GazetteIssue } from "./model.ts";
import { archiveSettings } from "./schema.ts";
import { splitFrontMatter } from "./split-front-matter.ts";
import { checkContentFiles } from "./checks/content-files.ts";
import { checkLimits } from "./checks/limits.ts";
import { readContentFile } from "./read-content-file.ts";
import { checkYaml, fileFinding, loadIssueFolders } from "./load-issue.ts";

export { splitFrontMatter };
export type { IssueLoad } from "./model.ts";

/** Result of reading the content folder: the archive (when it could be built) and every finding. */
export interface LoadResult {
  archive: Archive | null;
  findings: Finding[];
}


/**
 * Reads and validates a whole content folder (`issues/`): `archive.yml`, then each
 * `YYYY-NN/issue.yml` and every `*.md` document beside it (files starting with `_` are notes,
 * not documents). Runs every rule family of `checks/` (raw text, YAML traps, field shapes,
 * unknown fields, document numbers, review markers, body text, one gazette per archive, rules
 * across files), and first
 * lists every entry that is not content (`checkContentFiles`: templates, links, FIFOs, misplaced
 * files, never opened). Files are read only when they are regular files, and only as UTF-8
 * (`readContentFile`); control characters, hostile YAML and the size limits of `archive.yml`
 * (`checkLimits`) are errors.
 * Never throws for bad content: every problem is returned as a finding with
 * file, line and column, in `sortFindings` order; `archive` is null when any error was found.
 * @param contentDir folder holding the gazette issues, absolute or relative to `cwd`.
 * @param root folder that finding paths are made relative to (default: `process.cwd()`).
 * @throws Error only when a file cannot be read for another reason than not existing.
 */
export async function loadArchive(contentDir: string, root = process.cwd()): Promise<LoadResult> {
  const findings: Finding[] = [];
  const rel = (p: string) => path.relative(root, p).split(path.sep).join("/");
  if (!(await isDirectory(contentDir))) {
    findings.push(fileFinding(rel(contentDir) + "/", { zh: "内容文件夹不存在", en: "the content folder does not exist" }, { zh: "请在仓库根目录运行命令，或用 --content 指定内容文件夹", en: "run the command from the repository folder, or give the right folder with --content" }));
    return { archive: null, findings };
  }
  // Files that are not content (templates, scripts, links, FIFOs, misplaced documents) are reported, never opened.
  findings.push(...(await checkContentFiles(contentDir, rel)));
  const settingsPath = path.join(contentDir, "archive.yml");
  const settingsFile = readContentFile(settingsPath, rel(settingsPath));
  let settings: z.output<typeof archiveSettings> | null = null;
  if (settingsFile.kind === "missing") {
    findings.push(fileFinding(rel(settingsPath), { zh: "缺少网站设置文件 archive.yml", en: "the archive settings file is missing" }, { zh: "新建该文件，至少写 title:（网站名称）和 publisher:（主办单位），见编辑指南", en: "create it with title: and publisher: (see the editors' guide)" }));
  } else if (settingsFile.kind === "error") findings.push(settingsFile.finding);
  else if (settingsFile.kind === "text") settings = checkYaml(settingsFile.text, rel(settingsPath), archiveSettings, findings);

  const issues: GazetteIssue[] = [];
  const folders = (await readdir(contentDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith(".") && !e.name.startsWith("_"))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  // Every issue folder first: the rules across files below need them all.
  const loaded = await loadIssueFolders(contentDir, folders, root, settings ? { title: settings.title, file: rel(settingsPath) } : undefined);
  for (const { issue, own } of loaded) {
    findings.push(...own);
    if (issue) issues.push(issue);
  }
  findings.push(...checkLimits(issues, settings?.limits));
  findings.push(...checkAcrossFiles(issues, loaded.flatMap((l) => l.numbered)));
  findings.push(...checkValidityFields(issues));
  findings.push(...checkKnownIssuers(issues, settings?.issuers ?? [], loaded.flatMap((l) => l.numbered)));
  issues.sort((a, b) => b.year - a.year || b.number - a.number);
  const hasError = findings.some((f) => f.severity === "error");
  return { archive: hasError || !settings ? null : { settings, issues }, findings: sortFindings(findings) };
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

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw new Error(`cannot read ${p}`, { cause: err });
  }
}

