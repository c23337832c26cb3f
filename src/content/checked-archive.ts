import path from "node:path";
import type { Archive } from "./model.ts";

let handed: { dir: string; archive: Archive } | null = null;

/**
 * Hands the archive that `buildSite` has just loaded and checked to the build it starts, so the
 * content folder is read and checked once per build, not twice (profiled: reading and checking
 * 20,000 documents is seconds of work). One-shot: {@link takeCheckedArchive} clears it.
 */
export function handOverCheckedArchive(contentDir: string, archive: Archive): void {
  handed = { dir: path.resolve(contentDir), archive };
}

/** The archive handed over for `contentDir` (cleared on reading), or null: then the caller loads it itself. */
export function takeCheckedArchive(contentDir: string): Archive | null {
  const h = handed;
  handed = null;
  return h && h.dir === path.resolve(contentDir) ? h.archive : null;
}
