import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { PrintTask } from "../print/print-jobs.ts";
import { pathExists } from "../util/index.ts";

/** Options of {@link makeIssuePdfs}. */
export interface IssuePdfOptions {
  /** The published output folder: a PDF whose print view this build did not render again is taken from there. */
  previousDir: string;
  /** Print folders (`<YYYY-NN>`) whose print views this build rendered; undefined: all of them. */
  printIssues?: ReadonlySet<string>;
  /** URL path the site is built for, e.g. `/gazette/` (default `/`). */
  pathPrefix?: string;
  /** Chromium executable (default: see `findChromium`). */
  chromiumPath?: string;
}

/**
 * Makes the PDF of every gazette issue the pages link (`tasks`, `pdf/<YYYY-NN>.pdf`) inside the
 * built folder `siteDir`, before it is published, so that every PDF link of the site points at a
 * file that exists and no page is changed afterwards. A PDF whose print view was reused unchanged
 * (not in `printIssues`) is copied from the previous output when it is there; the others are
 * printed in Chromium (`printPdfs`, GB/T 9704-2012 layout, see `src/print/`), which is loaded only
 * when a PDF has to be made.
 * @returns how many PDFs were printed and how many copied.
 * @throws what `printPdfs` throws (no Chromium, a font fallback): the build then stops.
 */
export async function makeIssuePdfs(siteDir: string, tasks: readonly PrintTask[], options: IssuePdfOptions): Promise<{ printed: number; copied: number }> {
  const toPrint: PrintTask[] = [];
  let copied = 0;
  for (const task of tasks) {
    const key = path.basename(task.file, ".pdf");
    const previous = path.join(options.previousDir, task.file);
    if (options.printIssues && !options.printIssues.has(key) && (await pathExists(previous))) {
      await mkdir(path.dirname(path.join(siteDir, task.file)), { recursive: true });
      await copyFile(previous, path.join(siteDir, task.file));
      copied++;
    } else toPrint.push(task);
  }
  if (toPrint.length > 0) {
    const { printPdfs } = await import("../print/print-pdfs.ts");
    await printPdfs(siteDir, toPrint, () => {}, options.pathPrefix ?? "/", options.chromiumPath ? { chromiumPath: options.chromiumPath } : {});
  }
  return { printed: toPrint.length, copied };
}
