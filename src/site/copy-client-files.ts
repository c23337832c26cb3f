import { copyFile, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Folder of the browser files (`src/client/`). */
export const CLIENT_DIR = fileURLToPath(new URL("../client/", import.meta.url));

/**
 * Copies the browser files that need no bundling (`src/client/*.js` and `*.svg`: the text-size
 * option, the favicon) to `<outputDir>/assets/`. Run after the pages are written (in
 * `eleventy.after`) rather than as an Eleventy passthrough copy: a passthrough copy still in
 * flight when a page fails would fail later, outside any handler, after the build has already
 * reported its error.
 * @returns the names copied, sorted.
 */
export async function copyClientFiles(outputDir: string, from = CLIENT_DIR): Promise<string[]> {
  const names = (await readdir(from)).filter((n) => /\.(?:js|svg)$/u.test(n)).sort();
  const assets = path.join(outputDir, "assets");
  await mkdir(assets, { recursive: true });
  for (const name of names) await copyFile(path.join(from, name), path.join(assets, name));
  return names;
}
