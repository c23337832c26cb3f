import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { printUrl } from "../print/paths.ts";
import { linkFile, mapLimit } from "../util/index.ts";
import { timePhase } from "../util/phase-times.ts";
import type { PublishedSite } from "./publishing.ts";
import type { DocumentView, IssueView } from "../model/site-model.ts";

/**
 * Page reuse: a rebuild renders only the pages whose inputs changed and takes every other page
 * from the previous output. An editor adding one gazette issue to a 20,000-document archive
 * changes a few dozen of its 42,000 document, issue and print pages; rendering all of them again
 * was most of Eleventy's time (see README, "Large archives").
 *
 * Each reusable page has a fingerprint: the SHA-256 of everything it is rendered from — the page
 * kind, its item of the global `site` data (a {@link DocumentView} with its rendered text, or an
 * {@link IssueView} with its documents' fingerprints), what the layouts take from the rest of
 * `site` for that kind (document pages: `site.documentHeads[url]`, `site.asOfLabel`; every page:
 * `site.settings`), the path prefix, whether pages link the issues' PDFs, and the code that renders
 * it ({@link codeFingerprint}: every file of `src/`, `_includes/`, `eleventy.config.ts` and
 * `package-lock.json`). A page is reused when the previous build wrote it with the same
 * fingerprint and its file is still there. No built page is edited afterwards (`npm run pdf` and
 * the build's PDF step only write PDFs under `pdf/`; the pages link them from the model, see
 * `GazettePluginOptions.pdfs`), so a page file is what its fingerprint says it is. The home
 * page, year pages, feeds, open-data files and search files depend on the whole archive and are
 * always rendered. Tested: a rebuild that reuses pages writes the same bytes as a full build.
 */

/** What every page's fingerprint also covers: the code, the path prefix and whether pages link PDFs. */
export interface ReuseContext {
  code: string;
  pathPrefix: string;
  /** Pages link the gazette issues' PDFs (`GazettePluginOptions.pdfs`). */
  pdfs?: boolean;
}

/** Fingerprints of the pages a build wrote: output file (relative, `/`-separated) → SHA-256 hex. */
export interface PageManifest {
  format: typeof MANIFEST_FORMAT;
  pages: Record<string, string>;
}

/** Format 3: fingerprints only (format 2 also kept each file's size, mtime and inode). */
const MANIFEST_FORMAT = 3;

/** The items of the paginated pages this build renders; the others are reused. */
export interface PagesToRender {
  documents: DocumentView[];
  printDocuments: DocumentView[];
  issues: IssueView[];
  printIssues: IssueView[];
}

/** What {@link planPages} decided. */
export interface PagePlan {
  render: PagesToRender;
  /** Output files (relative, `/`-separated) to take from the previous output, sorted. */
  reuse: string[];
  /** The fingerprints of every reusable page of this build, for the next one. */
  manifest: PageManifest;
}

/**
 * The page manifest of an output folder: `.<name>-pages.json` beside it (`_site` →
 * `._site-pages.json`), like the shard cache, so it stays out of the published site and of git.
 */
