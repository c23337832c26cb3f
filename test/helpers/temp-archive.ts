import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Folder of the project (two levels above this file). */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The small fixture archive used by the integration tests. */
export const FIXTURE_ARCHIVE = path.join(PROJECT_ROOT, "test/fixtures/archive");

/**
 * Copies the fixture archive into a new temporary folder and applies `files` on top
 * (path relative to the archive → new content; `null` deletes nothing, it only documents intent).
 * @returns the path of the temporary archive.
 */
export async function tempArchive(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-archive-"));
  await cp(FIXTURE_ARCHIVE, dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return dir;
}

/**
 * A new temporary content folder holding only `archive.yml` with `settings` (no gazette issue):
 * for issues of another gazette than the fixture archive's (one archive holds one gazette).
 * @returns the path of the folder.
 */
export async function emptyArchive(settings: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-archive-"));
  await writeFile(path.join(dir, "archive.yml"), settings);
  return dir;
}

/** A valid document front matter with `overrides` merged in (a value of `undefined` drops the key). */
export function documentText(overrides: Record<string, string | undefined> = {}, body = "现将有关事项通知如下。\n"): string {
  const fields: Record<string, string | undefined> = {
    title: '"测试文件"',
    docNumber: '"测政发〔2019〕8号"',
    issuer: '"测试市人民政府"',
    date: "2019-03-01",
    publication: "public",
    section: '"市政府文件"',
    page: "2",
    ...overrides,
  };
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}`;
}
