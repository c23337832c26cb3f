import { readFile } from "node:fs/promises";

/**
 * The UTF-8 text of `file`, or null when it does not exist.
 * @throws the file system's error for anything else (permissions, a folder, …): those must not
 *   pass for a missing file.
 */
export async function readTextIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}
