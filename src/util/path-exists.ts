import { stat } from "node:fs/promises";

/**
 * Whether a file or folder exists at `p`.
 * @returns false when nothing is there (ENOENT, or a path through a file: ENOTDIR).
 * @throws the file system's error for anything else (e.g. EACCES), never hiding it.
 */
export async function pathExists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return false;
    throw err;
  }
}
