import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/** Every file under `dir`, as paths relative to it (POSIX separators), sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/**
 * All text of a built site: every file's bytes as UTF-8, with Pagefind's gzipped index and
 * fragment files decompressed, so a test can prove a string appears nowhere in the output.
 */
export async function allSiteText(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const rel of await listFiles(dir)) {
    let bytes = await readFile(path.join(dir, rel));
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    parts.push(bytes.toString("utf8"));
  }
  return parts.join("\n");
}