export function pageManifestPath(outputDir: string): string {
  const resolved = path.resolve(outputDir);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}-pages.json`);
}

/** Reads a page manifest; null when the file is missing, unreadable or of another format (then nothing is reused). */
export async function readPageManifest(file: string): Promise<PageManifest | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<PageManifest>;
    return parsed.format === MANIFEST_FORMAT && parsed.pages && typeof parsed.pages === "object" ? (parsed as PageManifest) : null;
  } catch {
    return null;
  }
}

/** Writes a page manifest (one JSON object). @throws the file system's error. */
export async function writePageManifest(file: string, manifest: PageManifest): Promise<void> {
  await writeFile(file, JSON.stringify(manifest));
}

/** Removes a page manifest if there is one (before the output it describes is replaced). */
export async function removePageManifest(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** Folders and files of the project whose contents render the pages (see {@link codeFingerprint}). */
const CODE_PATHS = ["src", "_includes", "eleventy.config.ts", "package-lock.json"];

/**
 * SHA-256 (hex) of the code that renders the pages: the path and bytes of every file under
 * `src/` (but `src/dev/`, developer tooling) and `_includes/`, `eleventy.config.ts` and `package-lock.json` (library versions) of
 * `root`. Any change there makes every page render again. Missing paths count as empty.
 */
export async function codeFingerprint(root: string): Promise<string> {
  const files: string[] = [];
  for (const p of CODE_PATHS) {
    const full = path.join(root, p);
    const entries = await readdir(full, { recursive: true, withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOTDIR") return null;
      if (err.code === "ENOENT") return [];
      throw err;
    });
    if (entries === null) files.push(p);
    else for (const e of entries) if (e.isFile()) files.push(path.relative(root, path.join(e.parentPath, e.name)));
  }
  const rendering = files.filter((f) => !f.split(path.sep).join("/").startsWith("src/dev/")).sort();
  const hash = createHash("sha256");
  const contents = await mapLimit(rendering, 16, (f) => readFile(path.join(root, f)));
  rendering.forEach((f, i) => hash.update(`${f.split(path.sep).join("/")}\0${contents[i]!.length}\0`).update(contents[i]!));
  return hash.digest("hex");
}

/**
 * Plans the rendering of the document, issue and print pages: fingerprints every such page of
 * `site` and keeps for rendering those whose fingerprint differs from `previous` or whose file
 * `exists` says is not in the previous output.
 * @param site the published site data of this build.
 * @param context what every page depends on besides its own data: {@link codeFingerprint} and the path prefix.
 * @param previous the previous build's manifest, or null to render everything.
 * @param exists whether the previous output has a file (relative, `/`-separated); default: every
 *   file of the manifest is there (`linkPages` then reports those that are not).
 */
export function planPages(site: PublishedSite, context: ReuseContext, previous: PageManifest | null, exists: (file: string) => boolean = () => true): PagePlan {
  const shared = sha256(JSON.stringify([context.code, context.pathPrefix, context.pdfs === true, site.settings]));
  const pages: Record<string, string> = {};
  const reuse: string[] = [];
  const keep = (file: string, fingerprint: string): boolean => {
    pages[file] = fingerprint;
    const reusable = previous?.pages[file] === fingerprint && exists(file);
    if (reusable) reuse.push(file);
    return !reusable;
  };
  const render: PagesToRender = { documents: [], printDocuments: [], issues: [], printIssues: [] };
  const documentPrints = new Map<DocumentView, string>();
  const documentPrint = (doc: DocumentView): string => {
    let data = documentPrints.get(doc);
    if (data === undefined) {
      // The text apart: JSON would copy it with every character checked for escaping.
      data = createHash("sha256").update(JSON.stringify({ ...doc, html: doc.html.length })).update(doc.html).digest("hex");
      documentPrints.set(doc, data);
    }
    return data;
  };
  for (const doc of site.documents) {
    const data = documentPrint(doc);
    if (keep(outputFile(doc.url), sha256(JSON.stringify(["document", shared, data, site.asOfLabel, site.documentHeads[doc.url]])))) render.documents.push(doc);
    if (keep(outputFile(printUrl(doc)), sha256(JSON.stringify(["print-document", shared, data])))) render.printDocuments.push(doc);
  }
  for (const issue of site.issues) {
    const data = sha256(JSON.stringify({ ...issue, documents: issue.documents.map(documentPrint), sections: issue.sections.map((s) => ({ name: s.name, documents: s.documents.map(documentPrint) })) }));
    if (keep(outputFile(issue.url), sha256(JSON.stringify(["issue", shared, data])))) render.issues.push(issue);
    if (keep(outputFile(printUrl(issue)), sha256(JSON.stringify(["print-issue", shared, data])))) render.printIssues.push(issue);
  }
  return { render, reuse: reuse.sort(), manifest: { format: MANIFEST_FORMAT, pages } };
}

/**
 * Where this build finds the pages of the previous one: `staged` (`buildSite`: the previous output
 * folder `from`, linked into the staging folder `into`, which Eleventy then writes to) or
 * `in-place` (`npm start`: the output folder `dir` is rewritten in place; `previous` is the
 * manifest of what it holds, kept by the plugin between rebuilds).
 */
export type ReuseSource = { kind: "staged"; from: string; into: string } | { kind: "in-place"; dir: string; previous: PageManifest | null };

/**
 * Plans the pages of a build and puts the reused ones in place: a page is reused when its
 * fingerprint is the previous build's and its file is there. For `staged`, reads the manifest
 * beside `from` and links the reused pages into `into` before Eleventy renders (a page missing
 * from `from` is rendered instead); for `in-place`, the pages stay where they are (a page missing
 * from `dir` is rendered). Times `page plan` and `reused pages`.
 * @param render false (`--full`, `GAZETTE_REUSE=off`) renders every page but still fingerprints them for the next build.
 * @throws the file system's error when a page cannot be linked.
 */
export async function planReuse(site: PublishedSite, context: ReuseContext, source: ReuseSource, reuse = true): Promise<PagePlan> {
  const previous = !reuse ? null : source.kind === "staged" ? await readPageManifest(pageManifestPath(source.from)) : source.previous;
  if (source.kind === "in-place") {
    const dir = source.dir;
    return await timePhase("page plan", async () => planPages(site, context, previous, (f) => existsSync(path.join(dir, f))));
  }
  // Staged: linking finds the pages missing from the previous output; they are rendered instead.
  const plan = await timePhase("page plan", async () => planPages(site, context, previous));
  const missing = new Set(await timePhase("reused pages", async () => linkPages(source.from, source.into, plan.reuse)));
  return missing.size > 0 ? planPages(site, context, previous, (f) => !missing.has(f)) : plan;
}

/**
 * The part of a plan's manifest that stays true of an output folder rewritten in place while the
 * build runs: only the reused pages (a build that fails may leave some of its pages written).
 */
export function reusedPart(plan: PagePlan): PageManifest {
  return { format: MANIFEST_FORMAT, pages: Object.fromEntries(plan.reuse.map((f) => [f, plan.manifest.pages[f]!])) };
}

/**
 * Puts the reused pages of the previous output into this build's output: hard links (the files
 * are never written to again: later steps only read pages, and `writePrintViews` only writes
 * the print views this build renders), copies across file systems (`linkFile`: one synchronous
 * system call a file, without the thread pool's round trips).
 * @param files relative, `/`-separated paths (see {@link PagePlan.reuse}).
 * @returns the files missing from `fromDir` (to be rendered instead), in the order of `files`.
 * @throws the file system's error when a file is there but cannot be linked or copied.
 */
export function linkPages(fromDir: string, toDir: string, files: readonly string[]): string[] {
  const made = new Set<string>();
  const missing: string[] = [];
  for (const f of files) {
    const to = path.join(toDir, f);
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      linkFile(path.join(fromDir, f), to);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      missing.push(f);
    }
  }
  return missing;
}

/** Pages of `previous` that `plan` no longer has (documents withheld or removed since), relative paths. */
export function droppedPages(previous: PageManifest | null, plan: PagePlan): string[] {
  return previous ? Object.keys(previous.pages).filter((f) => !(f in plan.manifest.pages)) : [];
}

/**
 * Removes pages from an output folder rewritten in place (`npm start`): those of documents withheld
 * or removed since the last build, so the preview and its search index (Pagefind indexes the
 * document pages it finds) no longer show them. Missing files are skipped.
 * @param files relative, `/`-separated paths.
 */
export async function removePages(outputDir: string, files: readonly string[]): Promise<void> {
  await mapLimit(files, 16, (f) => rm(path.join(outputDir, f), { force: true }));
}

/** The print folders (`<YYYY-NN>`) of the print views in `render`. */
export function printFolders(render: PagesToRender): Set<string> {
  return new Set([...render.printDocuments.map((d) => d.issue.key), ...render.printIssues.map((i) => i.key)]);
}

/** The output file of a page URL: `/2019/2/` → `2019/2/index.html`. */
function outputFile(url: string): string {
  return `${url.replace(/^\//, "")}index.html`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A build's page manifest and how many of its pages were taken from the previous output. */
export interface PageReport {
  manifest: PageManifest;
  /** Document, issue and print pages this build could reuse or render. */
  pages: number;
  /** Of those, taken from the previous output. */
  reused: number;
  /** Print folders (`<YYYY-NN>`) with print views rendered by this build: their issues' PDFs are printed again (`makeIssuePdfs`). */
  printIssues: Set<string>;
}
