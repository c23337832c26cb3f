import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ImportResult } from "./import-dump.ts";
import { ImportError } from "./import-error.ts";
import { pathExists } from "../util/index.ts";

/**
 * Writes the files of an import into `<contentDir>/<folder>/`. Refuses to overwrite: when the
 * folder exists already, nothing is written.
 * @returns the folder written.
 * @throws ImportError when the gazette issue folder exists.
 */
export async function writeImport(result: ImportResult, contentDir: string): Promise<string> {
  const dir = await refuseExistingIssue(result.folder, contentDir);
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(result.files)) await writeFile(path.join(dir, name), text, { flag: "wx" });
  for (const [name, bytes] of Object.entries(result.binaryFiles ?? {})) await writeFile(path.join(dir, name), bytes, { flag: "wx" });
  return dir;
}


/**
 * Checks that the gazette issue folder `<contentDir>/<folder>/` does not exist yet, before
 * anything of an import is printed or written.
 * @returns the folder's path.
 * @throws ImportError (Chinese, with the fix) when it exists: the import never overwrites.
 */
export async function refuseExistingIssue(folder: string, contentDir: string): Promise<string> {
  const dir = path.join(contentDir, folder);
  if (await pathExists(dir)) {
    throw new ImportError(`${path.join(path.basename(contentDir), folder)}/ 已经存在；导入程序从不覆盖已有的一期。请先删除或改名该文件夹，或用其他 --year/--number 导入。`);
  }
  return dir;
}
