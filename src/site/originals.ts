import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";

/**
 * Publishes the original PDF of every gazette issue that keeps one (`issues/<YYYY-NN>/original.pdf`,
 * written by `npm run import` from a PDF) at its issue URL, e.g. `_site/2019/2/original.pdf`, so
 * document pages can link to `…/original.pdf#page=N`. Copies byte for byte.
 * @param output the site's output folder.
 * @param originals each issue's original: URL (from the site root) and repository-relative source.
 */
export async function copyOriginals(output: string, originals: readonly { url: string; source: string }[]): Promise<void> {
  for (const o of originals) {
    const to = path.join(output, ...o.url.split("/").filter(Boolean));
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(o.source, to);
  }
}
