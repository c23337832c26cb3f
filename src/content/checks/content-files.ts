import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Finding } from "../finding.ts";

/**
 * Attachments an issue folder may keep beside its documents (never published, never read):
 * the original PDF and scanned pages.
 */
const ATTACHMENT = /\.(?:pdf|png|jpe?g|gif|webp|tiff?)$/i;
/** A document saved with another ending than `.md`. */
const DOCUMENT_LOOKALIKE = /\.(?:md|markdown|mdown|txt)$/i;
/** How deep folders under the content folder are looked into. */
const MAX_DEPTH = 6;

/**
 * Content is data, never code: lists every entry of the content folder (`issues/`) that is not
 * gazette content, without opening any file. Allowed are, at the root, `archive.yml` and
 * `README.md`; in an issue folder (`YYYY-NN/`), `issue.yml`, documents (`*.md`), notes (`_…md`,
 * `_…txt`, e.g. `_editors-note.md`) and attachments (the original PDF, images: `.pdf .png .jpg
 * .jpeg .gif .webp .tif .tiff`), which may also sit in subfolders; folders starting with `_`
 * hold notes and attachments. Hidden entries (`.git`, `.DS_Store`) are skipped.
 * Everything else is an error with its fix: a template or script (`.njk`, `.liquid`, `.11ty.js`,
 * `.html` — Eleventy never renders them, see `renderRegisteredPagesOnly`, but they must not sit
 * in the content), a `.md` at the root of `issues/` or in a subfolder of an issue (it would be
 * silently ignored), a symbolic link (never followed: it could publish a file from outside
 * `issues/`, and git keeps only the link), a FIFO, socket or device (never opened: reading a
 * FIFO blocks the build).
 * @param contentDir the content folder (absolute or relative to `cwd`).
 * @param rel makes a path relative to the repository root for the findings.
 * @returns file-level findings (line 1, column 1), in folder order.
 */
export async function checkContentFiles(contentDir: string, rel: (p: string) => string): Promise<Finding[]> {
  const findings: Finding[] = [];
  await walk(contentDir, 0, false, rel, findings);
  return findings;
}

async function walk(dir: string, depth: number, notes: boolean, rel: (p: string) => string, findings: Finding[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const full = path.join(dir, e.name);
    const problem = entryProblem(e, depth, notes);
    if (problem) findings.push({ file: rel(full) + (e.isDirectory() ? "/" : ""), line: 1, column: 1, severity: "error", ...problem });
    else if (e.isDirectory()) {
      if (depth + 1 > MAX_DEPTH) {
        findings.push({ file: rel(full) + "/", line: 1, column: 1, severity: "error", message: `文件夹层级过深（超过 ${MAX_DEPTH} 层），不会被读取`, fix: "把其中的文件移到期文件夹（如 2019-02/）中，或移出 issues/" });
      } else await walk(full, depth + 1, notes || e.name.startsWith("_"), rel, findings);
    }
  }
}

/** What is wrong with one entry at `depth` (0 = the content folder itself), or null when it may stay. */
function entryProblem(e: Dirent, depth: number, notes: boolean): { message: string; fix: string } | null {
  const name = e.name;
  if (e.isSymbolicLink()) {
    return { message: `“${name}”是符号链接：符号链接一律不读取（它可能指向 issues/ 以外的文件，git 也只保存链接本身）`, fix: "删除链接，把文件或文件夹本身复制到这里" };
  }
  if (e.isDirectory()) {
    // A folder named like a content file would leave that file silently missing.
    return /\.(?:md|ya?ml)$/i.test(name) ? { message: `“${name}”是文件夹，不是文件，不会被读取`, fix: "把它换成同名的文件" } : null;
  }
  if (!e.isFile()) {
    const kind = e.isFIFO() ? "命名管道（FIFO）" : e.isSocket() ? "套接字" : "设备文件";
    return { message: `“${name}”是${kind}，不是普通文件，不会被打开`, fix: "删除它；内容只能是普通文件" };
  }
  const code = isCode(name);
  if (code) return { message: `“${name}”是模板或脚本文件：issues/ 只存放公报内容，模板与代码不会被执行，也不得放在这里`, fix: "删除它；页面版式在 _includes/layouts/ 中修改" };
  if (ATTACHMENT.test(name) && depth > 0) return null;
  if (depth === 0) {
    if (name === "archive.yml" || name === "README.md") return null;
    if (/\.md$/i.test(name)) return { message: `“${name}”位于 issues/ 根目录，不会被读取：文件必须放在某一期的文件夹中`, fix: "把它移到所属期的文件夹（如 issues/2019-02/）中" };
    return { message: `“${name}”不是公报内容，不会被读取：issues/ 根目录只放 archive.yml 和 README.md`, fix: "把它移出 issues/，或移到某一期的文件夹中（原件 PDF、图片可以放在期文件夹里）" };
  }
  if (notes) {
    if (/\.(?:md|txt)$/i.test(name)) return null;
    return { message: `“${name}”不是说明、原件 PDF 或图片，不会被读取`, fix: "把它移出 issues/" };
  }
  if (name.startsWith("_") && /\.(?:md|txt)$/i.test(name)) return null;
  if (depth === 1) {
    if (name === "issue.yml" || name.endsWith(".md")) return null;
    const stem = name.replace(/\.[^.]*$/, "");
    if (DOCUMENT_LOOKALIKE.test(name)) return { message: `“${name}”不会被读取：只有以 .md 结尾的文件才是公报文件`, fix: `把它改名为 ${stem}.md（小写 .md）` };
    return { message: `“${name}”不是公报文件、issue.yml、说明或原件 PDF/图片，不会被读取`, fix: "把它移出 issues/；要保留为说明，请用以下划线开头的 .md 或 .txt 文件名" };
  }
  if (/\.md$/i.test(name)) return { message: `“${name}”位于期文件夹的子文件夹中，不会作为公报文件读取`, fix: "把它移到上一级的期文件夹（如 issues/2019-02/）中；要保留为说明，请以下划线开头命名" };
  return { message: `“${name}”不是原件 PDF 或图片，不会被读取`, fix: "把它移出 issues/" };
}

/** Template, markup and script endings that a site generator could run or render. */
function isCode(name: string): boolean {
  return /\.(?:njk|nunjucks|liquid|html?|xhtml|svg|11ty\.[cm]?[jt]s|[cm]?[jt]sx?|json5?|hbs|handlebars|mustache|ejs|pug|jade|haml|webc|vto|php|sh|py|rb|pl|css|s[ac]ss)$/i.test(name);
}
